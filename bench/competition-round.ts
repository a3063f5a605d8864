import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { roundWorkflowId } from '../domain/competition/stages';
import { apiClient } from './api-client';
import { Cleanup } from './cleanup';
import { prepareRound } from './competition-setup';
import { createDatabase } from './create-database';
import { startMail } from './start-mail';
import { startProduct } from './start-product';
import { startTemporal } from './start-temporal';

/**
 * `npm run bench:competition -- --proposals 5000 --judges 10`: one venture-philanthropy round
 * through the HTTP API, from call to final tranche, with `--panel` judges per proposal. Reports the
 * wall time of every step and the history sizes: the round workflow's runs and the largest proposal.
 */

const log = (line: string) => console.log(`[bench:competition] ${line}`);
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('proposals', 5000);
const FIRST = arg('judges', 10);
const PANEL = arg('panel', 5);
const CONCURRENCY = arg('concurrency', 12);
const SHORTLIST = Math.min(60, N);

async function pool<T, R>(items: T[], f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const run = async () => {
    for (let i = next++; i < items.length; i = next++) {
      out[i] = await f(items[i] as T);
      done++;
    }
  };
  // A long step says how far it has got, so a stall shows while it happens.
  const progress = setInterval(() => log(`  … ${done}/${items.length}`), 60_000);
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, run));
  } finally {
    clearInterval(progress);
  }
  return out;
}

/** The largest resident memory of this process (API, worker and load together). */
let peakRss = 0;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 1_000).unref();

/** Varied but reproducible points within each criterion's maximum (need 20, design 25, …). */
const criteria = (i: number) => ({
  need: i % 21,
  design: (i * 7) % 26,
  innovation: (i * 3) % 16,
  sustainability: (i * 5) % 16,
  team: (i * 11) % 16,
  budget: (i * 13) % 11,
});

async function main(cleanup: Cleanup) {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const steps: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>) => {
    const t0 = performance.now();
    const r = await f();
    steps[name] = Math.round(performance.now() - t0);
    log(`${name}: ${steps[name]} ms`);
    return r;
  };
  const temporal = await timed('temporal', () => startTemporal(log));
  cleanup.add('temporal', temporal.stop);
  const database = await createDatabase({ pglite: false });
  cleanup.add('database', database.stop);
  const mail = await startMail('folder', `competition-${Date.now()}`);
  cleanup.add('mail', mail.stop);
  const product = await startProduct(
    { databaseUrl: database.url, temporalAddress: temporal.address, mailEnv: mail.env },
    cleanup,
  );
  const people = await timed('setup (accounts, organisations, logins)', () =>
    prepareRound(database.url, product.baseUrl, N, { first: FIRST, roadshow: PANEL }, pool),
  );
  const as = (token: string) => apiClient(product.baseUrl, token);
  const admin = as(people.admin);
  const t0 = performance.now();

  const round = await admin.call<{ id: string }>('POST', '/api/competitions', {
    expect: 201,
    body: {
      title: `公益创投基准 ${N}`,
      callOpensAt: new Date(Date.now() - 60_000).toISOString(),
      callClosesAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
      judges: {
        first: people.firstJudges.map((j) => j.id),
        roadshow: people.roadshowJudges.map((j) => j.id),
      },
      settings: {
        budgetFen: 100_000_000,
        shortlistSize: SHORTLIST,
        minPanelSize: PANEL,
        passMark: 0,
        publicity: { amount: 3, unit: 'seconds' },
        aggregation: { method: 'z_score' },
      },
    },
  });
  const rid = round.id;
  const latencies: number[] = [];
  const ids = await timed('submit proposals', () =>
    pool(people.applicants, async (a) => {
      const body = {
        title: '社区为老服务项目',
        category: 'elderly',
        purpose: 'elderly',
        need: '社区内独居老人较多，缺少日常探访和照料服务。',
        design: '组织志愿者每周入户探访，建立服务档案并开展互助活动。',
        team: [{ name: '张三', role: '项目负责人' }],
        budgetLines: [{ item: '活动物资', kind: 'materials', amountFen: 5_000_000 }],
        requestedFen: 5_000_000,
        bankAccount: { bank: '中国银行', accountName: a.orgName, accountNo: '6217000012345678' },
      };
      const started = performance.now();
      const done = await as(a.token).call<{ id: string }>(
        'POST',
        `/api/competitions/${rid}/proposals`,
        {
          expect: 201,
          body,
        },
      );
      latencies.push(performance.now() - started);
      return done.id;
    }),
  );
  latencies.sort((x, y) => x - y);
  const pct = (q: number) => Math.round(latencies[Math.floor(q * (latencies.length - 1))] ?? 0);
  const submitLatency = { p50: pct(0.5), p95: pct(0.95), max: pct(1) };
  log(`submission latency ms: ${JSON.stringify(submitLatency)}`);
  await timed('close call', () =>
    admin.call('POST', `/api/competitions/${rid}/close-call`, { body: {} }),
  );
  const reviewer = as(people.reviewer);
  await timed('qualification', () =>
    pool(ids, (id) =>
      reviewer.call('POST', `/api/competition-proposals/${id}/qualify`, { body: { pass: true } }),
    ),
  );
  const score = async (phase: 'first' | 'roadshow', judges: { token: string }[]) => {
    await timed(`${phase}: open (panels)`, () =>
      admin.call('POST', `/api/competitions/${rid}/scoring/${phase}/open`, { body: {} }),
    );
    const work = (
      await Promise.all(
        judges.map(async (j) => {
          const mine = await as(j.token).call<{ id: string; phase: string }[]>(
            'GET',
            `/api/competitions/${rid}/proposals`,
          );
          return mine.filter((x) => x.phase === phase).map((x) => ({ j, id: x.id }));
        }),
      )
    ).flat();
    await timed(`${phase}: ${work.length} declarations and scores`, () =>
      pool(work, async ({ j, id }) => {
        const c = as(j.token);
        await c.call('POST', `/api/competition-proposals/${id}/declaration`, {
          body: { phase, conflict: false },
        });
        await c.call('POST', `/api/competition-proposals/${id}/score`, {
          body: { phase, criteria: criteria(ids.indexOf(id) + judges.indexOf(j)) },
        });
      }),
    );
    await timed(`${phase}: close (aggregate)`, () =>
      admin.call('POST', `/api/competitions/${rid}/scoring/${phase}/close`, { body: {} }),
    );
  };
  await score('first', people.firstJudges);
  await score('roadshow', people.roadshowJudges);
  await timed('funding decision', () =>
    admin.call('POST', `/api/competitions/${rid}/funding`, { body: {} }),
  );
  await timed('publicity', async () => {
    for (;;) {
      const r = await admin.call<{ stage: string }>('GET', `/api/competitions/${rid}`);
      if (r.stage === 'implementing') return;
      await new Promise((res) => setTimeout(res, 250));
    }
  });
  const list = await admin.call<{ id: string; status: string }[]>(
    'GET',
    `/api/competitions/${rid}/proposals`,
  );
  const selected = list.filter((p) => p.status === 'selected').map((p) => p.id);
  const fin = as(people.finance);
  const ev = as(people.evaluator);
  // An evaluator sees and evaluates only the projects it is seated on.
  const accounts = await admin.call<{ items: { id: string; username: string }[] }>(
    'GET',
    '/api/admin/accounts?q=c-evaluator',
  );
  const evaluatorId = accounts.items.find((a) => a.username === 'c-evaluator')?.id;
  await timed(`implementation of ${selected.length} projects to the final tranche`, () =>
    pool(selected, async (id) => {
      const u = `/api/competition-proposals/${id}`;
      await admin.call('POST', `${u}/agreement`, { body: { agreementNo: `B-${id.slice(0, 8)}` } });
      await admin.call('PUT', `${u}/evaluators`, { body: { evaluatorIds: [evaluatorId] } });
      await fin.call('POST', `${u}/payments/1/confirm`, { body: {} });
      await ev.call('POST', `${u}/evaluations`, {
        body: { stage: 'midterm', score: 90, report: '良好' },
      });
      await admin.call('POST', `${u}/payments/2/order`, { body: {} });
      await fin.call('POST', `${u}/payments/2/confirm`, { body: {} });
      await ev.call('POST', `${u}/evaluations`, {
        body: { stage: 'final', score: 90, report: '良好' },
      });
      await admin.call('POST', `${u}/payments/3/order`, { body: {} });
      await fin.call('POST', `${u}/payments/3/confirm`, { body: {} });
    }),
  );
  await timed('close round', () =>
    admin.call('POST', `/api/competitions/${rid}/close`, { body: {} }),
  );
  const client = product.client;
  // The round closes for people at once; its workflow ends when the last round news has reached
  // the proposals, and a proposal's history is counted once its workflow has ended.
  await timed('round news delivered, round workflow ended', () =>
    client.workflow.getHandle(roundWorkflowId(rid)).result(),
  );
  const wallMs = Math.round(performance.now() - t0);
  // Visibility records a closed workflow's history length a moment after it closes (a run read
  // 0 events for the ended round): wait until nothing shows as running or with an empty history.
  await timed('visibility shows every workflow ended', async () => {
    for (;;) {
      const { count } = await client.workflow.count(
        `(WorkflowType = 'competitionProposalWorkflow' OR WorkflowId = '${roundWorkflowId(rid)}') AND (ExecutionStatus = 'Running' OR HistoryLength = 0)`,
      );
      if (count === 0) return;
      await new Promise((res) => setTimeout(res, 1_000));
    }
  });
  const runs: { runId: string; events: number }[] = [];
  // Each run's length from the server itself, not from visibility.
  for await (const w of client.workflow.list({ query: `WorkflowId = '${roundWorkflowId(rid)}'` })) {
    const d = await client.workflow.getHandle(w.workflowId, w.runId).describe();
    runs.push({ runId: w.runId, events: d.historyLength });
  }
  let largest = { workflowId: '', events: 0 };
  let proposals = 0;
  let totalEvents = 0;
  for await (const w of client.workflow.list({
    query: `WorkflowType = 'competitionProposalWorkflow'`,
  })) {
    proposals++;
    totalEvents += w.historyLength;
    if (w.historyLength > largest.events)
      largest = { workflowId: w.workflowId, events: w.historyLength };
  }
  const figures = await admin.call<unknown>('GET', `/api/competitions/${rid}/figures`);
  const report = {
    proposals: N,
    judgesFirst: FIRST,
    panel: PANEL,
    scores: N * PANEL + SHORTLIST * PANEL,
    concurrency: CONCURRENCY,
    wallMs,
    steps,
    submitLatency,
    roundRuns: runs,
    largestRoundRun: Math.max(...runs.map((r) => r.events)),
    proposalWorkflows: proposals,
    largestProposal: largest,
    meanProposalEvents: proposals ? Math.round(totalEvents / proposals) : 0,
    selected: selected.length,
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    figures,
    environment: {
      cpus: os.cpus().length,
      node: process.version,
      temporal: temporal.version,
      database: database.kind,
    },
  };
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `competition-${N}x${PANEL}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(file, JSON.stringify(report, null, 2));
  log(
    `wall ${(wallMs / 1000).toFixed(1)} s; round runs ${runs.map((r) => r.events).join(' + ')} events; largest proposal ${largest.events} events; report ${file}`,
  );
}

const cleanup = new Cleanup();
main(cleanup)
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run(log));
