import { addDuration } from '../../domain/deadlines';
import type { EvaluationPolicy } from '../../domain/evaluation/policy';
import type { RuleSetRef } from '../../domain/registration/policy';
import type { HolidayCalendar } from '../../domain/calendar';
import { tallyVotes } from '../../domain/evaluation/voting';
import type { ActionDef } from '../shared/action';
import type { ComplaintMeasure, ComplaintStatus } from './complaint-messages';
import * as c from './complaint-state';
import type { ComplaintEffect, MailTo } from './effects';
import type { Actor, WithActor } from './messages';

/**
 * A complaint's transitions, pure: each changes the state and returns its effects (run by
 * runComplaintEffects). The two answers from outside, the rules in force and the measure an
 * upheld complaint led to, come in as arguments.
 */

type S = c.ComplaintState;
type Effect = ComplaintEffect;

/** The review committee as the actor of the measures its ruling leads to. */
export const REVIEW_COMMITTEE: Actor = { id: 'system', name: '复核委员会', role: 'system' };

const MEASURE_TEXT: Record<ComplaintMeasure, string> = {
  file_disqualified: '已取消该组织本次评估资格，初评得分作废。',
  grade_cancelled: '已撤销该组织的评估等级。',
  none: '该评估事项已经办结或该组织已无有效等级，不再另行处理。',
};

/** One state change: projection and audit row together (seq makes a retry a no-op). */
export function transition(
  s: S,
  actor: Actor,
  action: string,
  to: ComplaintStatus | null,
  opts: { reason?: string; details?: Record<string, unknown> } = {},
): Effect {
  const from = s.status;
  if (to) s.status = to;
  s.seq++;
  return {
    kind: 'record',
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
      actor,
      action,
      fromStatus: from,
      toStatus: s.status,
      reason: opts.reason,
      ruleVersion: s.ruleVersion,
      details: opts.details,
    },
  };
}

/** A public complainant is reached at the address the form left; an account by its own. */
export function mail(
  s: S,
  step: string,
  template: Extract<Effect, { kind: 'mail' }>['template'],
  to: { organization?: boolean; accountIds?: string[]; office?: boolean; complainant?: boolean },
  context: Extract<Effect, { kind: 'mail' }>['context'] = {},
): Effect {
  const fromPublic = s.input.complainant.role === 'public';
  const accountIds = [
    ...(to.accountIds ?? []),
    ...(to.complainant && !fromPublic ? [s.input.complainant.id] : []),
  ];
  const audience: MailTo = {
    ...(to.organization ? { organization: true } : {}),
    ...(accountIds.length ? { accountIds } : {}),
    ...(to.office ? { office: true } : {}),
    ...(to.complainant && fromPublic ? { complainantOf: s.input.complaintId } : {}),
  };
  return {
    kind: 'mail',
    step,
    template,
    to: audience,
    context: { subject: s.input.subject.type === 'file' ? '的评估申请' : '的评估等级', ...context },
  };
}

/** Rules in force on the filing date, the verification limit, the office told. */
export function opened(
  s: S,
  rules: { ref: RuleSetRef; policy: EvaluationPolicy; calendar: HolidayCalendar },
): Effect[] {
  s.policy = rules.policy;
  s.calendar = rules.calendar;
  s.ruleVersion = rules.ref.version;
  const limit = rules.policy.limits.complaintVerification;
  s.verificationDueAt = addDuration(s.input.filedAt, limit, rules.calendar).at;
  const until = new Date(s.verificationDueAt).toISOString();
  return [
    transition(s, s.input.complainant, 'complaint_filed', 'filed', {
      details: { subject: s.input.subject, verificationDueAt: s.verificationDueAt },
    }),
    mail(s, 'filed', 'complaint_filed', { office: true }, { until }),
  ];
}

export function remindOverdue(s: S, now: number): Effect[] {
  s.overdue = true;
  const until = new Date(s.verificationDueAt ?? now).toISOString();
  return [
    transition(s, REVIEW_COMMITTEE, 'complaint_verification_overdue', null),
    mail(s, 'overdue', 'complaint_overdue', { office: true }, { until }),
  ];
}

export type ComplaintAction<A extends WithActor> = ActionDef<S, A, Effect>;
type Action<A extends WithActor> = ComplaintAction<A>;

/** 核实: the office verifies a filed complaint; the committee and the organisation are told. */
export const verify: Action<WithActor & { note?: string }> = {
  check: (s, a) => c.checkVerify(s, a.actor),
  apply: (s, a, now) => {
    s.verification = { by: a.actor.name, at: now, note: a.note ?? null };
    return [
      transition(s, a.actor, 'complaint_verified', 'verified', { reason: a.note }),
      mail(s, 'verified-committee', 'complaint_pending', {
        accountIds: s.input.reviewCommitteeIds,
      }),
      mail(s, 'verified-organization', 'complaint_verified', { organization: true }),
    ];
  },
};

/** 不予受理: dismissed as unfounded, with the reason told to the complainant. */
export const dismiss: Action<WithActor & { reason: string }> = {
  check: (s, a) => c.checkVerify(s, a.actor),
  apply: (s, a, now) => {
    s.dismissal = { by: a.actor.name, at: now, reason: a.reason };
    return [
      transition(s, a.actor, 'complaint_dismissed', 'dismissed', { reason: a.reason }),
      mail(s, 'dismissed', 'complaint_dismissed', { complainant: true }, { reason: a.reason }),
    ];
  },
};

export const vote: Action<WithActor & { approve: boolean }> = {
  check: (s, a) => c.checkVote(s, a.actor),
  apply: (s, a) => {
    const round = s.round;
    s.votes.push({ memberId: a.actor.id, approve: a.approve });
    return [
      { kind: 'complaintVote', round, memberId: a.actor.id, approve: a.approve },
      transition(s, a.actor, 'complaint_vote', null, {
        details: { round, approve: a.approve },
      }),
    ];
  },
};

/**
 * §4.5 rule 7, as the review committee uses it for reviews: without quorum a new round opens;
 * with it, the complaint is upheld only by more than half of all members.
 */
export const closeVote: Action<WithActor> = {
  check: (s, a) => c.checkCloseVote(s, a.actor),
  apply: (s, a, now) => {
    const policy = s.policy as NonNullable<S['policy']>;
    const tally = tallyVotes(s.input.reviewCommitteeIds, s.votes, policy.committee);
    s.lastTally = tally;
    if (!tally.quorum) {
      s.round++;
      s.votes = [];
      return [
        transition(s, a.actor, 'complaint_quorum_failed', null, {
          reason: '出席委员不足三分之二，不能表决',
          details: { tally },
        }),
      ];
    }
    s.ruling = { at: now, upheld: tally.approved, tally, measure: null };
    const ruled = transition(
      s,
      a.actor,
      'complaint_ruled',
      tally.approved ? 'upheld' : 'rejected',
      {
        details: { tally },
      },
    );
    return tally.approved ? [ruled] : [ruled, notifyRuling(s)];
  },
};

/** The measure an upheld complaint led to (the activity applied it): recorded, both parties told. */
export function measureApplied(s: S, measure: ComplaintMeasure): Effect[] {
  const ruling = s.ruling as NonNullable<S['ruling']>;
  ruling.measure = measure;
  return [
    transition(s, REVIEW_COMMITTEE, 'complaint_measure_applied', null, { details: { measure } }),
    notifyRuling(s),
  ];
}

function notifyRuling(s: S): Effect {
  const ruling = s.ruling as NonNullable<S['ruling']>;
  return mail(
    s,
    'ruled',
    'complaint_ruled',
    { organization: true, complainant: true },
    { upheld: ruling.upheld, measure: ruling.measure ? MEASURE_TEXT[ruling.measure] : '' },
  );
}
