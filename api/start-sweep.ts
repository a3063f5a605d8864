import type { AppDeps } from './app';
import { toAppError } from './errors';
import { ensureStarted, type StartOptions } from './file-registration';

/** A filing this young may still be starting in its own request. */
const GRACE_MS = 5_000;
const BATCH = 100;

/**
 * Starts the workflows of filings committed while Temporal did not answer. Stops when Temporal
 * is still away (the next sweep tries again); a filing that fails for another reason is logged
 * and passed over, so it cannot hold up the others.
 */
export async function sweepUnstartedFilings(
  deps: Pick<AppDeps, 'db' | 'registrations' | 'logger'>,
  opts: StartOptions,
  graceMs = GRACE_MS,
): Promise<number> {
  const due = await deps.db.registration.findMany({
    where: { workflowStartedAt: null, filedAt: { lt: new Date(Date.now() - graceMs) } },
    select: { id: true },
    orderBy: { filedAt: 'asc' },
    take: BATCH,
  });
  let started = 0;
  for (const { id } of due) {
    try {
      await ensureStarted(deps, opts, id);
      started++;
    } catch (err) {
      deps.logger.warn({ id, err: String(err) }, 'could not start workflow; next sweep retries');
      if (toAppError(err)?.code === 'unavailable') break;
    }
  }
  if (started) deps.logger.info({ count: started }, 'started workflows of earlier filings');
  return started;
}

/** Runs the sweep now and every `intervalMs` until stopped; a tick while one runs is skipped. */
export function startFilingSweep(
  deps: Pick<AppDeps, 'db' | 'registrations' | 'logger'>,
  opts: StartOptions,
  intervalMs: number,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= sweepUnstartedFilings(deps, opts)
      .catch((err) => deps.logger.warn({ err: String(err) }, 'filing sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
