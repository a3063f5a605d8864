import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { createMailing } from './create-mailing';
import { createWorker, NativeConnection } from './create-worker';

/** The Temporal worker and the outbox dispatcher, until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'worker');
  if (!config.DATABASE_URL)
    throw new Error('DATABASE_URL is required (npm start sets it in embedded mode)');
  const db = createDb(config.DATABASE_URL);
  const { mailer, outbox, where } = createMailing(config, db);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createWorker({ connection, config, db, outbox });
  const stopDispatcher = outbox.start(10_000);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => worker.shutdown());
  log.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS, mail: where },
    'worker ready',
  );
  try {
    await worker.run();
  } finally {
    await stopDispatcher();
    mailer.close();
    await connection.close();
    await db.$disconnect();
    log.info('worker stopped');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
