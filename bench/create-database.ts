import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';

export interface BenchDatabase {
  url: string;
  kind: string;
  stop(): Promise<void>;
}

const SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version') AS v",
    );
    return rows[0]?.v ?? 'unknown';
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh database on the local PostgreSQL (dropped by stop), else in-memory PGlite. */
export async function createDatabase(opts: { pglite: boolean }): Promise<BenchDatabase> {
  const version = opts.pglite ? null : await answers(SERVER_URL);
  if (version) {
    const name = `bench_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: `PostgreSQL ${version} at 127.0.0.1:5432 (database ${name})`,
      stop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const embedded = await startEmbeddedPostgres({});
  return {
    url: embedded.url,
    kind: 'PGlite (in memory, behind pglite-socket)',
    stop: embedded.stop,
  };
}
