import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/embedded-postgres';
import { findTemporalCli } from '../../lib/temporal-cli';
import { localTestEnvOptions, startTemporalDevServer } from '../../lib/temporal-dev-server';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { TEST_ENV } from './test-env';

/**
 * Once per Jest run: a fresh database migrated from prisma/migrations (the real PostgreSQL
 * when one answers, as in CI; PGlite otherwise) and one Temporal dev server. Test files share
 * both and isolate themselves with their own task queue, organisations and names.
 */

const ROOT = path.resolve(__dirname, '..', '..');

const quiet = () => undefined;
const quietLogger = {
  trace: quiet,
  debug: quiet,
  info: quiet,
  warn: console.warn,
  error: console.error,
  log: quiet,
};
const stops: (() => Promise<void>)[] = [];

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(): Promise<string> {
  // biome-ignore lint/style/noProcessEnv: test infrastructure picks the server to test against.
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  if (await reachable(serverUrl)) {
    const name = `mzf_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    stops.push(async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }
  console.warn(`\n[test] no PostgreSQL at ${serverUrl}; using embedded PGlite`);
  const embedded = await startEmbeddedPostgres({});
  stops.push(embedded.stop);
  return embedded.url;
}

/** Our CLI's dev server when there is one; else the one the SDK downloads (connected machines). */
async function startTemporal(
  cli: string | undefined,
): Promise<{ address: string; stop(): Promise<void> }> {
  if (cli)
    return startTemporalDevServer({ cli, headless: true, searchAttributes: SEARCH_ATTRIBUTES });
  console.warn('[test] no Temporal CLI found or built: the Temporal SDK downloads its dev server');
  const env = await TestWorkflowEnvironment.createLocal(
    localTestEnvOptions(undefined, SEARCH_ATTRIBUTES),
  );
  return { address: env.address, stop: () => env.teardown() };
}

export default async function globalSetup(): Promise<void> {
  // biome-ignore lint/style/noProcessEnv: shared by every project of this run.
  if (process.env[TEST_ENV.databaseUrl]) return;
  const databaseUrl = await createDatabase();
  execFileSync(
    'npx',
    ['tsx', 'scripts/db.ts', 'deploy', '--engine', 'wasm', '--url', databaseUrl],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const cli = await findTemporalCli({
    // biome-ignore lint/style/noProcessEnv: the same override the app's config honours.
    explicitPath: process.env.TEMPORAL_CLI,
    allowBuild: true,
    log: (l) => console.log(`[test] ${l}`),
  });
  const temporal = await startTemporal(cli);
  stops.push(temporal.stop);
  // Bundle the workflows once for every test file's worker.
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(ROOT, 'workflows'),
    logger: quietLogger,
  });
  const bundlePath = path.join(os.tmpdir(), `mzf-workflows-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  // biome-ignore lint/style/noProcessEnv: handed to the test workers Jest forks after this.
  Object.assign(process.env, {
    [TEST_ENV.databaseUrl]: databaseUrl,
    [TEST_ENV.temporalAddress]: temporal.address,
    [TEST_ENV.temporalCli]: cli ?? '',
    [TEST_ENV.workflowBundle]: bundlePath,
  });
  (globalThis as { __mzfStops?: typeof stops }).__mzfStops = stops;
}
