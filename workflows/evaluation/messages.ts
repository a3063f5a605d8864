import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, WithActor } from '../../domain/actor';
import type { DisqualificationGround } from '../../domain/evaluation/disqualification';
import type { ScoreSheet } from '../../domain/evaluation/scoring';
import type { Tally } from '../../domain/evaluation/voting';

/**
 * The evaluation workflows' contract (campaign, one file per organisation, one grade per
 * organisation), importable by the API and tests without pulling in workflow code.
 */

export type { Actor, WithActor } from '../../domain/actor';

// ── campaign ──

export type CampaignPhase = 'notice' | 'application_window' | 'assessment' | 'closed';

export interface CampaignInput {
  campaignId: string;
  year: number;
  title: string;
  noticeAt: number;
  windowOpensAt: number;
  windowClosesAt: number;
  committeeIds: string[];
  reviewCommitteeIds: string[];
  openedBy: Actor;
  /** Tests lower this to exercise continue-as-new while children are started. */
  childrenPerRun?: number;
}

export interface CampaignState {
  phase: CampaignPhase;
  /** Files are started in id order; the cursor survives continue-as-new. */
  startedAfter: string | null;
  filesStarted: number;
  closedAt: number | null;
}

export interface CampaignView extends CampaignState {
  campaignId: string;
  year: number;
  title: string;
  windowOpensAt: string;
  windowClosesAt: string;
}

export const campaignWorkflowType = 'evaluationCampaignWorkflow';
export const campaignWorkflowId = (campaignId: string) => `evaluation-campaign-${campaignId}`;
export const campaignStatusQuery = defineQuery<CampaignView>('campaignStatus');
export const closeApplicationsUpdate = defineUpdate<CampaignView, [WithActor]>('closeApplications');
export const closeCampaignUpdate = defineUpdate<CampaignView, [WithActor]>('closeCampaign');

// ── file (one organisation in one campaign) ──

export type FileStatus =
  | 'applied'
  | 'ineligible'
  | 'assigned'
  | 'scored'
  | 'recommended_upward'
  | 'publicised'
  | 'review_requested'
  | 'confirmed'
  | 'not_graded'
  | 'disqualified';

export const FINAL_FILE_STATUSES: FileStatus[] = [
  'ineligible',
  'confirmed',
  'not_graded',
  'disqualified',
];

export interface FileInput {
  fileId: string;
  campaignId: string;
  organizationId: string;
  appliedAt: number;
  committeeIds: string[];
  reviewCommitteeIds: string[];
}

export type EvaluatorStatus = 'assigned' | 'cleared' | 'conflicted' | 'recused';

export interface EvaluatorSeat {
  id: string;
  name: string;
  status: EvaluatorStatus;
  /** The sheet's total once submitted; the sheet itself lives in the database. */
  total: number | null;
}

export interface ReviewRequest {
  kind: 'objection' | 'review';
  reason: string;
  requestedLevel: number;
  requestedAt: string;
  round: number;
  decidedAt: string | null;
  upheld: boolean | null;
  answerDueAt: string | null;
  tally: Tally | null;
}

/** §4.2: taken out of the evaluation before confirmation; the score is kept but void. */
export interface Disqualification {
  ground: DisqualificationGround;
  reason: string;
  /** The upheld complaint that led to it, when one did. */
  complaintId: string | null;
  at: string;
  by: string;
  /** The preliminary score that no longer counts (null when there was none yet). */
  cancelledScore: number | null;
}

export interface FileView {
  fileId: string;
  campaignId: string;
  organizationId: string;
  status: FileStatus;
  ruleVersion: string | null;
  eligibility: { eligible: boolean; basis: string | null; reasons: string[] } | null;
  agencyId: string | null;
  evaluators: EvaluatorSeat[];
  score: { value: number; spread: number; flagged: boolean; method: string; used: number[] } | null;
  proposedLevel: number | null;
  committee: { round: number; votes: number; lastTally: Tally | null; decidedAt: string | null };
  decidedLevel: number | null;
  awardingLevel: 'district' | 'city' | 'province' | null;
  publicityEndsAt: string | null;
  review: ReviewRequest | null;
  gradeId: string | null;
  certificateFileId: string | null;
  /** Why the decided level is lower than the score's (e.g. 5A without a Party organisation). */
  levelNote: string | null;
  disqualification: Disqualification | null;
  /** Experts the panel still lacks; scoring waits until it is complete (0 when complete). */
  panelShortBy: number;
}

export const fileWorkflowType = 'evaluationFileWorkflow';
export const fileWorkflowId = (fileId: string) => `evaluation-file-${fileId}`;
export const fileStatusQuery = defineQuery<FileView>('fileStatus');

export const declareConflictUpdate = defineUpdate<
  FileView,
  [WithActor & { hasConflict: boolean; note?: string | undefined }]
>('declareConflict');
export const requestRecusalUpdate = defineUpdate<
  FileView,
  [WithActor & { evaluatorId: string; reason: string }]
>('requestRecusal');
export const submitSheetUpdate = defineUpdate<FileView, [WithActor & { sheet: ScoreSheet }]>(
  'submitSheet',
);
export const seatExpertsUpdate = defineUpdate<FileView, [WithActor & { evaluatorIds: string[] }]>(
  'seatExperts',
);
export const voteUpdate = defineUpdate<FileView, [WithActor & { approve: boolean }]>('vote');
export const closeVoteUpdate = defineUpdate<FileView, [WithActor]>('closeVote');
export const recordUpwardResultUpdate = defineUpdate<
  FileView,
  [WithActor & { level: number; awardingLevel: 'city' | 'province' }]
>('recordUpwardResult');
export const requestReviewUpdate = defineUpdate<
  FileView,
  [WithActor & { kind: 'objection' | 'review'; reason: string; requestedLevel: number }]
>('requestReview');
export const reviewVoteUpdate = defineUpdate<FileView, [WithActor & { approve: boolean }]>(
  'reviewVote',
);
export const closeReviewUpdate = defineUpdate<FileView, [WithActor]>('closeReview');
export interface DisqualifyArgs extends WithActor {
  ground: DisqualificationGround;
  reason: string;
  complaintId?: string | undefined;
}
export const disqualifyUpdate = defineUpdate<FileView, [DisqualifyArgs]>('disqualify');

// biome-ignore lint/suspicious/noExplicitAny: a table of updates with different argument types.
export type FileUpdate = UpdateDefinition<FileView, [any]>;

// ── grade (at most one active grade per organisation) ──

export interface GradeInfo {
  id: string;
  level: number;
  awardedOn: string;
  expiresOn: string;
  /** Exact expiry instant: production is the end of the expiry day; tests use seconds. */
  expiresAt: number;
  hasCertificate: boolean;
}

export interface GradeInput {
  organizationId: string;
  grade: GradeInfo;
  handledTriggers?: string[];
  reminded?: boolean;
  /** A downgraded grade's certificate to be returned by this time. */
  certificateDue?: { gradeId: string; at: number } | null;
}

export interface GradeView {
  organizationId: string;
  grade: GradeInfo | null;
  status: 'active' | 'downgraded' | 'cancelled' | 'expired';
  handledTriggers: string[];
  reminded: boolean;
  certificateDue: { gradeId: string; at: string } | null;
  certificateVoided: boolean;
}

export const gradeWorkflowType = 'gradeWorkflow';
export const gradeWorkflowId = (organizationId: string) => `grade-${organizationId}`;
export const gradeStatusQuery = defineQuery<GradeView>('gradeStatus');
export const profileChangedSignal = defineSignal('profileChanged');
export const gradeReplacedSignal = defineSignal<[GradeInfo]>('gradeReplaced');
export const cancelGradeUpdate = defineUpdate<GradeView, [WithActor & { reason: string }]>(
  'cancelGrade',
);
export const certificateReturnedUpdate = defineUpdate<GradeView, [WithActor]>(
  'certificateReturned',
);
