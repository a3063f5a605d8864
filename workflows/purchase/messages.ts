import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, WithActor } from '../../domain/actor';
import type { HolidayCalendar } from '../../domain/calendar';
import type { Position17Mode } from '../../domain/credit-code';
import type { OrganizationProfile } from '../../domain/organization/profile';
import type { CatalogueItemSnapshot } from '../../domain/purchase/catalogue';
import type { ContractTerms } from '../../domain/purchase/contract-terms';
import type { PurchasePolicy } from '../../domain/purchase/policy';
import type { MethodChoice } from '../../domain/purchase/procurement-method';
import type { RuleSetRef } from '../../domain/registration/policy';
import type { PurchaseView } from './view-types';

/**
 * The purchase workflow's contract (政府购买服务, one workflow per project), importable by the
 * API and tests without workflow code. Every human decision is an Update whose validator
 * refuses an illegal transition synchronously.
 */

export type { Actor, WithActor } from '../../domain/actor';

export interface PurchaseRules {
  ref: RuleSetRef;
  policy: PurchasePolicy;
  calendar: HolidayCalendar;
  /** The registration rules' credit-code switch (absent in projects started before it). */
  creditCode?: { position17: Position17Mode };
}

export interface PurchaseInput {
  projectId: string;
  projectNo: string;
  ocid: string;
  title: string;
  /** 购买主体: the purchasing department and the account that defined the need. */
  department: string;
  createdBy: Actor;
  item: CatalogueItemSnapshot;
  budgetFen: number;
  budgetYear: number;
  performanceTargets: string[];
  rules: PurchaseRules;
  /** Tests lower this to exercise continue-as-new; production follows the server's hint. */
  maxHistoryEvents?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: a table of updates with different argument types.
export type PurchaseUpdate = UpdateDefinition<PurchaseView, [any]>;

export const purchaseWorkflowType = 'purchaseWorkflow';
export const purchaseWorkflowId = (projectId: string) => `purchase-${projectId}`;
/** The signed contract's child workflow, which receives the performance decisions. */
export const contractWorkflowId = (projectId: string) => `purchase-${projectId}-contract`;
/** Statuses in which the project's decisions and state live in the contract workflow. */
export const CONTRACT_STAGE_STATUSES = ['performing', 'closed', 'terminated'] as const;

type U<A> = UpdateDefinition<PurchaseView, [WithActor & A]>;
const update = <A>(name: string): U<A> => defineUpdate<PurchaseView, [WithActor & A]>(name);

// Procurement
export const planProcurementUpdate = update<MethodChoice>('planProcurement');
export const publishNoticeUpdate = update<{ closesAt: string; requirements: string }>(
  'publishNotice',
);
export const submitResponseUpdate = update<{
  profile: OrganizationProfile;
  priceFen: number;
  proposal: string;
}>('submitResponse');
export const cancelProjectUpdate = update<{ reason: string }>('cancelProject');

// Evaluation, award and publicity
export const appointPanelUpdate = update<{ experts: { id: string; name: string }[] }>(
  'appointPanel',
);
export const declareConflictUpdate = update<{ conflict: boolean; note: string }>('declareConflict');
export const scoreResponsesUpdate = update<{
  scores: { organizationId: string; score: number; comment?: string }[];
}>('scoreResponses');
export const awardUpdate = update<{ opinion: string }>('award');
export const challengeUpdate = update<{ reason: string }>('challenge');
export const answerChallengeUpdate = update<{
  challengeId: string;
  upheld: boolean;
  reply: string;
}>('answerChallenge');

// Contract and performance
export const signContractUpdate = update<{ terms: ContractTerms }>('signContract');
export const submitDeliverableUpdate = update<{ milestoneId: string; summary: string }>(
  'submitDeliverable',
);
export const reviewDeliverableUpdate = update<{
  milestoneId: string;
  accept: boolean;
  reason: string;
}>('reviewDeliverable');
export const requestPaymentUpdate = update<{ trancheNo: number }>('requestPayment');
export const releasePaymentUpdate = update<{ trancheNo: number; voucherNo: string }>(
  'releasePayment',
);
export const recordPerformanceEvaluationUpdate = update<{
  stage: 'interim' | 'final';
  score: number;
  passed: boolean;
  report: string;
}>('recordPerformanceEvaluation');
export const amendContractUpdate = update<{
  reason: string;
  startDate?: string | undefined;
  endDate?: string | undefined;
  amountFen?: number | undefined;
  scope?: string | undefined;
}>('amendContract');
export const terminateContractUpdate = update<{
  ground: 'breach' | 'subcontracting' | 'agreement' | 'other';
  reason: string;
}>('terminateContract');

export const purchaseStatusQuery = defineQuery<PurchaseView>('purchaseStatus');

export type { PurchaseView } from './view-types';
