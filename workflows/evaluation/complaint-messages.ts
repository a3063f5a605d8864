import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Tally } from '../../domain/evaluation/voting';
import type { Actor, WithActor } from './messages';

/**
 * The complaint workflow's contract (§4.3 COMPLAINT: FILED → VERIFIED → RULED → parties
 * notified), importable by the API and tests without pulling in workflow code.
 */

export type ComplaintStatus = 'filed' | 'verified' | 'dismissed' | 'upheld' | 'rejected';
export const FINAL_COMPLAINT_STATUSES: ComplaintStatus[] = ['dismissed', 'upheld', 'rejected'];

/** A complaint is about a file still in evaluation or about an organisation's active grade. */
export type ComplaintSubject =
  | { type: 'file'; fileId: string }
  | { type: 'grade'; gradeId: string };

/** What an upheld complaint led to. */
export type ComplaintMeasure = 'file_disqualified' | 'grade_cancelled' | 'none';

export interface ComplaintInput {
  complaintId: string;
  organizationId: string;
  subject: ComplaintSubject;
  /** The signed-in complainant, or PUBLIC_COMPLAINANT for the public form (no personal data). */
  complainant: Actor;
  /** The review committee (复核委员会) that rules, fixed when the complaint is filed. */
  reviewCommitteeIds: string[];
  filedAt: number;
}

export interface ComplaintView {
  complaintId: string;
  organizationId: string;
  subject: ComplaintSubject;
  status: ComplaintStatus;
  ruleVersion: string | null;
  filedAt: string;
  verificationDueAt: string | null;
  /** The office let the verification limit pass (it was reminded). */
  overdue: boolean;
  verification: { by: string; at: string; note: string | null } | null;
  dismissal: { by: string; at: string; reason: string } | null;
  committee: { members: number; round: number; votes: number; lastTally: Tally | null };
  ruling: {
    at: string;
    upheld: boolean;
    tally: Tally;
    /** Null while the measure of an upheld complaint is being applied. */
    measure: ComplaintMeasure | null;
  } | null;
}

/** A complaint from the public form: its contact details stay in PostgreSQL (§4.5 rule 8). */
export const PUBLIC_COMPLAINANT: Actor = {
  id: 'public',
  name: '公众举报人',
  role: 'public',
};

export const complaintWorkflowType = 'evaluationComplaintWorkflow';
export const complaintWorkflowId = (complaintId: string) => `evaluation-complaint-${complaintId}`;
export const complaintStatusQuery = defineQuery<ComplaintView>('complaintStatus');
export const verifyComplaintUpdate = defineUpdate<
  ComplaintView,
  [WithActor & { note?: string | undefined }]
>('verifyComplaint');
export const dismissComplaintUpdate = defineUpdate<ComplaintView, [WithActor & { reason: string }]>(
  'dismissComplaint',
);
export const complaintVoteUpdate = defineUpdate<ComplaintView, [WithActor & { approve: boolean }]>(
  'complaintVote',
);
export const closeComplaintVoteUpdate = defineUpdate<ComplaintView, [WithActor]>(
  'closeComplaintVote',
);

// biome-ignore lint/suspicious/noExplicitAny: a table of updates with different argument types.
export type ComplaintUpdate = UpdateDefinition<ComplaintView, [any]>;
