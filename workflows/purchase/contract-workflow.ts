import { continueAsNew } from '@temporalio/workflow';
import { CONTRACT_UPDATES } from './actions';
import { serveCase } from './serve-case';
import type { PurchaseState } from './state';
import { FINAL_PURCHASE_STATUSES } from './view-types';

/**
 * One signed contract's performance (milestones, payments, evaluations, amendment,
 * termination), a child of its project's workflow: it holds the project's state from signing
 * on, continues as new while it lives long, and returns the final state to the parent.
 */
export async function purchaseContractWorkflow(s: PurchaseState): Promise<PurchaseState> {
  const stage = await serveCase(s, CONTRACT_UPDATES, (x) =>
    FINAL_PURCHASE_STATUSES.includes(x.status),
  );
  if (stage === 'continue') return continueAsNew<typeof purchaseContractWorkflow>(s);
  return s;
}
