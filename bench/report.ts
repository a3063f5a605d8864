import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './options';
import type { Summary } from './stats';

export interface PhaseResult {
  concurrency: number;
  lives: number;
  wallMs: number;
  livesPerSecond: number;
  cpuMsPerLife: number;
  steps: Record<string, Summary>;
}

export interface PathResult {
  single: PhaseResult;
  concurrent: PhaseResult;
  historyEvents: number;
}

export interface BenchResult {
  startedAt: string;
  options: BenchOptions;
  environment: Record<string, string | number>;
  setupMs: Record<string, number>;
  uploads: { files: number; perFile: Summary; perApplicant: Summary };
  baseline: PathResult;
  product: PathResult & {
    activityMsPerLife: Record<string, Summary>;
    localActivitiesPerLife?: number;
    /** SQL statements this process sent per life at concurrency 1 (bench/count-queries.ts). */
    sqlPerLife?: { total: number; byStatement: Record<string, number> };
  };
  mail: { messages: number; megabytes: number };
  ratios: Record<string, number>;
}

/** Rows of the latency tables: label, baseline step, product step. */
const ROWS: [string, string | null, string | null][] = [
  ['whole life', 'life', 'life'],
  ['start / file (POST)', 'start', 'file'],
  ['wait: first automatic step', null, 'firstStep'],
  ['update 1: accept', 'accept', 'accept'],
  ['update 2: 1st-level approve', 'approve1', 'approve1'],
  ['update 3: 2nd-level approve', 'approve2', 'approve2'],
  ['result after last update', 'result', null],
];

const ms = (v: number | undefined) =>
  v === undefined ? '-' : v < 100 ? v.toFixed(1) : v.toFixed(0);
const x = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)}×`;
const pad = (cells: string[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[0] ?? 0) : c.padStart(widths[i] ?? 0))).join(' ');

export function computeRatios(b: PathResult, p: PathResult): Record<string, number> {
  const r = (phase: 'single' | 'concurrent', bk: string, pk: string, q: 'p50' | 'p95') =>
    (p[phase].steps[pk]?.[q] ?? Number.NaN) / (b[phase].steps[bk]?.[q] ?? Number.NaN);
  return {
    lifeP50: r('single', 'life', 'life', 'p50'),
    lifeP95: r('single', 'life', 'life', 'p95'),
    acceptP50: r('single', 'accept', 'accept', 'p50'),
    approve1P50: r('single', 'approve1', 'approve1', 'p50'),
    approve2P50: r('single', 'approve2', 'approve2', 'p50'),
    throughput: p.concurrent.livesPerSecond / b.concurrent.livesPerSecond,
    lifeP50UnderLoad: r('concurrent', 'life', 'life', 'p50'),
    historyEvents: p.historyEvents / b.historyEvents,
  };
}

function latencyTable(title: string, b: PhaseResult, p: PhaseResult): string[] {
  const widths = [28, 8, 8, 8, 9, 8, 8, 9];
  const head = ['', 'base p50', 'p95', 'max', 'prod p50', 'p95', 'max', 'ratio p50'];
  const lines = [title, pad(head, widths)];
  for (const [label, bk, pk] of ROWS) {
    const bs = bk ? b.steps[bk] : undefined;
    const ps = pk ? p.steps[pk] : undefined;
    const ratio = bs && ps ? x(ps.p50 / bs.p50) : '';
    lines.push(
      pad(
        [
          label,
          ms(bs?.p50),
          ms(bs?.p95),
          ms(bs?.max),
          ms(ps?.p50),
          ms(ps?.p95),
          ms(ps?.max),
          ratio,
        ],
        widths,
      ),
    );
  }
  return lines;
}

export function formatReport(r: BenchResult): string {
  const { baseline: b, product: p, ratios } = r;
  const activities = Object.entries(p.activityMsPerLife)
    .sort(([, a], [, c]) => c.p50 - a.p50)
    .map(([name, s]) => `    ${name.padEnd(34)} ${ms(s.p50).padStart(7)} ms p50 per life`);
  return [
    '',
    `minzheng-flow bench — ${r.startedAt}`,
    ...Object.entries(r.environment).map(([k, v]) => `  ${k.padEnd(12)} ${v}`),
    `  set-up       ${Object.entries(r.setupMs)
      .map(([k, v]) => `${k} ${ms(v)} ms`)
      .join(', ')}`,
    `  lives        warm-up ${r.options.warmup}, then ${r.options.n} at concurrency 1 and ${r.options.n} at ${r.options.concurrency}, per path`,
    '',
    `Uploads (before the measured path): ${r.uploads.files} files per applicant; per file p50 ${ms(r.uploads.perFile.p50)} p95 ${ms(r.uploads.perFile.p95)} ms; per applicant p50 ${ms(r.uploads.perApplicant.p50)} ms`,
    '',
    ...latencyTable('Latency at concurrency 1 (ms)', b.single, p.single),
    '',
    ...latencyTable(
      `Latency at concurrency ${b.concurrent.concurrency} (ms)`,
      b.concurrent,
      p.concurrent,
    ),
    '',
    `First automatic step = nameCheck visible in GET /api/registrations/:id (polled every ${r.options.pollMs} ms); the view is answered between workflow tasks, so it shows once the filing's step (checks, record and mails) is done.`,
    '',
    `Throughput at concurrency ${b.concurrent.concurrency}: baseline ${b.concurrent.livesPerSecond.toFixed(1)} lives/s, product ${p.concurrent.livesPerSecond.toFixed(2)} lives/s (product/baseline ${x(ratios.throughput ?? Number.NaN)})`,
    `CPU of this process per life (conc. 1): baseline ${ms(b.single.cpuMsPerLife)} ms, product ${ms(p.single.cpuMsPerLife)} ms`,
    `History events per life: baseline ${b.historyEvents}, product ${p.historyEvents} (${x(ratios.historyEvents ?? Number.NaN)})`,
    `Load average (1 min) at start / end: ${r.environment.loadAtStart} / ${r.environment.loadAtEnd}`,
    `Product local activities per life (one marker each, their time is inside workflow tasks): ${p.localActivitiesPerLife ?? 0}`,
    `SQL statements per life (conc. 1, every round trip incl. BEGIN/COMMIT): ${p.sqlPerLife?.total.toFixed(1) ?? '-'}; most: ${Object.entries(
      p.sqlPerLife?.byStatement ?? {},
    )
      .slice(0, 8)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
    `Product activities, scheduled→completed (from the histories of the concurrency-1 lives):`,
    ...activities,
    `Mail: ${r.mail.messages} messages, ${r.mail.megabytes.toFixed(1)} MB delivered`,
    `Ratios product/baseline: life p50 ${x(ratios.lifeP50 ?? Number.NaN)}, p95 ${x(ratios.lifeP95 ?? Number.NaN)}; updates p50 ${x(ratios.acceptP50 ?? Number.NaN)} / ${x(ratios.approve1P50 ?? Number.NaN)} / ${x(ratios.approve2P50 ?? Number.NaN)}; throughput ${x(ratios.throughput ?? Number.NaN)}`,
    '',
  ].join('\n');
}

export function writeReport(r: BenchResult): string {
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${r.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
