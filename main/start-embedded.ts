import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { findTemporalCli } from '../lib/temporal-cli';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedReferenceData } from '../prisma/seed';
import { deploy } from '../scripts/db';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { type Child, startChild, waitForHttp } from './child-process';
import { startTemporal } from './embedded-temporal';

/**
 * `npm start`: the whole system on one machine with embedded defaults — a Temporal dev server
 * keeping its data in DATA_DIR, PGlite behind a Postgres socket (unless DATABASE_URL names a
 * real PostgreSQL), mail written to an outbox folder, the worker and the API. Ctrl-C stops all.
 */

const started = Date.now();
const log = (line: string) => console.log(`[minzheng-flow] ${line}`);
/** Each phase's line says how long the start has taken so far, so a slow phase is visible. */
const phase = (line: string) => log(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

function sessionSecret(config: Config, dataDir: string): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = path.join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function banner(
  config: Config,
  temporalUi: string,
  databaseUrl: string,
  embeddedDb: boolean,
  demo: boolean,
): void {
  const lines = [
    '',
    `  minzheng-flow 已启动（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    '',
    `  网页             ${config.publicUrl}/`,
    `  API              ${config.publicUrl}/api`,
    `  API 文档         ${config.publicUrl}/docs`,
    `  Temporal Web UI  ${temporalUi}`,
    `  数据库           ${embeddedDb ? `PGlite（内嵌）${databaseUrl}` : databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`,
    `  邮件             ${config.SMTP_URL ? config.SMTP_URL : `发件箱文件夹 ${path.resolve(config.outboxDir)}`}`,
    `  数据目录         ${path.resolve(config.DATA_DIR)}`,
  ];
  if (demo) {
    lines.push('', `  演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of DEMO_ACCOUNTS)
      lines.push(`    ${a.username.padEnd(12)} ${a.displayName}（${a.role}）`);
  }
  lines.push('', '  按 Ctrl-C 停止。', '');
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    phase('looking for the Temporal CLI');
    const cli = await findTemporalCli({ explicitPath: config.TEMPORAL_CLI, allowBuild: true, log });
    const temporal = await startTemporal(
      config,
      cli,
      path.join(dataDir, 'temporal.db'),
      SEARCH_ATTRIBUTES,
      log,
    );
    stops.push(temporal.stop);

    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const db = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'pglite'),
        port: config.EMBEDDED_DB_PORT,
      });
      stops.push(db.stop);
      databaseUrl = db.url;
      phase('embedded database (PGlite) ready');
    }
    await deploy(databaseUrl);
    phase('database migrations applied');
    const demo = config.DEMO_ACCOUNTS || !config.DATABASE_URL;
    const db = createDb(databaseUrl, { maxConnections: 2 });
    await seedReferenceData(db);
    if (demo) await seedDemo(db, config.DISTRICT_CODE);
    await db.$disconnect();
    phase('reference data seeded; starting the worker and the API');

    const env = {
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: sessionSecret(config, dataDir),
      TEMPORAL_ADDRESS: temporal.address,
      DEMO_ACCOUNTS: String(demo),
      // Plain HTTP on loopback: a Secure cookie would not be sent back.
      SESSION_COOKIE_SECURE: 'false',
    };
    const children: Child[] = [
      startChild('worker', 'main/start-worker.ts', env, path.join(dataDir, 'logs', 'worker.log')),
      startChild('api', 'main/start-api.ts', env, path.join(dataDir, 'logs', 'api.log')),
    ];
    for (const c of children) {
      stops.unshift(c.stop);
      void c.exited.then((code) => {
        if (!stopping) {
          console.error(`[minzheng-flow] ${c.name} exited with ${code}; see ${c.logFile}`);
          void stopAll(1);
        }
      });
    }
    await Promise.all([
      children[0]?.ready('worker ready'),
      waitForHttp(`${config.publicUrl}/readyz`, 120_000),
    ]);
    banner(config, temporal.uiUrl, databaseUrl, !config.DATABASE_URL, demo);
  } catch (err) {
    console.error(
      `[minzheng-flow] could not start: ${err instanceof Error ? err.message : String(err)}`,
    );
    await stopAll(1);
  }
}

void main();
