import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { sweepUnstartedFilings } from '../../api/start-sweep';
import { createWorkflowClients } from '../../client/workflow-clients';
import { createLogger } from '../../lib/logger';
import { until } from '../support/competition-steps';
import { decideUntilDone } from '../support/faults';
import { applicationFor, requiredTypes } from '../support/fixtures';
import { type Harness, startHarness, type TestApi } from '../support/harness';
import { http } from '../support/http';
import { file, uploadAll, waitFor } from '../support/registration-steps';

/**
 * Every request answers within a bound: with no worker polling, or with Temporal away, a
 * decision is 503 with Retry-After, a detail page shows the stored view, /readyz says why, and
 * a filing is kept and started later.
 */

const BOUND_MS = 2_000;
const LIVE_MS = 500;
/** Slack for a loaded 2-core machine on top of a bound. */
const SLACK_MS = 1_500;

let h: Harness;
/** An API whose Temporal does not answer (nothing listens at its address). */
let away: TestApi;
let awayConnection: Connection;

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

beforeAll(async () => {
  h = await startHarness({
    env: { TEMPORAL_REQUEST_TIMEOUT_MS: String(BOUND_MS), LIVE_VIEW_TIMEOUT_MS: String(LIVE_MS) },
  });
  awayConnection = Connection.lazy({ address: `127.0.0.1:${await closedPort()}` });
  away = await h.startApi({ client: new Client({ connection: awayConnection }) });
});
afterAll(async () => {
  await away?.close();
  await awayConnection?.close();
  await h?.teardown();
});

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = Date.now();
  const out = await f();
  return [out, Date.now() - t0];
}

async function readyFiling() {
  const applicant = await h.newApplicant();
  const { id } = await file(h, applicant, 'social_group', 'community_service');
  const r1 = await h.login('reviewer1');
  await waitFor(h, r1, id, (v) => v.nameCheck !== null);
  return { id, r1, applicant };
}

describe('no worker polls the task queue', () => {
  it('given a decision, then it answers 503 with Retry-After within the bound, the detail page shows the stored view at once, and once a worker is back a retry under the same key gets the decision that was taken', async () => {
    const { id, r1 } = await readyFiling();
    const api = http(h.baseUrl, r1);
    const key = { 'Idempotency-Key': `no-worker-${id}` };
    await h.stopWorker();
    try {
      const [refused, took] = await timed(() =>
        api.post(`/api/registrations/${id}/accept`, {}, key),
      );
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.detail).toContain('Idempotency-Key');
      expect(took).toBeLessThan(BOUND_MS + SLACK_MS);

      const [detail, read] = await timed(() => api.get(`/api/registrations/${id}`));
      expect(detail.status).toBe(200);
      expect(detail.body.live).toBe(false);
      expect(detail.body.view.status).toBe('submitted');
      expect(read).toBeLessThan(LIVE_MS + SLACK_MS);
    } finally {
      await h.startWorker();
    }
    // The server had admitted the decision; the worker applies it, and the retry collects it.
    // (Until the worker has caught up, the retry may be 503 again: the client waits and retries.)
    const retried = await decideUntilDone(
      h.baseUrl,
      r1,
      `/api/registrations/${id}/accept`,
      {},
      key['Idempotency-Key'],
      [],
      60_000,
    );
    expect(retried.body.status).toBe('first_review');
    expect(await h.db.auditEntry.count({ where: { subjectId: id, action: 'accepted' } })).toBe(1);
  });

  it('given /readyz of an API whose task queue no worker polls, then it is not ready and says so', async () => {
    const ok = await http(h.baseUrl).get('/readyz');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ database: true, temporal: true, workers: true });
    const idle = await h.startApi({ config: { TEMPORAL_TASK_QUEUE: `nobody-${h.districtCode}` } });
    try {
      const r = await http(idle.baseUrl).get('/readyz');
      expect(r.status).toBe(503);
      expect(r.body.detail).toContain('没有 worker');
      expect(r.headers.get('retry-after')).not.toBeNull();
    } finally {
      await idle.close();
    }
  });
});

describe('Temporal does not answer', () => {
  it('given a decision, then it answers 503 with Retry-After within the bound; /readyz answers within 2 s', async () => {
    const { id, r1 } = await readyFiling();
    const [refused, took] = await timed(() =>
      http(away.baseUrl, r1).post(`/api/registrations/${id}/accept`, {}),
    );
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(took).toBeLessThan(BOUND_MS + SLACK_MS);
    const [ready, probed] = await timed(() => http(away.baseUrl).get('/readyz'));
    expect(ready.status).toBe(503);
    expect(ready.body.detail).toContain('Temporal 不可用');
    expect(probed).toBeLessThan(2_000);
  });

  it('given a filing, then it is kept and answered at once, and the sweep starts its workflow once Temporal answers', async () => {
    const applicant = await h.newApplicant();
    const docs = await uploadAll(h, applicant.token, requiredTypes('foundation'));
    const application = applicationFor('foundation', 'public_welfare', docs, {
      contactEmail: applicant.email,
    });
    const [filed, took] = await timed(() =>
      http(away.baseUrl, applicant.token).post('/api/registrations', application),
    );
    expect(filed.status).toBe(201);
    expect(filed.body.step).toBe('已提交，等待流程启动');
    expect(took).toBeLessThan(BOUND_MS + SLACK_MS);
    const id = filed.body.id as string;
    // A second filing is refused with the reason, not left to hang on the first.
    const twice = await http(h.baseUrl, applicant.token).post('/api/registrations', application);
    expect(twice.status).toBe(409);

    // A filing that cannot be started for another reason (its text is missing) is passed over.
    const broken = await h.newApplicant();
    const poison = await h.db.registration.create({
      data: {
        id: randomUUID(),
        applicationNo: `ZLDJ-BROKEN-${h.districtCode}`,
        workflowId: `registration-broken-${h.districtCode}`,
        organizationId: broken.organizationId,
        filedById: h.user('reviewer1').id,
        proposedName: '常州市钟楼区无正文测试会',
        category: 'public_welfare',
        legalForm: 'foundation',
        filedAt: new Date(Date.now() - 60_000),
      },
    });
    try {
      // Filings of other test files share this database: a few seconds' grace leaves their own
      // starts, made in their requests, alone.
      await until(
        async () => Date.now() - Date.parse(filed.body.filedAt),
        (ms) => ms > 3_000,
        'age',
      );
      const { registrations } = createWorkflowClients(h.client, h.config);
      const started = await sweepUnstartedFilings(
        { db: h.db, registrations, logger: createLogger('silent', 'api') },
        { districtCode: h.districtCode },
        3_000,
      );
      expect(started).toBeGreaterThanOrEqual(1);
    } finally {
      await h.db.registration.delete({ where: { id: poison.id } });
    }
    const r1 = await h.login('reviewer1');
    const v = await waitFor(h, r1, id, (x) => x.nameCheck !== null);
    expect(v.status).toBe('submitted');
  });
});

describe('429 answers', () => {
  it('given too many failed sign-ins, then the refusal carries Retry-After', async () => {
    const username = `nobody-${h.districtCode}`;
    let last = { status: 0, headers: new Headers() };
    for (let i = 0; i < 7 && last.status !== 429; i++) {
      last = await http(h.baseUrl).post('/api/auth/login', { username, password: 'wrong-1234' });
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
