import { backfillFundingDecisions } from '../activities/competition/number-funding-decisions';
import { createSealer } from '../activities/documents/seal-document';
import { type Config, loadConfig } from '../lib/config';
import { createDb, type Db } from '../lib/db';
import { resolveSigningKey } from '../lib/document-signing-key';
import { createLogger, type Logger } from '../lib/logger';
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
  await backfillDecisions(config, db, log);
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

/**
 * Numbers and seals the funding decisions of rounds that were final before decisions were
 * numbered or sealed; idempotent, so every start runs it. A failure is logged, not fatal.
 */
async function backfillDecisions(config: Config, db: Db, log: Logger): Promise<void> {
  try {
    const done = await backfillFundingDecisions(db, {
      shortName: config.AUTHORITY_SHORT_NAME,
      authority: config.AUTHORITY_NAME,
      sealer: createSealer(resolveSigningKey(config), config.publicUrl),
    });
    if (done.numbered) log.info(done, 'numbered funding decisions of earlier rounds');
  } catch (err) {
    log.warn({ err: String(err) }, 'funding decision backfill failed; the next start retries');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
