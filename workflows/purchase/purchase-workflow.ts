import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from '../mutex';
import { MZ_PROCESS, MZ_STATUS } from '../search-attributes';
import * as contract from './contract';
import type { Effect } from './effects';
import * as evaluation from './evaluation';
import * as m from './messages';
import * as performance from './performance';
import * as procurement from './procurement';
import { runEffects } from './run-effects';
import { type ActionDef, initialState, type PurchaseState, type Refusal } from './state';
import { buildView } from './view';
import { FINAL_PURCHASE_STATUSES, type PurchaseView } from './view-types';

const toFailure = (r: Refusal) =>
  ApplicationFailure.create({ type: r.type, message: r.message, nonRetryable: true });

/** Every Update and the rule behind it. */
const UPDATES: [m.PurchaseUpdate, ActionDef<never>][] = [
  [m.planProcurementUpdate, procurement.planProcurement],
  [m.publishNoticeUpdate, procurement.publishNotice],
  [m.submitResponseUpdate, procurement.submitResponse],
  [m.cancelProjectUpdate, procurement.cancelProject],
  [m.appointPanelUpdate, evaluation.appointPanel],
  [m.declareConflictUpdate, evaluation.declareConflict],
  [m.scoreResponsesUpdate, evaluation.scoreResponses],
  [m.awardUpdate, evaluation.award],
  [m.challengeUpdate, evaluation.challenge],
  [m.answerChallengeUpdate, evaluation.answerChallenge],
  [m.signContractUpdate, contract.signContract],
  [m.amendContractUpdate, contract.amendContract],
  [m.terminateContractUpdate, contract.terminateContract],
  [m.submitDeliverableUpdate, performance.submitDeliverable],
  [m.reviewDeliverableUpdate, performance.reviewDeliverable],
  [m.requestPaymentUpdate, performance.requestPayment],
  [m.releasePaymentUpdate, performance.releasePayment],
  [m.recordPerformanceEvaluationUpdate, performance.recordPerformanceEvaluation],
];

/** The one timer that matters now: the response window, or the end of an unchallenged publicity. */
function nextTimer(
  s: PurchaseState,
): { at: number; fire: (s: PurchaseState, now: number) => Effect[] } | null {
  if (s.status === 'tendering' && s.notice)
    return { at: Date.parse(s.notice.closesAt), fire: procurement.closeWindow };
  if (s.status === 'publicity' && s.publicity && !evaluation.openChallenges(s)) {
    return { at: Date.parse(s.publicity.endsAt), fire: evaluation.confirmAward };
  }
  return null;
}

/**
 * 政府购买服务: one project from the defined need to a closed or terminated contract (DOMAIN §6.4).
 * Decisions arrive as Updates (messages.ts); the response window and the publicity are timers.
 */
export async function purchaseWorkflow(
  input: m.PurchaseInput,
  resumed?: PurchaseState,
): Promise<PurchaseView> {
  const s = resumed ?? initialState(input, workflowInfo().workflowId);
  const lock = new Mutex();
  let changes = 0;

  /** A limit that passed before a decision arrived is applied first. */
  const catchUp = async () => {
    for (let t = nextTimer(s); t && t.at <= Date.now(); t = nextTimer(s)) {
      const effects = t.fire(s, Date.now());
      await runEffects(s, effects, `t${s.trail.length}`, Date.now());
      publishStatus(s);
    }
  };

  for (const [update, def] of UPDATES) {
    const act = def as ActionDef<m.WithActor>;
    setHandler(
      update,
      (args: m.WithActor) =>
        lock.run(async () => {
          await catchUp();
          const refusal = act.check(s, args, Date.now());
          if (refusal) throw toFailure(refusal);
          const effects = act.apply(s, args, Date.now());
          await runEffects(s, effects, `u${s.trail.length}`, Date.now());
          changes++;
          publishStatus(s);
          // The answer leaves the trail out (the status Query has it): Update results stay small.
          return { ...buildView(s), trail: [] };
        }),
      {
        validator: (args: m.WithActor) => {
          const refusal = act.check(s, args, Date.now());
          if (refusal) throw toFailure(refusal);
        },
      },
    );
  }
  setHandler(m.purchaseStatusQuery, () => buildView(s));

  if (!resumed) {
    await lock.run(async () => {
      await runEffects(s, [], 'created', Date.now());
      publishStatus(s);
    });
  }
  while (!FINAL_PURCHASE_STATUSES.includes(s.status)) {
    const seen = changes;
    const next = nextTimer(s);
    const wait = next ? Math.max(1, next.at - Date.now()) : undefined;
    const woken = await condition(() => changes !== seen, wait);
    if (!woken && next) await lock.run(catchUp);
    if (shouldContinueAsNew(s)) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof purchaseWorkflow>(input, s);
    }
  }
  await condition(allHandlersFinished);
  return buildView(s);
}

function publishStatus(s: PurchaseState): void {
  upsertSearchAttributes([
    { key: MZ_PROCESS, value: 'purchase' },
    { key: MZ_STATUS, value: s.status },
  ]);
}

function shouldContinueAsNew(s: PurchaseState): boolean {
  const info = workflowInfo();
  if (s.maxHistoryEvents !== undefined) return info.historyLength > s.maxHistoryEvents;
  return info.continueAsNewSuggested;
}
