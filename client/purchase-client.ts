import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  contractWorkflowId,
  type PurchaseInput,
  type PurchaseView,
  purchaseStatusQuery,
  purchaseWorkflowId,
  purchaseWorkflowType,
} from '../workflows/purchase/messages';
import { DEFAULT_LIMITS, type TemporalLimits, withinBound } from './bounded';
import { executeUpdate } from './execute-update';
import { queryOffers } from './query-offers';

export type PurchasePart = 'project' | 'contract';

/** The API's handle on purchase workflows: start, read, decide. */
export function createPurchaseClient(
  client: Client,
  taskQueue: string,
  limits: TemporalLimits = DEFAULT_LIMITS,
) {
  /** The project's workflow, or its signed contract's child workflow. */
  const handle = (projectId: string, part: PurchasePart = 'project') =>
    client.workflow.getHandle(
      part === 'contract' ? contractWorkflowId(projectId) : purchaseWorkflowId(projectId),
    );
  return {
    /** Idempotent: the workflow id is the project's business key. */
    async start(input: PurchaseInput): Promise<void> {
      await withinBound(client, limits.requestMs, () =>
        client.workflow.start(purchaseWorkflowType, {
          taskQueue,
          workflowId: purchaseWorkflowId(input.projectId),
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    },

    /** The live view, or null when the workflow (or its history) is gone. */
    async status(
      projectId: string,
      part: PurchasePart = 'project',
      waitMs = limits.requestMs,
    ): Promise<PurchaseView | null> {
      try {
        return await withinBound(client, waitMs, () =>
          handle(projectId, part).query(purchaseStatusQuery),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return null;
        throw err;
      }
    },

    /** The decisions open to this person now (names of the workflow's Updates). */
    offers(projectId: string, actor: object, part: PurchasePart, waitMs = limits.requestMs) {
      return queryOffers(client, handle(projectId, part), actor, waitMs);
    },

    async update<A>(
      projectId: string,
      def: UpdateDefinition<PurchaseView, [A]>,
      args: A,
      part: PurchasePart = 'project',
      updateId?: string,
    ) {
      return executeUpdate(handle(projectId, part), def, args, {
        updateId,
        timeoutMs: limits.requestMs,
      });
    },
  };
}

export type PurchaseClient = ReturnType<typeof createPurchaseClient>;
