import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createEvaluationClient } from '../client/evaluation-client';
import { buildCreditCode, organizationCodeBody } from '../domain/credit-code';
import { loadConfig } from '../lib/config';
import { createDb, type Db, type Prisma } from '../lib/db';
import { generateSigningKeyPem } from '../lib/document-seal';
import { createMailing } from '../main/create-mailing';
import { createWorker, NativeConnection } from '../main/create-worker';
import { seedReferenceData } from '../prisma/seed';
import { deploy } from '../scripts/db';
import * as m from '../workflows/evaluation/messages';
import { Cleanup } from './cleanup';
import { createDatabase } from './create-database';
import { startTemporal } from './start-temporal';

/**
 * `npm run bench:evaluation -- [--orgs 2000] [--experts 5]`: a whole campaign of N applications,
 * K evaluators each, on a fresh dev server and database, driven through the workflows' own
 * Updates (the API in front adds HTTP only). Reports wall time per phase, events per workflow
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

async function people(db: Db, role: 'evaluator' | 'committee_member', n: number, label: string) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    username: `bench-${label}-${i}`,
    displayName: `${label}${i}`,
    email: `bench-${label}-${i}@bench.example`,
    role,
    passwordHash: 'x',
  }));
  await db.account.createMany({ data: rows });
  return rows.map((r) => r.id);
}

async function seedWorld(db: Db, campaignId: string) {
  await seedReferenceData(db);
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
  const experts = await people(db, 'evaluator', POOL, 'expert');
  const committee = await people(db, 'committee_member', 7, 'committee');
  const review = await people(db, 'committee_member', 5, 'review');
  const agency = await db.evaluationAgency.create({
    data: { name: '评估中心', districtCode: DISTRICT },
  });
  await db.evaluationExpert.createMany({
    data: experts.map((accountId) => ({ accountId, agencyId: agency.id })),
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
  await db.evaluationCampaign.create({
    data: {
      id: campaignId,
      workflowId: m.campaignWorkflowId(campaignId),
      districtCode: DISTRICT,
      year: 2026,
      title: '基准评估',
      noticeAt: new Date(),
      windowOpensAt: new Date(Date.now() - 1000),
      windowClosesAt: new Date(Date.now() + 3_600_000),
      committeeIds: committee,
      reviewCommitteeIds: review,
      openedById: committee[0] as string,
    },
  });
  const fileIds = orgIds.map(() => randomUUID());
  await db.evaluationFile.createMany({
    data: orgIds.map((organizationId, i) => ({
      id: fileIds[i] as string,
      campaignId,
      organizationId,
      workflowId: m.fileWorkflowId(fileIds[i] as string),
      appliedAt: new Date(),
      appliedById: committee[0] as string,
      selfScore: 870,
      selfAssessment: '自评',
    })),
  });
  return { committee, review, fileIds };
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
  const t = async <T>(name: string, f: () => Promise<T>) => {
    const t0 = performance.now();
    const r = await f();
    phases[name] = Math.round(performance.now() - t0);
    log(`${name}: ${phases[name]} ms`);
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
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `bench-evaluation-${randomUUID().slice(0, 8)}`,
      DISTRICT_CODE: DISTRICT,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      // A key of this run only: production needs one, and grade certificates are signed.
      DOCUMENT_SIGNING_KEY: generateSigningKeyPem(),
      MAIL_OUTBOX_DIR: outboxDir,
    });
    const db = createDb(database.url, { maxConnections: 20 });
    cleanup.add('db', () => db.$disconnect());
    const campaignId = randomUUID();
    const world = await t('seed', () => seedWorld(db, campaignId));
    const { outbox, mailer } = createMailing(config, db);
    cleanup.add('mailer', async () => {
      await outbox.idle();
      mailer.close();
    });
    const native = await NativeConnection.connect({ address: temporal.address });
    cleanup.add('worker connection', () => native.close());
    const worker = await createWorker({ connection: native, config, db, outbox });
    const running = worker.run();
    cleanup.add('worker', async () => {
      worker.shutdown();
      await running;
    });
    const connection = await Connection.connect({ address: temporal.address });
    cleanup.add('client connection', () => connection.close());
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const ev = createEvaluationClient(client, config.TEMPORAL_TASK_QUEUE);
    const system: m.Actor = {
      id: world.committee[0] as string,
      name: '管理员',
      role: 'administrator',
    };
    const wall0 = performance.now();

    await ev.startCampaign({
      campaignId,
      year: 2026,
      title: '基准评估',
      noticeAt: Date.now(),
      windowOpensAt: Date.now() - 1000,
      windowClosesAt: Date.now() + 3_600_000,
      committeeIds: world.committee,
      reviewCommitteeIds: world.review,
      openedBy: system,
    });
    await new Promise((r) => setTimeout(r, 1000));
    await ev.updateCampaign(campaignId, m.closeApplicationsUpdate, { actor: system });
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
    await t('declarations+sheets', () =>
      pool(driven, CONCURRENCY, async (fileId) => {
        const seats = await db.evaluationAssignment.findMany({ where: { fileId } });
        for (const s of seats) {
          const actor = { id: s.evaluatorId, name: '专家', role: 'evaluator' as const };
          await ev.updateFile(fileId, m.declareConflictUpdate, { actor, hasConflict: false });
          await ev.updateFile(fileId, m.submitSheetUpdate, { actor, sheet });
        }
      }),
    );
    await t('committee votes', () =>
      pool(driven, CONCURRENCY, async (fileId) => {
        for (const id of world.committee.slice(0, 5)) {
          const actor = { id, name: '委员', role: 'committee_member' as const };
          await ev.updateFile(fileId, m.voteUpdate, { actor, approve: true });
        }
        await ev.updateFile(fileId, m.closeVoteUpdate, { actor: system });
      }),
    );
    await t('publicity+confirmation', () =>
      waitCount(db, campaignId, 'confirmed', DRIVE, 'confirmed'),
    );
    if (DRIVE === ORGS)
      await ev.updateCampaign(campaignId, m.closeCampaignUpdate, { actor: system });
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
