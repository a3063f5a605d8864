import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/** gRPC FAILED_PRECONDITION, as the server answers while a workflow task is being retried. */
const FAILED_PRECONDITION = 9;
const ATTEMPTS = 8;

function workflowTaskFailed(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown; details?: unknown } })?.cause;
  return (
    cause?.code === FAILED_PRECONDITION &&
    typeof cause.details === 'string' &&
    /Workflow Task in failed state/i.test(cause.details)
  );
}

/**
 * Executes an Update, waiting out the moments when the server refuses Updates because the
 * workflow's last task timed out (an overloaded worker) and is being retried. The refused Update
 * was never admitted, and every attempt carries the same update id, so a retry cannot apply it
 * twice. Other errors, refusals by the workflow included, pass straight through.
 */
export async function executeUpdate<R, A>(
  handle: WorkflowHandle,
  def: UpdateDefinition<R, [A]>,
  args: A,
  updateId: string = randomUUID(),
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.executeUpdate(def, { args: [args], updateId });
    } catch (err) {
      if (attempt >= ATTEMPTS || !workflowTaskFailed(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
    }
  }
}
