import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { spawnEmbeddedPostgres } from '../support/embedded-postgres';

/** The embedded database serves several processes' pools at once and must never mix them up. */

let db: Awaited<ReturnType<typeof spawnEmbeddedPostgres>>;
let pools: pg.Pool[];

beforeAll(async () => {
  db = await spawnEmbeddedPostgres();
  pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: db.url, max: 4 }));
  await pools[0]?.query('CREATE TABLE counter (id int PRIMARY KEY, v int NOT NULL)');
  await pools[0]?.query('INSERT INTO counter VALUES (1, 0)');
});
afterAll(async () => {
  for (const p of pools ?? []) await p.end();
  await db?.stop();
});

describe('the embedded PostgreSQL under concurrent connections', () => {
  it('given hundreds of prepared queries of different shapes from 16 connections at once, then every answer belongs to its question', async () => {
    // Different texts and parameter counts: a Bind that lands on another connection's unnamed
    // statement fails or answers the wrong question.
    const ask = (i: number): [string, unknown[], unknown] => {
      if (i % 3 === 0) return [`SELECT $1::int * ${i} AS v`, [i], i * i];
      if (i % 3 === 1) return [`SELECT $1::int + $2::int + ${i} AS v`, [i, 1], 2 * i + 1];
      return [`SELECT $1::text || $2::text || $3::text AS v`, ['q', String(i), '!'], `q${i}!`];
    };
    const answers = await Promise.all(
      Array.from({ length: 600 }, (_, i) => {
        const [sql, params] = ask(i);
        return (pools[i % pools.length] as pg.Pool).query(sql, params).then((r) => r.rows[0].v);
      }),
    );
    answers.forEach((v, i) => {
      expect(v).toEqual(ask(i)[2]);
    });
  });

  it('given concurrent transactions incrementing one row, then none is lost', async () => {
    const n = 60;
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const client = await (pools[i % pools.length] as pg.Pool).connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query('SELECT v FROM counter WHERE id = $1', [1]);
          await client.query('UPDATE counter SET v = $1 WHERE id = $2', [rows[0].v + 1, 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await (pools[0] as pg.Pool).query('SELECT v FROM counter WHERE id = 1');
    expect(rows[0].v).toBe(n);
  });
});
