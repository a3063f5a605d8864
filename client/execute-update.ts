import { randomUUID } from 'node:crypto';
import { type WorkflowHandle, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/** gRPC FAILED_PRECONDITION, as the server answers while a workflow task is being retried. */
const FAILED_PRECONDITION = 9;
const ATTEMPTS = 8;
/** A person waits for an answer: past this, the caller gets the error (503) and may try again. */
const BUDGET_MS = 60_000;

function workflowTaskFailed(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown; details?: unknown } })?.cause;
  return (
    cause?.code === FAILED_PRECONDITION &&
    typeof cause.details === 'string' &&
    /Workflow Task in failed state/i.test(cause.details)
  );
}

/**
 * Executes an Update, waiting out an overloaded moment: the server refuses Updates while the
 * workflow's last task timed out and is being retried, and a long poll can end before the Update
 * completes. Every attempt carries the same update id, so the server admits it once and a retry
 * only collects its outcome. Other errors, refusals by the workflow included, pass through.
 */
export async function executeUpdate<R, A>(
  handle: WorkflowHandle,
  def: UpdateDefinition<R, [A]>,
  args: A,
  updateId: string = randomUUID(),
): Promise<R> {
  const until = Date.now() + BUDGET_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.executeUpdate(def, { args: [args], updateId });
    } catch (err) {
      const transient =
        workflowTaskFailed(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
      if (attempt >= ATTEMPTS || !transient || Date.now() >= until) throw err;
      await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
    }
  }
}
