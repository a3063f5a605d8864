import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import { createWorkflowClients } from '../client/workflow-clients';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { generateSigningKeyPem } from '../lib/document-seal';
import { createLogger } from '../lib/logger';
import { createMailing } from '../main/create-mailing';
import { createWorker, NativeConnection } from '../main/create-worker';
import type { Cleanup } from './cleanup';

export interface Product {
  baseUrl: string;
  /** The API's Temporal client, also used to read product workflow histories. */
  client: Client;
  /** The product's task queue (for a client of its own). */
  taskQueue: string;
}

/**
 * The real worker and the real API in this process, wired as main/start-worker.ts and
 * main/start-api.ts wire them (each with its own Prisma pool and Temporal connection).
 */
export async function startProduct(
  opts: {
    databaseUrl: string;
    temporalAddress: string;
    mailEnv: Record<string, string>;
    /** Further configuration keys (a bench's district, say). */
    env?: Record<string, string>;
  },
  cleanup: Cleanup,
): Promise<Product> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: opts.databaseUrl,
    TEMPORAL_ADDRESS: opts.temporalAddress,
    TEMPORAL_TASK_QUEUE: `bench-product-${randomUUID().slice(0, 8)}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    // A key of this run only: production needs one, and the bench signs what it issues.
    DOCUMENT_SIGNING_KEY: generateSigningKeyPem(),
    HOST: '127.0.0.1',
    PORT: '0',
    ...opts.mailEnv,
    ...opts.env,
  });

  const workerDb = createDb(opts.databaseUrl);
  cleanup.add('worker database pool', () => workerDb.$disconnect());
  const { mailer, outbox } = createMailing(config, workerDb);
  cleanup.add('mailer', () => mailer.close());
  const nativeConnection = await NativeConnection.connect({ address: opts.temporalAddress });
  cleanup.add('worker connection', () => nativeConnection.close());
  const worker = await createWorker({ connection: nativeConnection, config, db: workerDb, outbox });
  const running = worker.run();
  cleanup.add('product worker', async () => {
    worker.shutdown();
    await running;
  });
  cleanup.add('outbox dispatcher', outbox.start(10_000));

  const apiDb = createDb(opts.databaseUrl);
  cleanup.add('api database pool', () => apiDb.$disconnect());
  const connection = await Connection.connect({ address: opts.temporalAddress });
  cleanup.add('api connection', () => connection.close());
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({
    db: apiDb,
    ...createWorkflowClients(client, config),
    config,
    logger: createLogger('error', 'api'),
    sessionSecret: config.SESSION_SECRET ?? '',
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  cleanup.add('api server', () => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, client, taskQueue: config.TEMPORAL_TASK_QUEUE };
}
