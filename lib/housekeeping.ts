import type { Db } from './db';
import type { Logger } from './logger';

/**
 * Periodic clean-up in a running API process: the throttling and rate-limit stores keep only
 * what their windows can still count, old sessions go, and uploads that no application,
 * proposal or evidence list names expire (issue 13 point 8). Each step is one statement, so
 * several API processes may sweep at once.
 */

const DAY = 24 * 3600_000;
/** The longest login-throttle window the policy allows (domain/security/policy.ts). */
const LONGEST_THROTTLE_WINDOW = DAY;
const SESSION_RETENTION = 90 * DAY;

export interface SweepResult {
  loginFailures: number;
  rateCounters: number;
  sessions: number;
  uploads: number;
}

export async function sweep(
  db: Db,
  opts: { unattachedExpiryHours: number; now?: number },
): Promise<SweepResult> {
  const now = opts.now ?? Date.now();
  const loginFailures = await db.loginFailure.deleteMany({
    where: { at: { lt: new Date(now - LONGEST_THROTTLE_WINDOW) } },
  });
  const rateCounters = await db.rateCounter.deleteMany({
    where: { windowStart: { lt: new Date(now - DAY) } },
  });
  const old = new Date(now - SESSION_RETENTION);
  const sessions = await db.authSession.deleteMany({
    where: { OR: [{ endedAt: { lt: old } }, { endedAt: null, expiresAt: { lt: old } }] },
  });
  const uploads = await expireUnattachedUploads(
    db,
    new Date(now - opts.unattachedExpiryHours * 3600_000),
  );
  return {
    loginFailures: loginFailures.count,
    rateCounters: rateCounters.count,
    sessions: sessions.count,
    uploads,
  };
}

/**
 * Deletes uploads older than `before` that nothing names: an application version's documents,
 * an evaluation application's evidence, a competition proposal's attachments.
 */
export async function expireUnattachedUploads(db: Db, before: Date): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "StoredFile" f
    WHERE f.kind = 'upload' AND f."createdAt" < ${before}
      AND NOT EXISTS (SELECT 1 FROM "ApplicationVersion" v
        WHERE v.data -> 'documents' @> jsonb_build_array(jsonb_build_object('fileId', f.id::text)))
      AND NOT EXISTS (SELECT 1 FROM "EvaluationFile" e WHERE f.id::text = ANY (e."evidenceFileIds"))
      AND NOT EXISTS (SELECT 1 FROM "CompetitionProposal" p
        WHERE p.content -> 'documentIds' @> jsonb_build_array(f.id::text))`;
}

/** Sweeps now and then every `everyMs`; the timer does not keep the process alive. */
export function startHousekeeping(
  db: Db,
  unattachedExpiryHours: () => Promise<number>,
  log: Logger,
  everyMs = 10 * 60_000,
): () => void {
  const run = async () => {
    try {
      const r = await sweep(db, { unattachedExpiryHours: await unattachedExpiryHours() });
      if (r.uploads || r.sessions) log.info(r, 'housekeeping');
    } catch (err) {
      log.warn({ err: String(err) }, 'housekeeping failed');
    }
  };
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
