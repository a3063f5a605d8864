import {
  type ChildWorkflowHandle,
  continueAsNew,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { PROCUREMENT_UPDATES } from './actions';
import { purchaseContractWorkflow } from './contract-workflow';
import * as m from './messages';
import { runEffects } from './run-effects';
import { publishStatus, serveCase } from './serve-case';
import { initialState, type PurchaseState } from './state';
import { buildView } from './view';
import { FINAL_PURCHASE_STATUSES, type PurchaseView } from './view-types';

/**
 * 政府购买服务: one project from the defined need to a closed or terminated contract (DOMAIN §6.4).
 * This workflow runs the procurement (need → method → notice → responses → evaluation → award →
 * publicity → signing); the signed contract's performance, which lasts up to three years, runs
 * in a child workflow (`purchaseContractWorkflow`) that takes over the project's state.
 */
export async function purchaseWorkflow(
  input: m.PurchaseInput,
  resumed?: PurchaseState,
): Promise<PurchaseView> {
  const s = resumed ?? initialState(input, workflowInfo().workflowId);
  let child: ChildWorkflowHandle<typeof purchaseContractWorkflow> | undefined;
  // The contract workflow starts inside the signing Update, so the next decision finds it.
  const startContract = async (x: PurchaseState) => {
    if (x.status !== 'performing' || child) return;
    child = await startChild(purchaseContractWorkflow, {
      workflowId: m.contractWorkflowId(x.projectId),
      args: [{ ...x, workflowId: m.contractWorkflowId(x.projectId) }],
    });
  };
  const stage = await serveCase(
    s,
    PROCUREMENT_UPDATES,
    (x) => FINAL_PURCHASE_STATUSES.includes(x.status) || x.status === 'performing',
    {
      afterChange: startContract,
      onStart: resumed
        ? undefined
        : async (x) => {
            await runEffects(x, [], 'created', Date.now());
            publishStatus(x);
          },
    },
  );
  if (stage === 'continue') return continueAsNew<typeof purchaseWorkflow>(input, s);
  await startContract(s);
  if (!child) return buildView(s);
  const final = await child.result();
  return buildView({ ...final, workflowId: s.workflowId });
}
