import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { spawnEmbeddedPostgres } from '../support/embedded-postgres';
import { testEnv } from '../support/test-env';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const MIGRATIONS = path.join(ROOT, 'prisma', 'migrations');

let url: string;
let cleanup: () => Promise<void>;

/** A database of its own: on the run's PostgreSQL server when it has one, else an embedded one. */
async function freshDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const server = new URL(testEnv('databaseUrl'));
  const name = `mzf_migrate_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    server.pathname = `/${name}`;
    return {
      url: server.toString(),
      cleanup: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  } catch {
    await admin.end().catch(() => undefined);
    const embedded = await spawnEmbeddedPostgres();
    return { url: embedded.url, cleanup: embedded.stop };
  }
}

async function db(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const r = await run('npx', ['tsx', 'scripts/db.ts', ...args, '--url', url], { cwd: ROOT });
    return { code: 0, stdout: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

async function sql(text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  ({ url, cleanup } = await freshDatabase());
  const applied = await db(['deploy', '--engine', 'wasm']);
  expect(applied.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await cleanup?.();
});

describe('migrations and schema.prisma', () => {
  it('given a database migrated from prisma/migrations, when Prisma compares it with schema.prisma, then there is nothing to change (tables, columns, types, nullability, keys, indexes)', async () => {
    const diff = await db(['diff']);
    expect(diff.stdout.trim()).toBe('');
    expect(diff.code).toBe(0);
  });

  it('given the migrations applied, then _prisma_migrations records each folder with the checksum `prisma migrate deploy` computes, so a connected machine agrees', async () => {
    const folders = readdirSync(MIGRATIONS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const rows = await sql(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const r of rows) {
      const text = readFileSync(path.join(MIGRATIONS, r.migration_name, 'migration.sql'));
      expect(r.checksum).toBe(createHash('sha256').update(text).digest('hex'));
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
    }
    const again = await db(['deploy', '--engine', 'wasm']);
    expect(again.stdout).toContain('up to date');
  });

  it('given a database that drifted (an index dropped, a column made nullable), when compared, then the difference is reported', async () => {
    await sql('DROP INDEX "Registration_status_dueAt_idx"');
    await sql('ALTER TABLE "Account" ALTER COLUMN "email" DROP NOT NULL');
    const diff = await db(['diff']);
    expect(diff.code).toBe(2);
    expect(diff.stdout).toContain('Registration_status_dueAt_idx');
    expect(diff.stdout).toMatch(/"email" SET NOT NULL/);
  });
});
