import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import { watchImportedGrades } from '../api/grade-watch';
import { startFilingSweep } from '../api/start-sweep';
import { createWorkflowClients } from '../client/workflow-clients';
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
  // Lazy: the API serves (and keeps filings) while Temporal is away, and reconnects by itself.
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const clients = createWorkflowClients(client, config);
  const app = createApp({ db, ...clients, config, logger: log, sessionSecret });
  // Filings committed while Temporal was away get their workflow, now and while the API runs.
  const stopSweep = startFilingSweep(
    { db, registrations: clients.registrations, logger: log },
    { districtCode: config.DISTRICT_CODE, historyLimit: config.WORKFLOW_HISTORY_LIMIT },
    config.START_SWEEP_INTERVAL_MS,
  );
  // Imported grades (the demo's too) get the grade workflow that expires and downgrades them.
  await watchImportedGrades({
    db,
    evaluation: clients.evaluation,
    districtCode: config.DISTRICT_CODE,
  })
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
      await stopSweep();
      await connection.close();
      await db.$disconnect();
      log.info('api stopped');
    });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
