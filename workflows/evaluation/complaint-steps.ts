import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type {
  EvaluationMailContext,
  EvaluationTemplate,
} from '../../activities/evaluation/templates';
import { addDuration } from '../../domain/deadlines';
import { EVALUATION_OFFICE_ROLES } from '../../domain/evaluation/office';
import { tallyVotes } from '../../domain/evaluation/voting';
import type { ComplaintMeasure, ComplaintStatus } from './complaint-messages';
import type { ComplaintState } from './complaint-state';
import {
  cancelGradeUpdate,
  disqualifyUpdate,
  type Actor,
  fileStatusQuery,
  fileWorkflowId,
  gradeWorkflowId,
} from './messages';

const act = proxyActivities<Activities>({
  // A measure waits on the file's or grade's own Update: twice the usual room.
  startToCloseTimeout: '30 seconds',
  // A measure waits for its file's workflow to start (the window may still be open): keep trying.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** The review committee as the actor of the measures its ruling leads to. */
export const REVIEW_COMMITTEE: Actor = {
  id: 'system',
  name: '复核委员会',
  role: 'system',
};

const MEASURE_TEXT: Record<ComplaintMeasure, string> = {
  file_disqualified: '已取消该组织本次评估资格，初评得分作废。',
  grade_cancelled: '已撤销该组织的评估等级。',
  none: '该评估事项已经办结或该组织已无有效等级，不再另行处理。',
};

/** One state change: projection and audit row together (seq makes a retry a no-op). */
export async function transition(
  s: ComplaintState,
  actor: Actor,
  action: string,
  to: ComplaintStatus | null,
  opts: { reason?: string; details?: Record<string, unknown> } = {},
) {
  const from = s.status;
  if (to) s.status = to;
  s.seq++;
  await act.recordComplaint({
    complaintId: s.input.complaintId,
    workflowId: workflowInfo().workflowId,
    patch: {
      status: s.status,
      verifiedAt: s.verification?.at ?? null,
      dismissReason: s.dismissal?.reason ?? null,
      ruledAt: s.ruling?.at ?? null,
      upheld: s.ruling?.upheld ?? null,
      measure: s.ruling?.measure ?? null,
    },
    audit: {
      seq: s.seq,
      at: Date.now(),
      actor,
      action,
      fromStatus: from,
      toStatus: s.status,
      reason: opts.reason,
      ruleVersion: s.ruleVersion,
      details: opts.details,
    },
  });
}

export function mail(
  s: ComplaintState,
  step: string,
  template: EvaluationTemplate,
  to: { organization?: boolean; accountIds?: string[]; office?: boolean; complainant?: boolean },
  context: EvaluationMailContext = {},
) {
  // A public complainant is reached at the address the form left; an account by its own.
  const fromPublic = s.input.complainant.role === 'public';
  const accountIds = [
    ...(to.accountIds ?? []),
    ...(to.complainant && !fromPublic ? [s.input.complainant.id] : []),
  ];
  return act.notifyEvaluation({
    key: `${workflowInfo().workflowId}/${step}`,
    organizationId: s.input.organizationId,
    to: {
      ...(to.organization ? { organization: true } : {}),
      ...(accountIds.length ? { accountIds } : {}),
      ...(to.office ? { roles: EVALUATION_OFFICE_ROLES } : {}),
      ...(to.complainant && fromPublic ? { complainantOf: s.input.complaintId } : {}),
    },
    template,
    context: {
      subject: s.input.subject.type === 'file' ? '的评估申请' : '的评估等级',
      ...context,
    },
  });
}

/** Rules in force on the filing date, the verification limit, the office told. */
export async function open(s: ComplaintState): Promise<void> {
  const rules = await act.loadEvaluationRules({ at: s.input.filedAt });
  s.policy = rules.policy;
  s.calendar = rules.calendar;
  s.ruleVersion = rules.ref.version;
  const limit = rules.policy.limits.complaintVerification;
  s.verificationDueAt = addDuration(s.input.filedAt, limit, rules.calendar).at;
  await transition(s, s.input.complainant, 'complaint_filed', 'filed', {
    details: { subject: s.input.subject, verificationDueAt: s.verificationDueAt },
  });
  const until = new Date(s.verificationDueAt).toISOString();
  await mail(s, 'filed', 'complaint_filed', { office: true }, { until });
}

export async function remindOverdue(s: ComplaintState): Promise<void> {
  s.overdue = true;
  await transition(s, REVIEW_COMMITTEE, 'complaint_verification_overdue', null);
  const until = new Date(s.verificationDueAt ?? Date.now()).toISOString();
  await mail(s, 'overdue', 'complaint_overdue', { office: true }, { until });
}

export async function verify(s: ComplaintState, actor: Actor, note: string | undefined) {
  s.verification = { by: actor.name, at: Date.now(), note: note ?? null };
  await transition(s, actor, 'complaint_verified', 'verified', { reason: note });
  await mail(s, 'verified-committee', 'complaint_pending', {
    accountIds: s.input.reviewCommitteeIds,
  });
  await mail(s, 'verified-organization', 'complaint_verified', { organization: true });
}

export async function dismiss(s: ComplaintState, actor: Actor, reason: string) {
  s.dismissal = { by: actor.name, at: Date.now(), reason };
  await transition(s, actor, 'complaint_dismissed', 'dismissed', { reason });
  await mail(s, 'dismissed', 'complaint_dismissed', { complainant: true }, { reason });
}

export async function vote(s: ComplaintState, actor: Actor, approve: boolean) {
  await act.recordComplaintVote({
    complaintId: s.input.complaintId,
    round: s.round,
    memberId: actor.id,
    approve,
    at: Date.now(),
  });
  s.votes.push({ memberId: actor.id, approve });
  await transition(s, actor, 'complaint_vote', null, { details: { round: s.round, approve } });
}

/**
 * §4.5 rule 7, as the review committee uses it for reviews: without quorum a new round opens;
 * with it, the complaint is upheld only by more than half of all members.
 */
export async function closeVote(s: ComplaintState, actor: Actor): Promise<void> {
  const policy = s.policy as NonNullable<ComplaintState['policy']>;
  const tally = tallyVotes(s.input.reviewCommitteeIds, s.votes, policy.committee);
  s.lastTally = tally;
  if (!tally.quorum) {
    s.round++;
    s.votes = [];
    await transition(s, actor, 'complaint_quorum_failed', null, {
      reason: '出席委员不足三分之二，不能表决',
      details: { tally },
    });
    return;
  }
  s.ruling = { at: Date.now(), upheld: tally.approved, tally, measure: null };
  await transition(s, actor, 'complaint_ruled', tally.approved ? 'upheld' : 'rejected', {
    details: { tally },
  });
  if (!tally.approved) await notifyRuling(s);
}

/** An upheld complaint: disqualify the file, or cancel the grade; then tell both parties. */
export async function applyMeasure(s: ComplaintState): Promise<void> {
  const ruling = s.ruling as NonNullable<ComplaintState['ruling']>;
  const { subject, organizationId } = s.input;
  const { measure } = await act.applyComplaintMeasure({
    complaintId: s.input.complaintId,
    organizationId,
    targets: {
      fileWorkflowId: subject.type === 'file' ? fileWorkflowId(subject.fileId) : null,
      gradeWorkflowId: gradeWorkflowId(organizationId),
      fileStatusQuery: fileStatusQuery.name,
      disqualifyUpdate: disqualifyUpdate.name,
      cancelGradeUpdate: cancelGradeUpdate.name,
    },
  });
  ruling.measure = measure;
  await transition(s, REVIEW_COMMITTEE, 'complaint_measure_applied', null, {
    details: { measure },
  });
  await notifyRuling(s);
}

function notifyRuling(s: ComplaintState) {
  const ruling = s.ruling as NonNullable<ComplaintState['ruling']>;
  return mail(
    s,
    'ruled',
    'complaint_ruled',
    { organization: true, complainant: true },
    { upheld: ruling.upheld, measure: ruling.measure ? MEASURE_TEXT[ruling.measure] : '' },
  );
}
