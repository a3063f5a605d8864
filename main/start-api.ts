import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import { ensureStarted, type StartOptions } from '../api/file-registration';
import { watchImportedGrades } from '../api/grade-watch';
import { createCompetitionClient } from '../client/competition-client';
import { createEvaluationClient } from '../client/evaluation-client';
import { createPurchaseClient } from '../client/purchase-client';
import { createRegistrationClient } from '../client/registration-client';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { startHousekeeping } from '../lib/housekeeping';
import { createLogger } from '../lib/logger';
import { configurePasswordHashing } from '../lib/password';
import { loadSecurityPolicy } from '../lib/rules/load-security-policy';

/** The HTTP API (and its docs page), until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  configurePasswordHashing(config.PASSWORD_HASH_COST);
  const log = createLogger(config.LOG_LEVEL, 'api');
  if (!config.DATABASE_URL)
    throw new Error('DATABASE_URL is required (npm start sets it in embedded mode)');
  const sessionSecret = config.SESSION_SECRET ?? randomBytes(32).toString('hex');
  if (!config.SESSION_SECRET)
    log.warn('SESSION_SECRET not set: sessions end when the API restarts');
  const db = createDb(config.DATABASE_URL);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const registrations = createRegistrationClient(client, config.TEMPORAL_TASK_QUEUE);
  const temporalReady = async () => {
    await connection.workflowService.getSystemInfo({});
    return true;
  };
  const purchases = createPurchaseClient(client, config.TEMPORAL_TASK_QUEUE);
  const competitions = createCompetitionClient(client, config.TEMPORAL_TASK_QUEUE);
  const evaluation = createEvaluationClient(client, config.TEMPORAL_TASK_QUEUE);
  const app = createApp({
    db,
    registrations,
    purchases,
    competitions,
    evaluation,
    config,
    logger: log,
    sessionSecret,
    temporalReady,
  });
  await resumeUnstarted(
    db,
    registrations,
    { districtCode: config.DISTRICT_CODE, historyLimit: config.WORKFLOW_HISTORY_LIMIT },
    log,
  );
  // Imported grades (the demo's too) get the grade workflow that expires and downgrades them.
  await watchImportedGrades({ db, evaluation, districtCode: config.DISTRICT_CODE })
    .then((n) => n && log.info({ count: n }, 'imported grades under watch'))
    .catch((err) => log.warn({ err: String(err) }, 'could not watch imported grades'));
  // Throttling and rate-limit windows, old sessions and unattached uploads (issue 13).
  const stopHousekeeping = startHousekeeping(
    db,
    async () => (await loadSecurityPolicy(db, config.DISTRICT_CODE)).uploads.unattachedExpiryHours,
    log,
  );
  const server = app.listen(config.PORT, config.HOST, () => {
    log.info({ url: config.publicUrl, docs: `${config.publicUrl}/docs` }, 'api ready');
  });
  const stop = () =>
    server.close(async () => {
      stopHousekeeping();
      await connection.close();
      await db.$disconnect();
      log.info('api stopped');
    });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
}

/** Filings committed while Temporal was down get their workflow now. */
async function resumeUnstarted(
  db: ReturnType<typeof createDb>,
  registrations: ReturnType<typeof createRegistrationClient>,
  opts: StartOptions,
  log: ReturnType<typeof createLogger>,
): Promise<void> {
  const pending = await db.registration.findMany({
    where: { workflowStartedAt: null },
    select: { id: true },
  });
  for (const { id } of pending) {
    await ensureStarted({ db, registrations }, opts, id).catch((err) =>
      log.warn({ id, err: String(err) }, 'could not start workflow'),
    );
  }
  if (pending.length) log.info({ count: pending.length }, 'started workflows of earlier filings');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
