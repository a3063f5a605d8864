import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { startBaselineWorker } from './baseline';
import { Cleanup } from './cleanup';
import { createDatabase } from './create-database';
import { measureBaseline } from './measure-baseline';
import { measureProduct } from './measure-product';
import { type BenchOptions, parseOptions } from './options';
import { prepareDatabase } from './prepare-database';
import { type BenchResult, computeRatios, formatReport, writeReport } from './report';
import { startMail } from './start-mail';
import { startProduct } from './start-product';
import { startTemporal } from './start-temporal';

/**
 * `npm run bench`: the product's registration path over HTTP against the bare Temporal client
 * on the same dev server, as ratios. Everything it starts is stopped at the end, even on failure.
 */

const log = (line: string) => console.log(`[bench] ${line}`);

async function bench(options: BenchOptions, cleanup: Cleanup): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadAtStart = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const setupMs: Record<string, number> = {};
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await step();
    setupMs[name] = performance.now() - t0;
    log(`${name}: ${Math.round(setupMs[name] ?? 0)} ms`);
    return result;
  };

  const temporal = await timed('temporal', () => startTemporal(log));
  cleanup.add('Temporal dev server', temporal.stop);
  const database = await timed('database', () => createDatabase(options));
  cleanup.add('database', database.stop);
  const accounts = await timed('migrate+seed', () =>
    prepareDatabase(database.url, options.warmup + 2 * options.n),
  );
  const mail = await startMail(options.mail, startedAt.replace(/[:.]/g, '-'));
  cleanup.add('mail', mail.stop);
  const product = await timed('worker+api', () =>
    startProduct(
      { databaseUrl: database.url, temporalAddress: temporal.address, mailEnv: mail.env },
      cleanup,
    ),
  );
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  cleanup.add('baseline worker connection', () => nativeConnection.close());
  const baselineWorker = await timed('baseline worker', () =>
    startBaselineWorker(nativeConnection),
  );
  cleanup.add('baseline worker', baselineWorker.stop);
  const connection = await Connection.connect({ address: temporal.address });
  cleanup.add('baseline client connection', () => connection.close());

  log('baseline: bare Temporal client');
  const baseline = await measureBaseline(
    new Client({ connection }),
    baselineWorker.taskQueue,
    options,
  );
  log('product: registration over HTTP');
  const measured = await measureProduct(product, accounts, options);
  return {
    startedAt,
    options,
    environment: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${os.release()}`,
      temporal: temporal.version,
      database: database.kind,
      mail: mail.description,
      // Other work on the machine: the ratios against bare Temporal in the same run are what count.
      loadAtStart,
      loadAtEnd: os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    },
    setupMs,
    uploads: measured.uploads,
    baseline,
    product: measured.product,
    mail: mail.received(),
    ratios: computeRatios(baseline, measured.product),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup.run(log).then(() => process.exit(130));
    });
  }
  let code = 0;
  try {
    const result = await bench(options, cleanup);
    console.log(formatReport(result));
    log(`wrote ${writeReport(result)}`);
  } catch (err) {
    console.error(err);
    code = 1;
  } finally {
    log('cleaning up');
    await cleanup.run(log);
  }
  // The Wasm schema engine leaves a timer behind.
  process.exit(code);
}

void main();
