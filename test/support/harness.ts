import { randomInt, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createApp } from '../../api/app';
import { createWorkflowClients } from '../../client/workflow-clients';
import { type Config, loadConfig } from '../../lib/config';
import { createDb, type Db, type Prisma } from '../../lib/db';
import { generateSigningKeyPem } from '../../lib/document-seal';
import { createLogger } from '../../lib/logger';
import { configurePasswordHashing, hashPassword } from '../../lib/password';
import { createMailing } from '../../main/create-mailing';
import { createWorker } from '../../main/create-worker';
import { seedReferenceData } from '../../prisma/seed';
import { assertNoViolations, withResponseContract } from './response-contract';
import { startSmtpServer, type TestSmtp } from './smtp';
import { testEnv } from './test-env';

export const PASSWORD = 'Test-password-2026';

const STAFF = [
  ['reviewer1', '李审查', 'reviewer'],
  ['reviewer2', '王复核', 'reviewer'],
  ['section', '张科长', 'section_head'],
  ['director', '陈局长', 'bureau_head'],
  ['admin', '周管理', 'administrator'],
  ['evaluator', '赵专家', 'evaluator'],
  ['security', '郑安全', 'security_admin'],
  ['auditor', '何审计', 'auditor'],
] as const;

export type StaffName = (typeof STAFF)[number][0];

export interface Harness {
  db: Db;
  config: Config;
  smtp: TestSmtp;
  client: Client;
  worker: Worker;
  baseUrl: string;
  /** Stops this file's worker (nothing polls its task queue until startWorker). */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  /** Another API process on the same database, e.g. with a Temporal that does not answer. */
  startApi(opts: { client?: Client; config?: Partial<Config> }): Promise<TestApi>;
  districtCode: string;
  /** Usernames of this file's accounts are prefixed so that files never share a person. */
  user(name: StaffName | string): { username: string; email: string; id: string };
  login(name: StaffName | string): Promise<string>;
  /** A fresh applicant with its own organisation; returns its token and names. */
  newApplicant(): Promise<{
    token: string;
    username: string;
    email: string;
    organizationId: string;
  }>;
  teardown(): Promise<void>;
}

export interface TestApi {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A district code of this harness's own, claimed by creating its registration rule set (unique
 * per version): some 70 harnesses share one database in a run, and a random four-digit code alone
 * collided in about one run in four (codes, usernames and rule versions all derive from it).
 */
async function claimDistrictCode(db: ReturnType<typeof createDb>, rules: object): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const code = `32${String(randomInt(1000, 9999))}`;
    try {
      await db.ruleSet.create({
        data: {
          process: 'registration',
          version: `test-${code}`,
          jurisdiction: code,
          effectiveFrom: new Date('2020-01-01T00:00:00Z'),
          settings: rules as Prisma.InputJsonValue,
        },
      });
      return code;
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002' || attempt >= 20) throw err;
    }
  }
}

/**
 * The real system for one test file: a worker on its own task queue, the Express app on a
 * loopback port, a real SMTP server, and the shared PostgreSQL and Temporal dev server of
 * the run. Each file gets its own district code, so its rule set applies to it alone.
 */
let runtimeInstalled = false;

export async function startHarness(
  opts: {
    rules?: Record<string, unknown>;
    env?: Record<string, string>;
    /**
     * This file's security policy (a rule set of its district). By default the second factor is
     * not required, so that the staff accounts sign in with their password alone; the tests of
     * the second factor turn it on.
     */
    security?: Record<string, unknown>;
    /** A database of its own (migrated) instead of the run's shared one. */
    databaseUrl?: string;
  } = {},
): Promise<Harness> {
  const databaseUrl = opts.databaseUrl ?? testEnv('databaseUrl');
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const db = createDb(databaseUrl);
  await seedReferenceData(db);
  const districtCode = await claimDistrictCode(db, opts.rules ?? {});
  const prefix = `t${districtCode}`;
  const smtp = await startSmtpServer();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: testEnv('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `test-${districtCode}-${randomUUID().slice(0, 8)}`,
    DISTRICT_CODE: districtCode,
    SMTP_URL: smtp.url,
    HOST: '127.0.0.1',
    PORT: '0',
    // Thousands of sign-ins across the suite: a lighter scrypt than production's 2^17 (which
    // test/unit/api-security.test.ts and auth-sessions.test.ts exercise).
    PASSWORD_HASH_COST: '12',
    // Each file seals its documents with a key of its own (never a production key).
    DOCUMENT_SIGNING_KEY: generateSigningKeyPem(),
    ...opts.env,
  });
  configurePasswordHashing(config.PASSWORD_HASH_COST);
  await db.ruleSet.create({
    data: {
      process: 'security',
      version: `test-${districtCode}-security`,
      jurisdiction: districtCode,
      effectiveFrom: new Date('2020-01-01T00:00:00Z'),
      settings: (opts.security ?? { mfa: { requiredForStaff: false } }) as Prisma.InputJsonValue,
    },
  });
  const hash = await hashPassword(PASSWORD);
  const accounts = new Map<string, { username: string; email: string; id: string }>();
  for (const [name, displayName, role] of STAFF) {
    const username = `${prefix}-${name}`;
    const email = `${username}@test.zhonglou.example`;
    const acc = await db.account.create({
      data: { username, displayName, email, role, passwordHash: hash },
    });
    accounts.set(name, { username, email, id: acc.id });
  }

  const { outbox, mailer } = createMailing(config, db);
  const nativeConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const newWorker = () =>
    createWorker({
      connection: nativeConnection,
      config,
      db,
      outbox,
      workflowBundle: { codePath: testEnv('workflowBundle') },
    });
  let worker = await newWorker();
  let running: Promise<void> | null = worker.run();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const contractViolations: string[][] = [];
  const startApi = async (o: { client?: Client; config?: Partial<Config> }) => {
    const apiConfig = { ...config, ...o.config } as Config;
    const app = createApp({
      db,
      ...createWorkflowClients(o.client ?? client, apiConfig),
      config: apiConfig,
      // biome-ignore lint/style/noProcessEnv: a debugging switch for test runs.
      logger: createLogger(process.env.MZF_TEST_LOG ?? 'silent', 'api'),
      sessionSecret: 'test-secret-that-is-long-enough-1234567890',
    });
    // Every JSON answer of the run is checked against the app's OpenAPI document.
    const contract = withResponseContract(app);
    contractViolations.push(contract.violations);
    const server: Server = await new Promise((resolve) => {
      const s = contract.server.listen(0, '127.0.0.1', () => resolve(s));
    });
    return {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  };
  const api = await startApi({});
  const baseUrl = api.baseUrl;

  async function login(name: string): Promise<string> {
    const username = accounts.get(name)?.username ?? name;
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  let applicants = 0;
  return {
    db,
    config,
    smtp,
    client,
    get worker() {
      return worker;
    },
    baseUrl,
    districtCode,
    async stopWorker() {
      worker.shutdown();
      await running;
      running = null;
    },
    async startWorker() {
      if (running) return;
      worker = await newWorker();
      running = worker.run();
    },
    startApi,
    user: (name) => {
      const u = accounts.get(name);
      if (!u) throw new Error(`no account ${name}`);
      return u;
    },
    login,
    async newApplicant() {
      applicants++;
      const username = `${prefix}-applicant${applicants}`;
      const email = `${username}@test.zhonglou.example`;
      const org = await db.organization.create({ data: { name: `${username}（筹）` } });
      const acc = await db.account.create({
        data: {
          username,
          displayName: `申请人${applicants}`,
          email,
          role: 'applicant',
          organizationId: org.id,
          passwordHash: hash,
        },
      });
      accounts.set(username, { username, email, id: acc.id });
      return { token: await login(username), username, email, organizationId: org.id };
    },
    async teardown() {
      await api.close();
      if (running) {
        worker.shutdown();
        await running;
      }
      await nativeConnection.close();
      await connection.close();
      await outbox.idle();
      mailer.close();
      await smtp.close();
      await db.$disconnect();
      assertNoViolations(contractViolations.flat());
    },
  };
}
