import { organizationOf } from '../../domain/actor';
import type { HolidayCalendar } from '../../domain/calendar';
import type { EligibilityResult } from '../../domain/evaluation/eligibility';
import { isEvaluationOffice } from '../../domain/evaluation/office';
import type { EvaluationPolicy, IndicatorNode } from '../../domain/evaluation/policy';
import { type ScoreSheet, validateSheet } from '../../domain/evaluation/scoring';
import type { Tally } from '../../domain/evaluation/voting';
import { forbidden, illegal, type Refusal } from '../shared/refusal';
import {
  type Disqualification,
  type DisqualifyArgs,
  type Actor,
  type EvaluatorSeat,
  FINAL_FILE_STATUSES,
  type FileInput,
  type FileStatus,
  type FileView,
  type ReviewRequest,
} from './messages';

/** Plain JSON state of one file: what the workflow decides on and the view it answers. */
export interface FileState {
  input: FileInput;
  status: FileStatus;
  seq: number;
  policy: EvaluationPolicy | null;
  calendar: HolidayCalendar;
  ruleVersion: string | null;
  indicators: IndicatorNode[];
  eligibility: EligibilityResult | null;
  agencyId: string | null;
  evaluators: EvaluatorSeat[];
  score: FileView['score'];
  proposedLevel: number | null;
  committee: {
    round: number;
    votes: { memberId: string; approve: boolean }[];
    lastTally: Tally | null;
    decidedAt: number | null;
  };
  decidedLevel: number | null;
  awardingLevel: FileView['awardingLevel'];
  publicityEndsAt: number | null;
  review: (ReviewRequest & { votes: { memberId: string; approve: boolean }[] }) | null;
  gradeId: string | null;
  certificateFileId: string | null;
  levelNote: string | null;
  disqualification: Disqualification | null;
  /** True while the file is first checked and seated (see `db` in file-effects). */
  opening?: boolean;
  /** Experts the panel still lacks (experts.perFile); absent before the panel rule. */
  panelShortBy?: number;
}

export function initialFileState(input: FileInput): FileState {
  return {
    input,
    status: 'applied',
    seq: 0,
    policy: null,
    calendar: { years: {} },
    ruleVersion: null,
    indicators: [],
    eligibility: null,
    agencyId: null,
    evaluators: [],
    score: null,
    proposedLevel: null,
    committee: { round: 1, votes: [], lastTally: null, decidedAt: null },
    decidedLevel: null,
    awardingLevel: null,
    publicityEndsAt: null,
    review: null,
    gradeId: null,
    certificateFileId: null,
    levelNote: null,
    disqualification: null,
  };
}

export type { Refusal } from '../shared/refusal';

export const activeSeats = (s: FileState) =>
  s.evaluators.filter((e) => e.status === 'assigned' || e.status === 'cleared');

export function checkDeclareConflict(s: FileState, actor: Actor): Refusal | null {
  const seat = s.evaluators.find((e) => e.id === actor.id);
  if (!seat || seat.status === 'conflicted' || seat.status === 'recused')
    return forbidden('您不是该评估事项的评估专家');
  if (s.status !== 'assigned') return illegal('评估阶段已经结束');
  if (seat.status === 'cleared') return illegal('您已经声明过无回避情形');
  return null;
}

export function checkRecusal(s: FileState, actor: Actor, evaluatorId: string): Refusal | null {
  if (organizationOf(actor) !== s.input.organizationId)
    return forbidden('只有被评估组织可以申请专家回避');
  if (s.status !== 'assigned') return illegal('评估阶段已经结束，不能再申请回避');
  const seat = activeSeats(s).find((e) => e.id === evaluatorId);
  if (!seat) return illegal('该专家不在本组织的评估专家组中');
  if (seat.total !== null) return illegal('该专家已提交评分表');
  return null;
}

export function checkSubmitSheet(s: FileState, actor: Actor, sheet: ScoreSheet): Refusal | null {
  const seat = activeSeats(s).find((e) => e.id === actor.id);
  if (!seat) return forbidden('您不是该评估事项的评估专家');
  if (s.status !== 'assigned') return illegal('评分阶段已经结束');
  if (seat.status !== 'cleared') return illegal('请先声明是否存在需要回避的情形');
  if (seat.total !== null) return illegal('评分表只能提交一次，您已经提交');
  if (!s.policy) return illegal('评估规则尚未载入');
  const problems = validateSheet(sheet, s.indicators, s.policy, { complete: true });
  if (problems.length) return { type: 'InvalidInput', message: problems.join('；') };
  return null;
}

export function checkVote(s: FileState, actor: Actor): Refusal | null {
  if (!s.input.committeeIds.includes(actor.id)) return forbidden('您不是本次评估委员会的委员');
  if (s.status !== 'scored') return illegal('该事项当前不在评估委员会表决阶段');
  if (s.committee.votes.some((v) => v.memberId === actor.id)) return illegal('您已经投过票');
  return null;
}

/** The office seats replacements while the panel lacks experts (see checkPanel). */
export function checkSeatExperts(s: FileState, actor: Actor, ids: string[]): Refusal | null {
  if (!isEvaluationOffice(actor.role)) return forbidden('只有评估办公室可以增补评估专家');
  if (s.status !== 'assigned') return illegal('评估阶段已经结束，不能再增补评估专家');
  const short = s.panelShortBy ?? 0;
  if (short === 0) return illegal('评估专家组已经齐全，无需增补');
  if (ids.length === 0 || new Set(ids).size !== ids.length)
    return { type: 'InvalidInput', message: '请选择不重复的评估专家' };
  if (ids.length > short)
    return { type: 'InvalidInput', message: `专家组还缺${short}名，最多增补${short}名` };
  if (ids.some((id) => s.evaluators.some((e) => e.id === id)))
    return illegal('所选专家已在（或曾在）本事项的专家组中');
  return null;
}

export function checkCloseVote(s: FileState): Refusal | null {
  return s.status === 'scored' ? null : illegal('该事项当前不在评估委员会表决阶段');
}

export function checkUpwardResult(s: FileState): Refusal | null {
  return s.status === 'recommended_upward' ? null : illegal('该事项没有推荐上级评定');
}

export function checkRequestReview(s: FileState, actor: Actor, now: number): Refusal | null {
  if (organizationOf(actor) !== s.input.organizationId)
    return forbidden('只有被评估组织本身可以提出异议或申请复核');
  if (s.review) return illegal('已经提出过异议或复核申请');
  if (s.status !== 'publicised' || s.publicityEndsAt === null || now >= s.publicityEndsAt)
    return illegal('公示期已结束或尚未开始，不能提出异议或申请复核');
  return null;
}

export function checkReviewVote(s: FileState, actor: Actor): Refusal | null {
  if (!s.input.reviewCommitteeIds.includes(actor.id)) return forbidden('您不是复核委员会的委员');
  if (s.status !== 'review_requested' || !s.review) return illegal('该事项当前不在复核阶段');
  if (s.review.votes.some((v) => v.memberId === actor.id)) return illegal('您已经投过票');
  return null;
}

export function checkCloseReview(s: FileState): Refusal | null {
  return s.status === 'review_requested' ? null : illegal('该事项当前不在复核阶段');
}

/**
 * §4.2 and ORG-IN-ROUND "any time before CONFIRMED → DISQUALIFIED": the evaluation office, or
 * the system acting on an upheld complaint, on a ground of the closed list.
 */
export function checkDisqualify(s: FileState, a: DisqualifyArgs): Refusal | null {
  if (a.actor.role !== 'system' && !isEvaluationOffice(a.actor.role))
    return forbidden('只有评估办公室可以取消评估资格');
  if (s.status === 'confirmed')
    return illegal('评估等级已经确认，不能再取消评估资格；如有违规情形，请依法撤销评估等级');
  if (s.status === 'disqualified') return illegal('该组织已被取消本次评估资格');
  if (FINAL_FILE_STATUSES.includes(s.status))
    return illegal('该评估事项已经办结，不能取消评估资格');
  if (a.ground === 'complaint_upheld' && !a.complaintId)
    return { type: 'InvalidInput', message: '以举报成立为由取消资格的，须指明该举报' };
  return null;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function fileView(s: FileState): FileView {
  const e = s.eligibility;
  return {
    fileId: s.input.fileId,
    campaignId: s.input.campaignId,
    organizationId: s.input.organizationId,
    status: s.status,
    ruleVersion: s.ruleVersion,
    eligibility: e
      ? {
          eligible: e.eligible,
          basis: e.eligible ? e.basis : null,
          reasons: e.eligible ? [] : e.reasons,
        }
      : null,
    agencyId: s.agencyId,
    evaluators: s.evaluators,
    score: s.score,
    proposedLevel: s.proposedLevel,
    committee: {
      round: s.committee.round,
      votes: s.committee.votes.length,
      lastTally: s.committee.lastTally,
      decidedAt: iso(s.committee.decidedAt),
    },
    decidedLevel: s.decidedLevel,
    awardingLevel: s.awardingLevel,
    publicityEndsAt: iso(s.publicityEndsAt),
    review: s.review ? (({ votes: _v, ...r }) => r)(s.review) : null,
    gradeId: s.gradeId,
    certificateFileId: s.certificateFileId,
    levelNote: s.levelNote,
    disqualification: s.disqualification,
    panelShortBy: s.panelShortBy ?? 0,
  };
}
