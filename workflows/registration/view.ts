import { type Clock, computeDeadline } from '../../domain/deadlines';
import { durationWords } from '../../domain/duration-words';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../domain/organization-types';
import { actorRef, iso } from './case-core';
import type { CaseState } from './state';
import type { DeadlineKind, DeadlineView, RegistrationView } from './view-types';
import { STATUS_LABEL } from './view-types';

const DEADLINE_LABEL: Record<DeadlineKind, string> = {
  intake: '受理审查（一次性告知）期限',
  response: '申请人补正期限',
  decision: '法定审查期限',
  promised: '承诺办理时限',
  preparation: '筹备期限',
};

export const describeDuration = durationWords;

function deadline(s: CaseState, kind: DeadlineKind, clock: Clock, now: number): DeadlineView {
  const d = computeDeadline(clock, s.calendar);
  const total = [clock.limit, ...clock.extensions].map(describeDuration).join(' + ');
  const paused = d.dueAt === null;
  return {
    kind,
    label: DEADLINE_LABEL[kind],
    limit: total,
    dueAt: paused ? null : iso(d.dueAt as number),
    state: paused ? 'paused' : (d.dueAt as number) < now ? 'overdue' : 'running',
    provisional: d.provisional,
    missingYears: d.missingYears,
  };
}

function activeClocks(s: CaseState): [DeadlineKind, Clock][] {
  const out: [DeadlineKind, Clock | null][] = [];
  if (s.status === 'submitted') out.push(['intake', s.intakeClock]);
  if (s.status === 'correction_required' || s.status === 'returned')
    out.push(['response', s.responseClock]);
  if (s.status === 'first_review' || s.status === 'second_review' || s.status === 'returned') {
    out.push(['decision', s.decisionClock], ['promised', s.promisedClock]);
  }
  if (s.status === 'preparing') out.push(['preparation', s.prepClock]);
  return out.filter((x): x is [DeadlineKind, Clock] => x[1] !== null);
}

const ACTIONS: Partial<Record<RegistrationView['status'], string[]>> = {
  submitted: ['issueDeficiencyNotice', 'accept', 'refuseAcceptance', 'withdraw'],
  correction_required: ['resubmit', 'withdraw'],
  returned: ['resubmit', 'withdraw'],
  first_review: [
    'claim',
    'assign',
    'approve',
    'reject',
    'returnForCorrection',
    'requestExtension',
    'decideExtension',
    'startExpertReview',
    'endExpertReview',
    'withdraw',
  ],
  preparing: ['submitFounding', 'extendPreparation', 'withdraw'],
};
ACTIONS.second_review = ACTIONS.first_review;

function awaitingRole(s: CaseState): string | null {
  if (s.status === 'correction_required' || s.status === 'returned' || s.status === 'preparing')
    return 'applicant';
  if (s.extension && !s.extension.decided) return 'bureau_head';
  if (s.status === 'submitted' || s.status === 'first_review' || s.status === 'second_review')
    return 'reviewer';
  return null;
}

export function buildView(s: CaseState, now: number): RegistrationView {
  const deadlines = activeClocks(s).map(([k, c]) => deadline(s, k, c, now));
  const warnings = [...s.warnings];
  const missing = [...new Set(deadlines.flatMap((d) => d.missingYears))];
  if (missing.length)
    warnings.push(
      `${missing.join('、')}年节假日安排尚未载入，相关期限按周一至周五暂算，请管理员载入后自动重算`,
    );
  return {
    registrationId: s.input.registrationId,
    applicationNo: s.input.applicationNo,
    organizationId: s.input.organizationId,
    workflowId: s.workflowId,
    status: s.status,
    statusLabel: STATUS_LABEL[s.status],
    phase: s.phase,
    name: s.application.name,
    legalForm: LEGAL_FORM_LABEL[s.application.legalForm],
    category: CATEGORY_LABEL[s.application.category],
    applicationVersion: s.applicationVersion,
    ruleSet: s.rules.ref,
    ruleVersion: s.rules.policy.ruleVersion,
    filedAt: iso(s.filedAt),
    receivedAt: iso(s.receivedAt),
    acceptedAt: s.accepted ? iso(s.accepted.at) : null,
    deemedAccepted: s.accepted?.deemed ?? false,
    receiptNo: s.accepted?.receiptNo ?? null,
    awaiting: {
      role: awaitingRole(s),
      assignee: s.assignee ? actorRef(s.assignee) : null,
      excludedActorIds: s.status === 'second_review' && s.firstReviewer ? [s.firstReviewer.id] : [],
    },
    recommendation: s.recommendation
      ? { ...s.recommendation, by: actorRef(s.recommendation.by) }
      : null,
    deadlines,
    overdue: s.overdue || deadlines.some((d) => d.kind === 'decision' && d.state === 'overdue'),
    pauses: (s.decisionClock?.pauses ?? []).map((p) => ({
      from: iso(p.from),
      to: p.to === undefined ? null : iso(p.to),
      reason: p.reason,
    })),
    findings: s.findings,
    nameCheck: s.nameCheck,
    notices: s.notices,
    extension: s.extension
      ? { ...s.extension, requestedBy: actorRef(s.extension.requestedBy) }
      : null,
    expertReview: s.expertReview ? { ...s.expertReview, since: iso(s.expertReview.since) } : null,
    decision: s.decision,
    creditCode: s.creditCode,
    certificateFileId: s.certificateFileId,
    announcementId: s.announcementId,
    documents: s.documents,
    allowedActions: ACTIONS[s.status] ?? [],
    trail: s.trail,
    warnings,
  };
}
