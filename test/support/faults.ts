import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { until } from './competition-steps';
import type { Harness } from './harness';
import type { TestSmtp } from './smtp';
import { testEnv } from './test-env';

/**
 * What the fault tests share: a client that retries a decision under its Idempotency-Key as a
 * careful user agent would, the sizes (reduced in the normal suite, full with
 * `npm run test:faults`), and the checks that nothing was written or mailed twice.
 */

// biome-ignore lint/style/noProcessEnv: `npm run test:faults` sets it for the full size.
export const FULL = process.env.MZF_FAULTS === 'full';

/** One answer the client got on the way, for the bound and Retry-After checks. */
export interface Attempt {
  status: number;
  ms: number;
  retryAfter: string | null;
}

/**
 * Sends a decision until it is answered 200, waiting Retry-After (or half a second) after a
 * 503 or a lost connection; every attempt carries the same key. A 4xx other than the first
 * answer's is a failure of the test.
 */
export async function decideUntilDone(
  baseUrl: string,
  token: string,
  path: string,
  body: unknown,
  key: string,
  attempts: Attempt[],
  giveUpMs = 180_000,
): Promise<{ body: any; doneAt: number }> {
  const until = Date.now() + giveUpMs;
  for (;;) {
    const t0 = Date.now();
    let status = 0;
    let retryAfter: string | null = null;
    let parsed: any = null;
    try {
      const res = await fetch(baseUrl + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'Idempotency-Key': key,
        },
        body: JSON.stringify(body),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      parsed = await res.json().catch(() => null);
    } catch {
      status = 0; // the connection itself failed
    }
    attempts.push({ status, ms: Date.now() - t0, retryAfter });
    if (status === 200) return { body: parsed, doneAt: Date.now() };
    if (status !== 503 && status !== 0)
      throw new Error(`${path}: ${status} ${JSON.stringify(parsed)}`);
    if (Date.now() > until) throw new Error(`${path}: still ${status} after ${giveUpMs} ms`);
    const wait = Math.min(Number(retryAfter ?? 0.5) * 1000, 2_000);
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** A registration decision of `h`'s API, retried until done; every answer lands in `attempts`. */
export function registrationDecider(h: Harness, attempts: Attempt[]) {
  return (token: string, id: string, action: string, body: object, step: string) =>
    decideUntilDone(
      h.baseUrl,
      token,
      `/api/registrations/${id}/${action}`,
      body,
      `${step}-${id}`,
      attempts,
    );
}

/** Runs `f` over the items, `width` at a time. */
export async function inLanes<T, R>(
  items: T[],
  width: number,
  f: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await f(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

/**
 * The mails of these registrations once the outbox has settled: nothing pending or being sent.
 * Returns the rows and how often the SMTP server received each of their messages.
 */
export async function settledMails(h: Harness, smtp: TestSmtp, registrationIds: string[]) {
  const prefixes = registrationIds.map((id) => ({ key: { startsWith: `registration-${id}/` } }));
  const rows = await until(
    () => h.db.outboxMail.findMany({ where: { OR: prefixes } }),
    (rs) => rs.every((r) => r.status === 'sent' || r.status === 'uncertain'),
    'the outbox to settle',
    120_000,
  );
  const received = new Map<string, number>();
  for (const m of smtp.received) received.set(m.messageId, (received.get(m.messageId) ?? 0) + 1);
  return { rows, receivedOf: (messageId: string) => received.get(messageId) ?? 0 };
}

export const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};

/**
 * A migrated database of the fault tests' own on the run's PostgreSQL: the worker processes
 * they start run the outbox dispatcher, which sends every due mail in its database, as in
 * production, and must not take other test files' mails. Without a server (PGlite) they share
 * the run's database.
 */
export async function ownDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const shared = testEnv('databaseUrl');
  const server = new URL(shared);
  const name = `mzf_faults_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: shared });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    console.warn(`[faults] no database of their own (${String(err)}); sharing the run's`);
    return { url: shared, drop: async () => {} };
  } finally {
    await admin.end().catch(() => undefined);
  }
  server.pathname = `/${name}`;
  const url = server.toString();
  execFileSync('npx', ['tsx', 'scripts/db.ts', 'deploy', '--engine', 'wasm', '--url', url], {
    cwd: path.resolve(__dirname, '..', '..'),
    stdio: 'ignore',
  });
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: shared });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
