import * as contract from './contract';
import * as evaluation from './evaluation';
import * as m from './messages';
import * as performance from './performance';
import * as procurement from './procurement';
import type { ActionDef } from './state';

/** Each Update of a project and the action behind it (pure: unit tests offer from it too). */
export type UpdateTable = [m.PurchaseUpdate, ActionDef<never>][];

/** The procurement stage's Updates; the contract's live in its child workflow. */
export const PROCUREMENT_UPDATES: UpdateTable = [
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
];

/** The signed contract's Updates (its child workflow). */
export const CONTRACT_UPDATES: UpdateTable = [
  [m.submitDeliverableUpdate, performance.submitDeliverable],
  [m.reviewDeliverableUpdate, performance.reviewDeliverable],
  [m.requestPaymentUpdate, performance.requestPayment],
  [m.releasePaymentUpdate, performance.releasePayment],
  [m.recordPerformanceEvaluationUpdate, performance.recordPerformanceEvaluation],
  [m.amendContractUpdate, contract.amendContract],
  [m.terminateContractUpdate, contract.terminateContract],
];
