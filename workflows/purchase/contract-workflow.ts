import { continueAsNew } from '@temporalio/workflow';
import * as contract from './contract';
import * as m from './messages';
import * as performance from './performance';
import { serveCase, type UpdateTable } from './serve-case';
import type { PurchaseState } from './state';
import { FINAL_PURCHASE_STATUSES } from './view-types';

const UPDATES: UpdateTable = [
  [m.submitDeliverableUpdate, performance.submitDeliverable],
  [m.reviewDeliverableUpdate, performance.reviewDeliverable],
  [m.requestPaymentUpdate, performance.requestPayment],
  [m.releasePaymentUpdate, performance.releasePayment],
  [m.recordPerformanceEvaluationUpdate, performance.recordPerformanceEvaluation],
  [m.amendContractUpdate, contract.amendContract],
  [m.terminateContractUpdate, contract.terminateContract],
];

/**
 * One signed contract's performance (milestones, payments, evaluations, amendment,
 * termination), a child of its project's workflow: it holds the project's state from signing
 * on, continues as new while it lives long, and returns the final state to the parent.
 */
export async function purchaseContractWorkflow(s: PurchaseState): Promise<PurchaseState> {
  const stage = await serveCase(s, UPDATES, (x) => FINAL_PURCHASE_STATUSES.includes(x.status));
  if (stage === 'continue') return continueAsNew<typeof purchaseContractWorkflow>(s);
  return s;
}
