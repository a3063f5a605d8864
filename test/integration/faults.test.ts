import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFilingSweep } from '../../api/start-sweep';
import { createWorkflowClients } from '../../client/workflow-clients';
import { createLogger } from '../../lib/logger';
import { startTemporalDevServer, type TemporalDevServer } from '../../lib/temporal-dev-server';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { until } from '../support/competition-steps';
import {
  type Attempt,
  FULL,
  inLanes,
  ownDatabase,
  p95,
  registrationDecider,
  settledMails,
} from '../support/faults';
import { applicationFor, requiredTypes } from '../support/fixtures';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { uploadAll, waitFor } from '../support/registration-steps';
import { testEnv } from '../support/test-env';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

/**
 * Faults on the real parts: the worker killed with SIGKILL while it holds files mid-review, and
 * the Temporal server stopped and restarted under load. Reduced sizes here; `npm run
 * test:faults` runs the full ones (README, "Faults and what they cost").
 */

const SIZE = { kill: FULL ? 50 : 8, restart: FULL ? 30 : 6, filedWhileDown: FULL ? 10 : 2 };
const TIMEOUT_MS = FULL ? 1_200_000 : 240_000;
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
let databaseUrl: string;
let dropDatabase = async () => {};
beforeAll(async () => {
  const own = await ownDatabase();
  databaseUrl = own.url;
  dropDatabase = own.drop;
});
afterAll(async () => {
  await dropDatabase();
});

/** Runs a test's body, then stops what it started (its workers dispatch mail until stopped). */
async function withCleanup(body: (cleanups: (() => Promise<void>)[]) => Promise<void>) {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    await body(cleanups);
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
}

function record(name: string, figures: Record<string, unknown>) {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `faults-${name}.json`), JSON.stringify(figures, null, 2));
  console.log(`[faults] ${name}: ${JSON.stringify(figures)}`);
}

/** N applicants, each with a filed application whose first automatic step is done. */
async function filings(h: Harness, n: number) {
  const r1 = await h.login('reviewer1');
  return inLanes(Array.from({ length: n }), 4, async () => {
    const applicant = await h.newApplicant();
    const docs = await uploadAll(h, applicant.token, requiredTypes('social_group'));
    const application = applicationFor('social_group', 'community_service', docs, {
      contactEmail: applicant.email,
    });
    const filed = await http(h.baseUrl, applicant.token).post('/api/registrations', application);
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const v = await waitFor(h, r1, id, (x) => x.nameCheck !== null, 60_000);
    expect(v.findings).toEqual([]);
    return { id, applicant };
  });
}

/** Every decision once, every certificate and code once, every mail received at most once. */
async function expectNothingTwice(h: Harness, ids: string[]) {
  for (const action of ['accepted', 'first_review_approved', 'approved']) {
    const rows = await h.db.auditEntry.groupBy({
      by: ['subjectId'],
      where: { subjectType: 'registration', subjectId: { in: ids }, action },
      _count: true,
    });
    expect(rows.map((r) => r._count)).toEqual(ids.map(() => 1));
  }
  // The certificate is drawn after the approval is answered: wait (bounded) until each has one.
  const until = Date.now() + 60_000;
  let regs = await h.db.registration.findMany({ where: { id: { in: ids } } });
  while (regs.some((r) => !r.certificateFileId) && Date.now() < until) {
    await new Promise((res) => setTimeout(res, 500));
    regs = await h.db.registration.findMany({ where: { id: { in: ids } } });
  }
  expect(regs.map((r) => r.status)).toEqual(ids.map(() => 'approved'));
  expect(new Set(regs.map((r) => r.creditCode)).size).toBe(ids.length);
  expect(new Set(regs.map((r) => r.certificateFileId)).size).toBe(ids.length);
  expect(regs.every((r) => r.creditCode && r.certificateFileId)).toBe(true);
  // Numbers stay gap-free in the tests' own database: a retried activity took none twice.
  const all = await h.db.registration.findMany({
    select: { applicationNo: true, receiptNo: true },
  });
  for (const numbers of [all.map((r) => r.applicationNo), all.map((r) => r.receiptNo)]) {
    const n = numbers
      .filter((x) => x !== null)
      .map((x) => Number(x?.match(/(\d+)号?$/)?.[1]))
      .sort((a, b) => a - b);
    expect(n).toEqual(n.map((_, i) => i + 1));
  }
  const { rows, receivedOf } = await settledMails(h, h.smtp, ids);
  const sent = rows.filter((r) => r.status === 'sent');
  const uncertain = rows.filter((r) => r.status === 'uncertain');
  expect(sent.map((r) => receivedOf(r.messageId))).toEqual(sent.map(() => 1));
  expect(uncertain.every((r) => receivedOf(r.messageId) <= 1)).toBe(true);
  // Each applicant was told of the approval (with the certificate), once.
  for (const id of ids) {
    const approved = rows.filter(
      (r) => r.key.includes('/approved/') && r.key.startsWith(`registration-${id}/`),
    );
    expect(approved.length).toBeGreaterThanOrEqual(1);
  }
  return { mails: rows.length, sent: sent.length, uncertain: uncertain.length };
}

describe('the worker is killed with SIGKILL mid-review', () => {
  it(
    `given ${SIZE.kill} registrations whose first-level approvals are in flight, when the worker dies and comes back, then every file is decidable again within 30 s and all complete with nothing done twice`,
    () =>
      withCleanup(async (cleanups) => {
        const h = await startHarness({ databaseUrl, env: { TEMPORAL_REQUEST_TIMEOUT_MS: '5000' } });
        cleanups.push(() => h.teardown());
        await h.stopWorker();
        let worker: WorkerProcess = await spawnWorker(h, 'first');
        cleanups.push(() => worker.stop());
        const files = await filings(h, SIZE.kill);
        const ids = files.map((f) => f.id);
        const r1 = await h.login('reviewer1');
        const r2 = await h.login('reviewer2');
        const attempts: Attempt[] = [];
        const decide = registrationDecider(h, attempts);
        await inLanes(ids, 4, (id) => decide(r1, id, 'accept', {}, 'accept'));

        // The first-level approvals go out together; the worker dies while it holds them.
        const firstLevel = ids.map((id) =>
          decide(r1, id, 'approve', { opinion: '拟准予' }, 'first'),
        );
        await new Promise((r) => setTimeout(r, 400));
        await worker.kill();
        const killedAt = Date.now();
        await new Promise((r) => setTimeout(r, 2_000));
        worker = await spawnWorker(h, 'second');
        const backAt = Date.now();
        const done = await Promise.all(firstLevel);
        const decidableAfterReturnMs = Math.max(...done.map((d) => d.doneAt)) - backAt;
        expect(decidableAfterReturnMs).toBeLessThan(30_000);

        // A new decision on every file goes through.
        const t0 = Date.now();
        await inLanes(ids, 4, (id) => decide(r2, id, 'approve', { opinion: '准予登记' }, 'second'));
        const secondLevelMs = Date.now() - t0;
        const mails = await expectNothingTwice(h, ids);
        const refused = attempts.filter((a) => a.status === 503);
        expect(refused.every((a) => a.retryAfter !== null)).toBe(true);
        record(FULL ? 'kill-full' : 'kill', {
          registrations: ids.length,
          workerAwayMs: backAt - killedAt,
          decidableAfterReturnMs,
          secondLevelMs,
          answers503: refused.length,
          slowest503Ms: Math.max(0, ...refused.map((a) => a.ms)),
          ...mails,
        });
      }),
    TIMEOUT_MS,
  );
});

describe('the Temporal server is stopped and restarted under load', () => {
  it(
    `given ${SIZE.restart} files being decided and ${SIZE.filedWhileDown} filed while it is down, then requests answer 503 with Retry-After within the bound, and after the restart everything completes`,
    () =>
      withCleanup(async (cleanups) => {
        const cli = testEnv('temporalCli');
        if (!cli) throw new Error('this test needs the Temporal CLI (see README, Toolchain)');
        const dir = mkdtempSync(path.join(os.tmpdir(), 'mzf-temporal-restart-'));
        const options = {
          cli,
          dbFile: path.join(dir, 'temporal.db'),
          headless: true,
          searchAttributes: SEARCH_ATTRIBUTES,
        };
        let temporal: TemporalDevServer = await startTemporalDevServer(options);
        cleanups.push(() => temporal.stop());
        const port = Number(temporal.address.split(':')[1]);
        const BOUND = 3_000;
        const h = await startHarness({
          databaseUrl,
          env: { TEMPORAL_ADDRESS: temporal.address, TEMPORAL_REQUEST_TIMEOUT_MS: String(BOUND) },
        });
        cleanups.push(() => h.teardown());
        await h.stopWorker();
        const worker = await spawnWorker(h, 'restart');
        cleanups.push(() => worker.stop());
        // The API's own sweep, as main/start-api.ts runs it (a shorter interval than the default).
        const { registrations } = createWorkflowClients(h.client, h.config);
        const stopSweep = startFilingSweep(
          { db: h.db, registrations, logger: createLogger('silent', 'api') },
          { districtCode: h.districtCode },
          5_000,
        );
        cleanups.push(stopSweep);

        const files = await filings(h, SIZE.restart);
        const ids = files.map((f) => f.id);
        const r1 = await h.login('reviewer1');
        const r2 = await h.login('reviewer2');
        const attempts: Attempt[] = [];
        const decide = registrationDecider(h, attempts);

        // Under load: acceptances go out, and the server goes away while they run.
        const accepting = ids.map((id) => decide(r1, id, 'accept', {}, 'accept'));
        await new Promise((r) => setTimeout(r, 300));
        await temporal.stop();
        const stoppedAt = Date.now();

        // While it is away: filings are kept, detail pages answer from the stored view, /readyz
        // says so quickly.
        const newcomers = await inLanes(
          Array.from({ length: SIZE.filedWhileDown }),
          2,
          async () => {
            const applicant = await h.newApplicant();
            const docs = await uploadAll(h, applicant.token, requiredTypes('foundation'));
            const application = applicationFor('foundation', 'public_welfare', docs, {
              contactEmail: applicant.email,
            });
            const t0 = Date.now();
            const filed = await http(h.baseUrl, applicant.token).post(
              '/api/registrations',
              application,
            );
            expect(filed.status).toBe(201);
            expect(Date.now() - t0).toBeLessThan(BOUND + 2_000);
            return filed.body.id as string;
          },
        );
        const t0 = Date.now();
        const detail = await http(h.baseUrl, r1).get(`/api/registrations/${ids[0]}`);
        const detailMs = Date.now() - t0;
        expect(detail.status).toBe(200);
        const t1 = Date.now();
        const ready = await http(h.baseUrl).get('/readyz');
        const readyMs = Date.now() - t1;
        expect(ready.status).toBe(503);
        expect(readyMs).toBeLessThan(2_000);
        await new Promise((r) => setTimeout(r, 3_000));

        temporal = await startTemporalDevServer({ ...options, port });
        const restartedAt = Date.now();
        const accepted = await Promise.all(accepting);
        const acceptedAfterRestartMs = Math.max(...accepted.map((a) => a.doneAt)) - restartedAt;
        // Filings committed while it was away get their workflow from the sweep within a minute.
        await until(
          () =>
            h.db.registration.count({ where: { id: { in: newcomers }, workflowStartedAt: null } }),
          (n) => n === 0,
          'the sweep to start the filings made while Temporal was down',
          60_000,
        );
        const sweptAfterRestartMs = Date.now() - restartedAt;
        for (const id of newcomers) await waitFor(h, r1, id, (v) => v.nameCheck !== null, 60_000);

        const all = [...ids, ...newcomers];
        await inLanes(newcomers, 2, (id) => decide(r1, id, 'accept', {}, 'accept'));
        await inLanes(all, 4, (id) => decide(r1, id, 'approve', { opinion: '拟准予' }, 'first'));
        await inLanes(all, 4, (id) => decide(r2, id, 'approve', { opinion: '准予登记' }, 'second'));
        const mails = await expectNothingTwice(h, all);

        const refused = attempts.filter((a) => a.status === 503);
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.every((a) => a.retryAfter !== null)).toBe(true);
        // Every answer came within the bound (plus a loaded machine's slack), never a hang.
        expect(Math.max(...attempts.map((a) => a.ms))).toBeLessThan(BOUND + 3_000);
        record(FULL ? 'restart-full' : 'restart', {
          registrations: ids.length,
          filedWhileDown: newcomers.length,
          temporalAwayMs: restartedAt - stoppedAt,
          answers503: refused.length,
          answerP95Ms: p95(attempts.map((a) => a.ms)),
          slowestAnswerMs: Math.max(...attempts.map((a) => a.ms)),
          detailWhileDownMs: detailMs,
          readyzWhileDownMs: readyMs,
          acceptedAfterRestartMs,
          sweptAfterRestartMs,
          ...mails,
        });
      }),
    TIMEOUT_MS,
  );
});
