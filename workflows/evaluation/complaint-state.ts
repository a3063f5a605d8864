import type { HolidayCalendar } from '../../domain/calendar';
import { isEvaluationOffice } from '../../domain/evaluation/office';
import type { EvaluationPolicy } from '../../domain/evaluation/policy';
import type { Tally } from '../../domain/evaluation/voting';
import { forbidden, illegal, type Refusal } from '../shared/refusal';
import type {
  ComplaintInput,
  ComplaintMeasure,
  ComplaintStatus,
  ComplaintView,
} from './complaint-messages';
import type { Actor } from './messages';

/** Plain JSON state of one complaint: what the workflow decides on and the view it answers. */
export interface ComplaintState {
  input: ComplaintInput;
  status: ComplaintStatus;
  seq: number;
  policy: EvaluationPolicy | null;
  calendar: HolidayCalendar;
  ruleVersion: string | null;
  verificationDueAt: number | null;
  overdue: boolean;
  verification: { by: string; at: number; note: string | null } | null;
  dismissal: { by: string; at: number; reason: string } | null;
  round: number;
  votes: { memberId: string; approve: boolean }[];
  lastTally: Tally | null;
  ruling: { at: number; upheld: boolean; tally: Tally; measure: ComplaintMeasure | null } | null;
}

export function initialComplaintState(input: ComplaintInput): ComplaintState {
  return {
    input,
    status: 'filed',
    seq: 0,
    policy: null,
    calendar: { years: {} },
    ruleVersion: null,
    verificationDueAt: null,
    overdue: false,
    verification: null,
    dismissal: null,
    round: 1,
    votes: [],
    lastTally: null,
    ruling: null,
  };
}

function officeOnly(actor: Actor): Refusal | null {
  return isEvaluationOffice(actor.role) ? null : forbidden('只有评估办公室可以办理举报');
}

/** The office verifies a filed complaint (or dismisses it as unfounded) exactly once. */
export function checkVerify(s: ComplaintState, actor: Actor): Refusal | null {
  const refusal = officeOnly(actor);
  if (refusal) return refusal;
  if (s.status !== 'filed') return illegal('该举报已经核实或处理，不能再次核实');
  return null;
}

export function checkVote(s: ComplaintState, actor: Actor): Refusal | null {
  if (!s.input.reviewCommitteeIds.includes(actor.id)) return forbidden('您不是复核委员会的委员');
  if (s.status !== 'verified') return illegal('该举报当前不在复核委员会裁定阶段');
  if (s.votes.some((v) => v.memberId === actor.id)) return illegal('您已经投过票');
  return null;
}

export function checkCloseVote(s: ComplaintState, actor: Actor): Refusal | null {
  const refusal = officeOnly(actor);
  if (refusal) return refusal;
  return s.status === 'verified' ? null : illegal('该举报当前不在复核委员会裁定阶段');
}

const iso = (t: number) => new Date(t).toISOString();

export function complaintView(s: ComplaintState): ComplaintView {
  return {
    complaintId: s.input.complaintId,
    organizationId: s.input.organizationId,
    subject: s.input.subject,
    status: s.status,
    ruleVersion: s.ruleVersion,
    filedAt: iso(s.input.filedAt),
    verificationDueAt: s.verificationDueAt === null ? null : iso(s.verificationDueAt),
    overdue: s.overdue,
    verification: s.verification && { ...s.verification, at: iso(s.verification.at) },
    dismissal: s.dismissal && { ...s.dismissal, at: iso(s.dismissal.at) },
    committee: {
      members: s.input.reviewCommitteeIds.length,
      round: s.round,
      votes: s.votes.length,
      lastTally: s.lastTally,
    },
    ruling: s.ruling && { ...s.ruling, at: iso(s.ruling.at) },
  };
}
