import { randomUUID } from 'node:crypto';
import { type WorkflowHandle, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { withinBound } from './bounded';

/** gRPC FAILED_PRECONDITION, as the server answers while a workflow task is being retried. */
const FAILED_PRECONDITION = 9;

function workflowTaskFailed(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown; details?: unknown } })?.cause;
  return (
    cause?.code === FAILED_PRECONDITION &&
    typeof cause.details === 'string' &&
    /Workflow Task in failed state/i.test(cause.details)
  );
}

export interface UpdateOptions {
  /**
   * The Update's id. The server admits an id once per workflow run and answers a repeat with
   * the first outcome, so a client's retry under its Idempotency-Key collects that outcome.
   */
  updateId?: string;
  /** The bound: past it the caller gets TemporalTimeoutError (the Update may still land). */
  timeoutMs: number;
}

/**
 * Executes an Update within the bound, waiting out an overloaded moment: the server refuses
 * Updates while the workflow's last task timed out and is being retried, and a server-side long
 * poll can end before the Update completes. Every attempt carries the same update id, so the
 * server admits it once and a repeat only collects its outcome. Other errors, refusals by the
 * workflow included, pass through; at the bound the caller gets TemporalTimeoutError.
 */
export async function executeUpdate<R, A>(
  handle: WorkflowHandle,
  def: UpdateDefinition<R, [A]>,
  args: A,
  opts: UpdateOptions,
): Promise<R> {
  const updateId = opts.updateId ?? randomUUID();
  const until = Date.now() + opts.timeoutMs;
  return withinBound(
    handle.client,
    opts.timeoutMs,
    async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await handle.executeUpdate(def, { args: [args], updateId });
        } catch (err) {
          // The server's own long poll ended early (ours ends at the bound, and is not retried).
          const pollEnded =
            err instanceof WorkflowUpdateRPCTimeoutOrCancelledError && Date.now() < until - 500;
          if (!workflowTaskFailed(err) && !pollEnded) throw err;
          if (!pollEnded)
            await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt)));
        }
      }
    },
    { outcomeUnknown: true },
  );
}
