import type { FilePatch } from '../../activities/evaluation/record-file';
import type { AssignmentResult } from '../../activities/evaluation/assign-experts';
import type { AwardedGrade } from '../../activities/evaluation/award-grade';
import { SYSTEM_ACTOR } from '../../domain/actor';
import type { HolidayCalendar } from '../../domain/calendar';
import { addDuration } from '../../domain/deadlines';
import { DISQUALIFICATION_GROUND_LABEL } from '../../domain/evaluation/disqualification';
import type { EligibilityResult } from '../../domain/evaluation/eligibility';
import type { LevelDecision as PartyRuleResult } from '../../domain/evaluation/party-rule';
import type { EvaluationPolicy } from '../../domain/evaluation/policy';
import {
  aggregate,
  disagreement,
  levelForScore,
  type ScoreSheet,
  sheetTotal,
} from '../../domain/evaluation/scoring';
import { type Tally, tallyVotes } from '../../domain/evaluation/voting';
import { gradeLabel } from '../../domain/organization/profile';
import type { FileEffect as Effect, MailTo } from './effects';
import { activeSeats, type FileState } from './file-state';
import type { Actor, DisqualifyArgs, FileStatus } from './messages';

/**
 * A file's transitions, pure: each changes the state and returns its effects (run by
 * runFileEffects, file-effects.ts). What only the outside knows (the rules, the profile, the
 * experts seated, the grade awarded) comes in as arguments; patches come in as flags, asked
 * lazily where the steps asked them before, so recorded histories see the same markers.
 */

type S = FileState;
type Policy = NonNullable<S['policy']>;
export const SYSTEM: Actor = SYSTEM_ACTOR;

/** One state change: projection and audit row together (seq makes a retry a no-op). */
export function transition(
  s: S,
  actor: Actor,
  action: string,
  to: FileStatus | null,
  opts: { patch?: FilePatch; reason?: string; details?: Record<string, unknown> } = {},
): Effect {
  const from = s.status;
  if (to) s.status = to;
  s.seq++;
  return {
    kind: 'record',
    patch: { ...(to ? { status: to } : {}), ...opts.patch },
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

export function mail(
  step: string,
  template: Extract<Effect, { kind: 'mail' }>['template'],
  to: MailTo,
  context: Extract<Effect, { kind: 'mail' }>['context'] = {},
  attachmentFileIds?: string[],
): Effect {
  return {
    kind: 'mail',
    step,
    template,
    to,
    context,
    ...(attachmentFileIds ? { attachmentFileIds } : {}),
  };
}

/** The rules of the application date, and the indicators of the organisation's legal form. */
export function rulesLoaded(
  s: S,
  rules: { ref: { version: string }; policy: EvaluationPolicy; calendar: HolidayCalendar },
  legalForm: 'social_group' | 'private_non_enterprise' | 'foundation' | null,
): void {
  s.policy = rules.policy;
  s.ruleVersion = rules.ref.version;
  s.calendar = rules.calendar;
  s.indicators = rules.policy.indicators[legalForm ?? 'social_group'];
}

/** §4.5 rule 1 decided: refused with the reasons, or told and then seated. */
export function eligibilityDecided(s: S, eligibility: EligibilityResult): Effect[] {
  s.eligibility = eligibility;
  if (!eligibility.eligible) {
    const reasons = eligibility.reasons;
    return [
      transition(s, SYSTEM, 'eligibility_refused', 'ineligible', {
        patch: { ineligibleReason: reasons.join('；') },
        reason: reasons.join('；'),
      }),
      mail('ineligible', 'ineligible', { organization: true }, { reasons }),
    ];
  }
  return [mail('eligible', 'eligible', { organization: true })];
}

/**
 * Experts seated (the system's choice, or the office's from the pool: `chosen`), and who was
 * kept off (evidence of recusal); the seated are mailed.
 */
export function seated(
  s: S,
  actor: Actor,
  r: AssignmentResult,
  o: { step: string; chosen?: string[] },
): Effect[] {
  s.agencyId = s.agencyId ?? r.agencyId;
  for (const e of r.evaluators)
    s.evaluators.push({ id: e.id, name: e.name, status: 'assigned', total: null });
  const ids = r.evaluators.map((e) => e.id);
  const [action, to] = o.chosen
    ? (['experts_seated_by_office', null] as const)
    : (['experts_assigned', 'assigned'] as const);
  const out = [
    transition(s, actor, action, to, {
      patch: { agencyId: s.agencyId },
      details: { evaluators: ids, blocked: r.blocked },
    }),
  ];
  if (ids.length) out.push(mail(`${o.step}-${s.seq}`, 'evaluator_assigned', { accountIds: ids }));
  return out;
}

/** Tells the office when the panel falls short (and records when it is whole again). */
export function panelChecked(s: S): Effect[] {
  const policy = s.policy as Policy;
  const seatedNow = activeSeats(s).length;
  const short = Math.max(0, policy.experts.perFile - seatedNow);
  if (short === (s.panelShortBy ?? 0)) return [];
  s.panelShortBy = short;
  const out = [
    transition(s, SYSTEM, short > 0 ? 'panel_incomplete' : 'panel_complete', null, {
      patch: { panelShortBy: short },
      ...(short > 0
        ? {
            reason: `无利益冲突的评估专家不足：应有${policy.experts.perFile}名，现有${seatedNow}名`,
          }
        : {}),
      details: { required: policy.experts.perFile, seated: seatedNow },
    }),
  ];
  if (short > 0)
    out.push(
      mail(
        `panel-incomplete-${s.seq}`,
        'panel_incomplete',
        { office: true },
        { missing: short, required: policy.experts.perFile },
      ),
    );
  return out;
}

type Seat = S['evaluators'][number];

export function conflictDeclared(
  s: S,
  actor: Actor,
  hasConflict: boolean,
  note: string | undefined,
): Effect[] {
  const seat = s.evaluators.find((e) => e.id === actor.id) as Seat;
  seat.status = hasConflict ? 'conflicted' : 'cleared';
  return [
    { kind: 'assignment', evaluatorId: actor.id, status: seat.status, note: note ?? null },
    transition(s, actor, hasConflict ? 'conflict_declared' : 'no_conflict_declared', null, {
      reason: note,
    }),
  ];
}

export function recused(s: S, actor: Actor, evaluatorId: string, reason: string): Effect[] {
  const seat = s.evaluators.find((e) => e.id === evaluatorId) as Seat;
  seat.status = 'recused';
  return [
    { kind: 'assignment', evaluatorId, status: 'recused', note: reason },
    transition(s, actor, 'recusal_granted', null, { reason, details: { evaluatorId } }),
  ];
}

export function sheetSubmitted(s: S, actor: Actor, sheet: ScoreSheet): Effect[] {
  const total = sheetTotal(sheet, s.policy as Policy);
  const seat = s.evaluators.find((e) => e.id === actor.id) as Seat;
  seat.total = total;
  return [
    { kind: 'sheet', evaluatorId: actor.id, sheet, total },
    transition(s, actor, 'sheet_submitted', null, { details: { total } }),
  ];
}

/**
 * Every seated expert has submitted: aggregate by the policy and ask the committee. A short
 * panel waits when `panelComplete()` holds (the patch of the full-panel rule).
 */
export function scoreIfComplete(s: S, panelComplete: () => boolean): Effect[] {
  const seats = activeSeats(s);
  if (seats.length === 0 || seats.some((e) => e.total === null)) return [];
  const policy = s.policy as Policy;
  if (seats.length < policy.experts.perFile && panelComplete()) return [];
  const totals = seats.map((e) => e.total as number);
  const { score, used } = aggregate(
    totals,
    policy.scoring.aggregation,
    policy.scoring.trimMinSheets,
  );
  const { spread, flagged } = disagreement(totals, policy.scoring.disagreementThreshold);
  s.score = { value: score, spread, flagged, method: policy.scoring.aggregation, used };
  s.proposedLevel = levelForScore(score, policy.thresholds);
  return [
    transition(s, SYSTEM, 'scored', 'scored', {
      patch: { finalScore: score, flagged, proposedLevel: s.proposedLevel },
      details: { totals, spread },
    }),
    mail(
      'committee',
      'committee_pending',
      { accountIds: s.input.committeeIds },
      { score, level: s.proposedLevel },
    ),
  ];
}

export function voted(
  s: S,
  actor: Actor,
  approve: boolean,
  body: 'committee' | 'review',
): Effect[] {
  const round = body === 'committee' ? s.committee.round : (s.review?.round ?? 1);
  (body === 'committee' ? s.committee.votes : (s.review?.votes ?? [])).push({
    memberId: actor.id,
    approve,
  });
  return [
    { kind: 'vote', body, round, memberId: actor.id, approve },
    transition(s, actor, `${body}_vote`, null, { details: { round, approve } }),
  ];
}

/**
 * §4.5 rule 7 at the committee: without quorum, or without a majority of all members, a new
 * round opens (→ the effects); with it, the decision needs the rules of the day (→ the tally).
 */
export function committeeTallied(s: S, actor: Actor): { effects: Effect[] } | { tally: Tally } {
  const tally = tallyVotes(s.input.committeeIds, s.committee.votes, (s.policy as Policy).committee);
  s.committee.lastTally = tally;
  if (tally.approved) return { tally };
  s.committee.round++;
  s.committee.votes = [];
  return {
    effects: [
      transition(s, actor, tally.quorum ? 'committee_rejected' : 'committee_quorum_failed', null, {
        reason: tally.quorum ? '赞成票未超过全体委员的半数' : '出席委员不足三分之二，不能表决',
        details: { tally },
      }),
    ],
  };
}

/** The level the thresholds in force on the decision date give the score. */
export function levelOnDecision(
  s: S,
  rules: { ref: { version: string }; policy: EvaluationPolicy },
): number {
  s.policy = rules.policy;
  s.ruleVersion = rules.ref.version;
  return levelForScore(s.score?.value ?? 0, rules.policy.thresholds);
}

/** The committee's decision: not graded, recommended upward, or publicised at the district. */
export function committeeDecided(
  s: S,
  actor: Actor,
  tally: Tally,
  level: number,
  party: PartyRuleResult | null,
  now: number,
): Effect[] {
  const policy = s.policy as Policy;
  if (party) {
    level = party.level;
    s.levelNote = party.reason;
  }
  const note = s.levelNote ? { levelNote: s.levelNote } : {};
  s.committee.decidedAt = now;
  if (level === 0)
    return [
      transition(s, actor, 'not_graded', 'not_graded', { details: { tally } }),
      mail(
        'not-graded',
        'not_graded',
        { organization: true },
        { reason: '评估得分未达到最低等级标准。' },
      ),
    ];
  if (level > policy.districtMaxLevel) {
    s.proposedLevel = level;
    return [
      transition(s, actor, 'recommended_upward', 'recommended_upward', {
        patch: { proposedLevel: level },
        reason: s.levelNote ?? undefined,
        details: { tally, level, ...note },
      }),
      mail(
        'upward',
        'recommended_upward',
        { organization: true },
        { level, ...(s.levelNote ? { reason: s.levelNote } : {}) },
      ),
    ];
  }
  return publicised(s, actor, level, 'district', { tally, ...note }, now);
}

/** A level is decided (here, or by the city or province): publicity starts. */
export function publicised(
  s: S,
  actor: Actor,
  level: number,
  awardingLevel: 'district' | 'city' | 'province',
  details: Record<string, unknown>,
  now: number,
): Effect[] {
  const policy = s.policy as Policy;
  s.decidedLevel = level;
  s.awardingLevel = awardingLevel;
  s.publicityEndsAt = addDuration(now, policy.limits.publicity, s.calendar).at;
  const until = new Date(s.publicityEndsAt).toISOString();
  return [
    transition(s, actor, 'grade_decided', 'publicised', {
      patch: { decidedLevel: level },
      reason: s.levelNote ?? undefined,
      details: { ...details, level, awardingLevel, publicityEndsAt: s.publicityEndsAt },
    }),
    {
      kind: 'announce',
      key: `evaluation-publicity:${s.input.fileId}`,
      announcement: 'evaluation_publicity',
      title: '社会组织评估结果公示',
      body: `拟确定评估等级：${gradeLabel(level)}。公示期至 ${until}，期内可提出异议或申请复核。`,
      channels: policy.announcementChannels,
      at: now,
    },
    mail(
      'decided',
      'grade_decided',
      { organization: true },
      { level, until, ...(s.levelNote ? { reason: s.levelNote } : {}) },
    ),
  ];
}

export function reviewRequested(
  s: S,
  actor: Actor,
  args: { kind: 'objection' | 'review'; reason: string; requestedLevel: number },
  now: number,
): Effect[] {
  // The request as the Update carried it (the view has shown it so since the first files).
  s.review = {
    ...args,
    requestedAt: new Date(now).toISOString(),
    round: 1,
    decidedAt: null,
    upheld: null,
    answerDueAt: null,
    tally: null,
    votes: [],
  };
  return [
    transition(
      s,
      actor,
      args.kind === 'objection' ? 'objection_filed' : 'review_requested',
      'review_requested',
      {
        patch: { reviewRequestedAt: now },
        reason: args.reason,
        details: { requestedLevel: args.requestedLevel },
      },
    ),
    mail(
      'review',
      'review_pending',
      { accountIds: s.input.reviewCommitteeIds },
      { reason: args.reason },
    ),
  ];
}

/**
 * The review committee decides by the same rule; the written answer is due within 15 days.
 * Without quorum a new round opens; an upheld request under the authority patch is decided as
 * a first decision (→ the tally, see reviewUpheld); otherwise the answer is recorded here.
 */
export function reviewTallied(
  s: S,
  actor: Actor,
  now: number,
  withinAuthority: () => boolean,
): { effects: Effect[] } | { upheld: Tally } {
  const policy = s.policy as Policy;
  const review = s.review as NonNullable<S['review']>;
  const tally = tallyVotes(s.input.reviewCommitteeIds, review.votes, policy.committee);
  review.tally = tally;
  if (!tally.quorum) {
    review.round++;
    review.votes = [];
    return {
      effects: [transition(s, actor, 'review_quorum_failed', null, { details: { tally } })],
    };
  }
  review.decidedAt = new Date(now).toISOString();
  review.upheld = tally.approved;
  review.answerDueAt = new Date(
    addDuration(now, policy.limits.reviewAnswer, s.calendar).at,
  ).toISOString();
  if (tally.approved && withinAuthority()) return { upheld: tally };
  if (tally.approved) s.decidedLevel = review.requestedLevel;
  return {
    effects: [
      transition(s, actor, tally.approved ? 'review_upheld' : 'review_dismissed', 'publicised', {
        patch: { decidedLevel: s.decidedLevel },
        details: { tally, level: s.decidedLevel },
      }),
      mail(
        'review-answer',
        'review_answer',
        { organization: true },
        { upheld: tally.approved, level: s.decidedLevel },
      ),
    ],
  };
}

/** An upheld re-review decided like a first decision (the district's authority, rule 4). */
export function reviewUpheld(
  s: S,
  actor: Actor,
  tally: Tally,
  party: PartyRuleResult | null,
): Effect[] {
  const policy = s.policy as Policy;
  const requested = (s.review as NonNullable<S['review']>).requestedLevel;
  let level = requested;
  if (party) {
    level = party.level;
    s.levelNote = party.reason;
  }
  const note = s.levelNote ? { levelNote: s.levelNote } : {};
  const upward = level > policy.districtMaxLevel;
  if (upward) {
    s.proposedLevel = level;
    s.decidedLevel = null;
    s.awardingLevel = null;
  } else {
    s.decidedLevel = level;
    s.awardingLevel = 'district';
  }
  return [
    transition(s, actor, 'review_upheld', upward ? 'recommended_upward' : 'publicised', {
      patch: { decidedLevel: s.decidedLevel, proposedLevel: s.proposedLevel },
      reason: s.levelNote ?? undefined,
      details: { tally, level, requestedLevel: requested, upward, ...note },
    }),
    mail(
      'review-answer',
      'review_answer',
      { organization: true },
      { upheld: true, upward, level, ...(s.levelNote ? { reason: s.levelNote } : {}) },
    ),
  ];
}

/** Publicity over, the grade awarded (3A+ certified): confirmed, announced, mailed. */
export function confirmed(
  s: S,
  award: AwardedGrade,
  grade: { level: number; expiresOn: string },
  now: number,
): Effect[] {
  const policy = s.policy as Policy;
  const { level, expiresOn } = grade;
  s.gradeId = award.gradeId;
  s.certificateFileId = award.certificateFileId;
  return [
    transition(s, SYSTEM, 'grade_confirmed', 'confirmed', {
      patch: { gradeId: award.gradeId },
      details: { level, expiresOn },
    }),
    {
      kind: 'announce',
      key: `evaluation-result:${s.input.fileId}`,
      announcement: 'evaluation_result',
      title: '社会组织评估等级公告',
      body: `评估等级：${gradeLabel(level)}，有效期至 ${expiresOn}。`,
      channels: policy.announcementChannels,
      at: now,
    },
    mail(
      'confirmed',
      'grade_confirmed',
      { organization: true },
      { level, until: expiresOn },
      award.certificateFileId ? [award.certificateFileId] : undefined,
    ),
  ];
}

/**
 * §4.2: the file leaves the evaluation. The preliminary score stays in the state, the projection
 * and the audit entry, marked void; a result already publicised is withdrawn by announcement.
 */
export function disqualified(s: S, a: DisqualifyArgs, now: number): Effect[] {
  const wasPublic = s.status === 'publicised' || s.status === 'review_requested';
  const cancelledScore = s.score?.value ?? null;
  s.disqualification = {
    ground: a.ground,
    reason: a.reason,
    complaintId: a.complaintId ?? null,
    at: new Date(now).toISOString(),
    by: a.actor.name,
    cancelledScore,
  };
  const ground = DISQUALIFICATION_GROUND_LABEL[a.ground];
  const out: Effect[] = [
    transition(s, a.actor, 'disqualified', 'disqualified', {
      patch: { scoreCancelled: cancelledScore !== null, disqualification: s.disqualification },
      reason: `${ground}：${a.reason}`,
      details: { ground: a.ground, complaintId: a.complaintId ?? null, cancelledScore },
    }),
  ];
  if (wasPublic && s.policy)
    out.push({
      kind: 'announce',
      key: `evaluation-disqualified:${s.input.fileId}`,
      announcement: 'evaluation_disqualified',
      title: '社会组织评估结果公示撤回公告',
      body: `该组织因${ground}被取消本次评估资格，原公示的评估结果作废。`,
      channels: s.policy.announcementChannels,
      at: now,
    });
  out.push(
    mail('disqualified', 'disqualified', { organization: true }, { ground, reason: a.reason }),
  );
  return out;
}
