import type { Client, WorkflowHandle } from '@temporalio/client';
import { allowedActionsQuery, type Offered } from '../workflows/shared/messages';
import { withinBound } from './bounded';

/**
 * The decisions a process workflow would accept now from this person (the kernel's
 * allowedActions Query). Nothing is offered when the workflow cannot answer (gone, slow, or
 * closed without a worker): an action is only shown when the workflow itself says yes.
 */
export async function queryOffers(
  client: Client,
  handle: WorkflowHandle,
  actor: object,
  waitMs: number,
): Promise<Offered[]> {
  try {
    return await withinBound(client, waitMs, () => handle.query(allowedActionsQuery, { actor }));
  } catch {
    return [];
  }
}
