import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createSmtpMailer } from '../../activities/mail/mailer';
import { createOutbox } from '../../activities/mail/outbox';
import { loadConfig } from '../../lib/config';
import { createDb } from '../../lib/db';
import { createWorker } from '../../main/create-worker';
import type { Harness } from './harness';
import { testEnv } from './test-env';

/**
 * The product's worker and outbox dispatcher in a process of their own, for the fault tests:
 * one that can be killed with SIGKILL mid-work, or outlive a Temporal restart. It runs the
 * test bundle (no bundling at start) and logs to a file under test-artifacts/.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const READY = 'fault-test worker ready';
/** How long a claimed mail may stay `sending` before the dispatcher flags it uncertain. */
const LEASE_ENV = 'MZF_TEST_MAIL_LEASE_MS';

export interface WorkerProcess {
  pid: number;
  /** kill -9: no shutdown, no drain, activities and sends cut off where they are. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a worker process on the harness's task queue, database and SMTP server. */
export async function spawnWorker(
  h: Harness,
  name: string,
  opts: { temporalAddress?: string; leaseMs?: number } = {},
): Promise<WorkerProcess> {
  const logs = path.join(ROOT, 'test-artifacts', 'fault-workers');
  mkdirSync(logs, { recursive: true });
  const out = createWriteStream(path.join(logs, `${h.districtCode}-${name}.log`), { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', __filename], {
    cwd: ROOT,
    env: {
      // biome-ignore lint/style/noProcessEnv: the child finds the test database and bundle here.
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: h.config.DATABASE_URL,
      TEMPORAL_ADDRESS: opts.temporalAddress ?? h.config.TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: h.config.TEMPORAL_TASK_QUEUE,
      DISTRICT_CODE: h.districtCode,
      SMTP_URL: h.smtp.url,
      [LEASE_ENV]: String(opts.leaseMs ?? 3_000),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${name} not ready in 60 s`)), 60_000);
    void exited.then(() => reject(new Error(`worker ${name} exited before it was ready`)));
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      readline.createInterface({ input: stream }).on('line', (line) => {
        out.write(`${line}\n`);
        if (line.includes(READY)) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  return {
    pid: child.pid ?? -1,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      out.end();
    },
  };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadConfig();
  const db = createDb(config.DATABASE_URL ?? '');
  const mailer = createSmtpMailer(config.SMTP_URL ?? '');
  const outbox = createOutbox(db, mailer, {
    from: config.MAIL_FROM,
    // biome-ignore lint/style/noProcessEnv: set by spawnWorker above.
    leaseMs: Number(process.env[LEASE_ENV]),
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    config,
    db,
    outbox,
    workflowBundle: { codePath: testEnv('workflowBundle') },
  });
  const stopDispatcher = outbox.start(1_000);
  process.once('SIGTERM', () => worker.shutdown());
  console.log(READY);
  try {
    await worker.run();
  } finally {
    await stopDispatcher();
    mailer.close();
    await connection.close();
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
