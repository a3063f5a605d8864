import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createEvaluationClient } from '../client/evaluation-client';
import { buildCreditCode, organizationCodeBody } from '../domain/credit-code';
import { createDb, type Db, type Prisma } from '../lib/db';
import { hashPassword } from '../lib/password';
import { seedReferenceData } from '../prisma/seed';
import { deploy } from '../scripts/db';
import * as m from '../workflows/evaluation/messages';
import { PASSWORD } from './accounts';
import { type ApiClient, apiClient, login } from './api-client';
import { Cleanup } from './cleanup';
import { createDatabase } from './create-database';
import { startProduct } from './start-product';
import { startTemporal } from './start-temporal';

/**
 * `npm run bench:evaluation -- [--orgs 2000] [--experts 5]`: a whole campaign of N applications,
 * K evaluators each, on a fresh dev server and database, driven over HTTP as people do: the
 * administrator opens the campaign, closes applications and counts votes; each evaluator signs
 * in once and declares and scores through the API; committee members vote through it. Only the
 * N applications are written straight to the database (each would need an applicant's sign-in).
 * Reports wall time and this process's CPU (API, worker, driver) per phase, events per workflow
 * and the largest history. Not a test: it asserts nothing but prints what it measured.
 */

const log = (line: string) => console.log(`[bench:evaluation] ${line}`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORGS = arg('orgs', 2000);
const EXPERTS = arg('experts', 5);
const POOL = arg('pool', Math.max(EXPERTS * 4, Math.ceil((ORGS * EXPERTS) / 150)));
const CONCURRENCY = arg('concurrency', 32);
/** Files driven through sheets, votes and publicity (all by default); the rest only start. */
const DRIVE = arg('drive', ORGS);
const DISTRICT = '320404';

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

type Person = { id: string; username: string };

async function people(
  db: Db,
  role: 'evaluator' | 'committee_member' | 'administrator',
  n: number,
  label: string,
  passwordHash: string,
): Promise<Person[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    username: `bench-${label}-${i}`,
    displayName: `${label}${i}`,
    email: `bench-${label}-${i}@bench.example`,
    role,
    passwordHash,
  }));
  await db.account.createMany({ data: rows });
  return rows.map((r) => ({ id: r.id, username: r.username }));
}

/** Reference data, rules, people (with one password, signing in without a second factor), orgs. */
async function seedWorld(db: Db) {
  await seedReferenceData(db);
  // As in npm run bench: staff sign in once with a password only, sessions reused throughout.
  await db.ruleSet.create({
    data: {
      process: 'security',
      version: 'bench-security',
      jurisdiction: '000000',
      effectiveFrom: new Date('2014-01-01T00:00:00Z'),
      settings: { mfa: { requiredForStaff: false } },
      note: '基准测试：工作人员不强制双因素认证',
    },
  });
  await db.ruleSet.create({
    data: {
      process: 'evaluation',
      version: 'bench',
      jurisdiction: DISTRICT,
      effectiveFrom: new Date('2020-01-01T00:00:00Z'),
      settings: {
        experts: { perFile: EXPERTS },
        limits: { publicity: { amount: 2, unit: 'seconds' } },
      } as Prisma.InputJsonValue,
    },
  });
  const hash = await hashPassword(PASSWORD);
  const experts = await people(db, 'evaluator', POOL, 'expert', hash);
  const committee = await people(db, 'committee_member', 7, 'committee', hash);
  const review = await people(db, 'committee_member', 5, 'review', hash);
  const [admin] = await people(db, 'administrator', 1, 'admin', hash);
  const agency = await db.evaluationAgency.create({
    data: { name: '评估中心', districtCode: DISTRICT },
  });
  await db.evaluationExpert.createMany({
    data: experts.map((e) => ({ accountId: e.id, agencyId: agency.id })),
  });
  const orgIds = Array.from({ length: ORGS }, () => randomUUID());
  await db.organization.createMany({
    data: orgIds.map((id, i) => ({
      id,
      name: `钟楼区基准协会${i}`,
      status: 'registered' as const,
      legalForm: 'social_group' as const,
      creditCode: buildCreditCode({
        legalForm: 'social_group',
        divisionCode: DISTRICT,
        body8: organizationCodeBody('BK', i),
      }),
      registeredAt: new Date('2019-01-01T00:00:00Z'),
    })),
  });
  await db.annualInspection.createMany({
    data: orgIds.flatMap((organizationId) => [
      { organizationId, year: 2024, result: 'pass' as const },
      { organizationId, year: 2025, result: 'pass' as const },
    ]),
  });
  if (!admin) throw new Error('no administrator');
  return { experts, committee, review, admin, orgIds };
}

/** The N applications, straight into the opened campaign (each would need an applicant's sign-in). */
async function seedFiles(db: Db, campaignId: string, orgIds: string[], appliedById: string) {
  const fileIds = orgIds.map(() => randomUUID());
  await db.evaluationFile.createMany({
    data: orgIds.map((organizationId, i) => ({
      id: fileIds[i] as string,
      campaignId,
      organizationId,
      workflowId: m.fileWorkflowId(fileIds[i] as string),
      appliedAt: new Date(),
      appliedById,
      selfScore: 870,
      selfAssessment: '自评',
    })),
  });
  return fileIds;
}

/** Signs each person in once (scrypt: one after another, as the API allows two at a time). */
async function signIn(baseUrl: string, who: Person[]): Promise<Map<string, ApiClient>> {
  const out = new Map<string, ApiClient>();
  for (const p of who)
    out.set(p.id, apiClient(baseUrl, await login(baseUrl, p.username, PASSWORD)));
  return out;
}

async function waitCount(db: Db, campaignId: string, status: string, n: number, label: string) {
  const t0 = performance.now();
  for (;;) {
    const c = await db.evaluationFile.count({ where: { campaignId, status } });
    if (c >= n) break;
    await new Promise((r) => setTimeout(r, 1000));
    if (performance.now() - t0 > 60 * 60_000) throw new Error(`${label}: only ${c} of ${n}`);
  }
  return performance.now() - t0;
}

/** Every run of a workflow id (continue-as-new makes several) with its history length. */
async function runsOf(client: Client, workflowId: string): Promise<number[]> {
  const out: number[] = [];
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    const h = await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
    out.push(h.events?.length ?? 0);
  }
  return out;
}

/** The first `n` files to have their expert group, in the order they got it. */
async function firstAssigned(db: Db, campaignId: string, n: number): Promise<string[]> {
  for (;;) {
    const rows = await db.evaluationFile.findMany({
      where: { campaignId, status: 'assigned' },
      orderBy: { updatedAt: 'asc' },
      take: n,
      select: { id: true },
    });
    if (rows.length >= n) return rows.map((r) => r.id);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cleanup = new Cleanup();
  const phases: Record<string, number> = {};
  const cpuMs: Record<string, number> = {};
  const t = async <T>(name: string, f: () => Promise<T>) => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await f();
    const { user, system } = process.cpuUsage(cpu0);
    phases[name] = Math.round(performance.now() - t0);
    cpuMs[name] = Math.round((user + system) / 1000);
    log(`${name}: ${phases[name]} ms (CPU of this process ${cpuMs[name]} ms)`);
    return r;
  };
  try {
    const temporal = await startTemporal(log);
    cleanup.add('temporal', temporal.stop);
    const database = await createDatabase({ pglite: false });
    cleanup.add('database', database.stop);
    await deploy(database.url, 'wasm');
    const outboxDir = mkdtempSync(path.join(os.tmpdir(), 'mzf-bench-eval-'));
    cleanup.add('outbox folder', async () => rmSync(outboxDir, { recursive: true, force: true }));
    const db = createDb(database.url, { maxConnections: 4 });
    cleanup.add('db', () => db.$disconnect());
    const world = await t('seed', () => seedWorld(db));
    // The real worker and API in this process, as npm run bench starts them.
    const product = await startProduct(
      {
        databaseUrl: database.url,
        temporalAddress: temporal.address,
        mailEnv: { MAIL_OUTBOX_DIR: outboxDir },
        env: { DISTRICT_CODE: DISTRICT },
      },
      cleanup,
    );
    const { client } = product;
    const ev = createEvaluationClient(client, product.taskQueue);
    const [adminApi] = (await signIn(product.baseUrl, [world.admin])).values();
    if (!adminApi) throw new Error('the administrator could not sign in');
    const experts = await t('sign-in', () =>
      signIn(product.baseUrl, [...world.experts, ...world.committee.slice(0, 5)]),
    );
    const as = (id: string) => {
      const api = experts.get(id);
      if (!api) throw new Error(`${id} is not signed in`);
      return api;
    };
    const decide = (api: ApiClient, url: string, body: object) =>
      api.call('POST', url, { body, headers: { 'Idempotency-Key': randomUUID() } });
    const wall0 = performance.now();

    const campaign = await adminApi.call<{ id: string }>('POST', '/api/evaluation/campaigns', {
      body: {
        year: 2026,
        title: '基准评估',
        windowOpensAt: new Date(Date.now() - 1000).toISOString(),
        windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
        committeeIds: world.committee.map((c) => c.id),
        reviewCommitteeIds: world.review.map((c) => c.id),
      },
      expect: 201,
    });
    const campaignId = campaign.id;
    await t('applications', () => seedFiles(db, campaignId, world.orgIds, world.admin.id));
    await decide(adminApi, `/api/evaluation/campaigns/${campaignId}/close-applications`, {});
    await t('children started', async () => {
      for (;;) {
        const v = await ev.campaignStatus(campaignId).catch(() => null);
        if (v && v.filesStarted >= ORGS) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    });
    const campaignRuns = await runsOf(client, m.campaignWorkflowId(campaignId));
    log(`campaign runs after starting ${ORGS} children: ${JSON.stringify(campaignRuns)}`);
    const driven = await t('eligibility+assignment', () => firstAssigned(db, campaignId, DRIVE));

    const sheet = {
      scores: { basic: 90, governance: 300, performance: 360, social: 120 },
      bonus: 0,
    };
    const file = (id: string, action: string) => `/api/evaluation/files/${id}/${action}`;
    await t('declarations+sheets', () =>
      pool(driven, CONCURRENCY, async (fileId) => {
        const seats = await db.evaluationAssignment.findMany({ where: { fileId } });
        for (const s of seats) {
          const api = as(s.evaluatorId);
          await decide(api, file(fileId, 'declare-conflict'), { hasConflict: false });
          await decide(api, file(fileId, 'submit-sheet'), sheet);
        }
      }),
    );
    await t('committee votes', () =>
      pool(driven, CONCURRENCY, async (fileId) => {
        for (const c of world.committee.slice(0, 5))
          await decide(as(c.id), file(fileId, 'vote'), { approve: true });
        await decide(adminApi, file(fileId, 'close-vote'), {});
      }),
    );
    await t('publicity+confirmation', () =>
      waitCount(db, campaignId, 'confirmed', DRIVE, 'confirmed'),
    );
    if (DRIVE === ORGS) await decide(adminApi, `/api/evaluation/campaigns/${campaignId}/close`, {});
    const wallMs = Math.round(performance.now() - wall0);

    const fileEvents: number[] = [];
    await t('read histories', () =>
      pool(driven, 16, async (fileId) => {
        const h = await client.workflow.getHandle(m.fileWorkflowId(fileId)).fetchHistory();
        fileEvents.push(h.events?.length ?? 0);
      }),
    );
    // A confirmed file's organisation has a grade workflow (the others never got that far).
    const confirmed = await db.evaluationFile.findFirstOrThrow({
      where: { campaignId, status: 'confirmed' },
    });
    const gradeSample = await client.workflow
      .getHandle(m.gradeWorkflowId(confirmed.organizationId))
      .fetchHistory();
    fileEvents.sort((a, b) => a - b);
    const report = {
      organizations: ORGS,
      evaluatorsPerFile: EXPERTS,
      expertPool: POOL,
      wallMs,
      phasesMs: phases,
      cpuMsOfThisProcess: cpuMs,
      cpuMsPerDrivenFile: Math.round(
        ((cpuMs['declarations+sheets'] ?? 0) +
          (cpuMs['committee votes'] ?? 0) +
          (cpuMs['publicity+confirmation'] ?? 0)) /
          Math.max(1, DRIVE),
      ),
      fileWorkflow: {
        drivenToConfirmation: fileEvents.length,
        minEvents: fileEvents[0],
        medianEvents: fileEvents[Math.floor(fileEvents.length / 2)],
        maxEvents: fileEvents.at(-1),
      },
      campaignWorkflow: {
        runs: campaignRuns.length,
        eventsPerRun: await runsOf(client, m.campaignWorkflowId(campaignId)),
      },
      gradeWorkflowEvents: gradeSample.events?.length ?? 0,
      largestHistory: Math.max(...fileEvents, ...campaignRuns, gradeSample.events?.length ?? 0),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await cleanup.run(log);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
