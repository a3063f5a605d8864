import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, WithActor } from '../../domain/actor';
import type { HolidayCalendar } from '../../domain/calendar';
import type { Application } from '../../domain/registration/application';
import type { DeficiencyItem } from '../../domain/registration/completeness';
import type { NonAcceptanceReason, RefusalGround } from '../../domain/registration/grounds';
import type { RegistrationPolicy, RuleSetRef } from '../../domain/registration/policy';
import type { Offered, OfferRequest } from '../shared/messages';
import type { RegistrationView } from './view-types';

export type { Actor, ActorRole, WithActor } from '../../domain/actor';

/**
 * The registration workflow's contract, importable by the API and tests without pulling in
 * workflow code. Every human decision is an Update whose validator refuses an illegal
 * transition synchronously (the API answers 409 with the reason).
 */

export const STAFF_ROLES = ['reviewer', 'section_head', 'bureau_head'] as const;
export interface RegistrationInput {
  registrationId: string;
  organizationId: string;
  applicationNo: string;
  filedBy: Actor;
  /** Masked: identity numbers and phones never enter the history. */
  application: Application;
  /** The rules in force at filing (the decisive ones are loaded again at acceptance). */
  rules: { ref: RuleSetRef; policy: RegistrationPolicy; calendar: HolidayCalendar };
  /** Tests lower this to exercise continue-as-new; production follows the server's hint. */
  maxHistoryEvents?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: a table of updates with different argument types.
export type WorkflowUpdate = UpdateDefinition<RegistrationView, [any]>;

export const registrationWorkflowType = 'registrationWorkflow';
export const registrationWorkflowId = (registrationId: string) => `registration-${registrationId}`;

// Intake (受理审查)
export const issueDeficiencyNoticeUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { items: DeficiencyItem[]; note?: string }]
>('issueDeficiencyNotice');
export const acceptUpdate = defineUpdate<RegistrationView, [WithActor]>('accept');
export const refuseAcceptanceUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { reasons: NonAcceptanceReason[]; explanation: string }]
>('refuseAcceptance');

// Applicant
export const resubmitUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { version: number; application: Application }]
>('resubmit');
export const withdrawUpdate = defineUpdate<RegistrationView, [WithActor & { reason: string }]>(
  'withdraw',
);
export const submitFoundingUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { version: number; application: Application }]
>('submitFounding');

// Review (初审、复审)
export const claimUpdate = defineUpdate<RegistrationView, [WithActor]>('claim');
export const assignUpdate = defineUpdate<RegistrationView, [WithActor & { assignee: Actor }]>(
  'assign',
);
export const approveUpdate = defineUpdate<RegistrationView, [WithActor & { opinion: string }]>(
  'approve',
);
export const returnForCorrectionUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { items: DeficiencyItem[]; reason: string }]
>('returnForCorrection');
export const rejectUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { grounds: RefusalGround[]; reason: string }]
>('reject');
export const requestExtensionUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { reason: string }]
>('requestExtension');
export const decideExtensionUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { approve: boolean; reason: string }]
>('decideExtension');
export const startExpertReviewUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { reason: string; expectedWorkingDays: number }]
>('startExpertReview');
export const endExpertReviewUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { summary: string }]
>('endExpertReview');
export const extendPreparationUpdate = defineUpdate<
  RegistrationView,
  [WithActor & { reason: string }]
>('extendPreparation');

export const registrationStatusQuery = defineQuery<RegistrationView>('registrationStatus');

/**
 * A page's whole live part in one Query: the view and the decisions open to the person asking
 * (what registrationStatus and allowedActions answer, in one round trip instead of two).
 */
export const registrationPageQuery = defineQuery<
  { view: RegistrationView; offered: Offered[] },
  [OfferRequest]
>('registrationPage');

/** An administrator loaded a holiday calendar: deadlines are recomputed with it. */
export const calendarUpdatedSignal = defineSignal<[HolidayCalendar]>('calendarUpdated');

export type { RegistrationView } from './view-types';
