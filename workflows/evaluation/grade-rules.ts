import type { LowerGrade } from '../../activities/evaluation/grade-records';
import type { EvaluationTemplate } from '../../activities/evaluation/templates';
import { type HolidayCalendar, localDateOf } from '../../domain/calendar';
import { addDuration } from '../../domain/deadlines';
import type { DowngradeTrigger } from '../../domain/evaluation/downgrade';
import { leadBefore } from '../../domain/evaluation/grade-dates';
import type { EvaluationPolicy } from '../../domain/evaluation/policy';
import type { GradeInfo, GradeView } from './messages';

/**
 * The life of a grade, pure: each transition changes the view and returns its effects, run in
 * order by the grade workflow's runner. The lower grade a downgrade makes comes in as an argument.
 */

export type GradeEffect =
  | {
      kind: 'endGrade';
      gradeId: string;
      status: 'cancelled' | 'expired';
      reason: string;
      day: string;
    }
  | { kind: 'mail'; step: string; template: EvaluationTemplate; context: Record<string, unknown> }
  | { kind: 'announceVoid'; gradeId: string; at: number };

const mail = (
  step: string,
  template: EvaluationTemplate,
  context: Record<string, unknown> = {},
): GradeEffect => ({ kind: 'mail', step, template, context });

/** The deadlines still ahead, soonest first: expiry, its reminder, the certificate's return. */
export function deadlines(s: GradeView, policy: EvaluationPolicy): { key: string; at: number }[] {
  const out: { key: string; at: number }[] = [];
  if (s.grade) {
    out.push({ key: 'expiry', at: s.grade.expiresAt });
    if (!s.reminded)
      out.push({
        key: 'reminder',
        at: leadBefore(s.grade.expiresAt, policy.limits.expiryReminderLead, 0),
      });
  }
  if (s.certificateDue)
    out.push({ key: 'certificate', at: new Date(s.certificateDue.at).getTime() });
  return out.sort((a, b) => a.at - b.at);
}

/** 撤销: the grade ends on a ruling (an upheld complaint) or the office's decision. */
export function cancelled(s: GradeView, reason: string, now: number): GradeEffect[] {
  const g = s.grade as GradeInfo;
  s.status = 'cancelled';
  s.grade = null;
  return [
    { kind: 'endGrade', gradeId: g.id, status: 'cancelled', reason, day: localDateOf(now) },
    mail(`cancelled-${g.id}`, 'grade_cancelled', { reason }),
  ];
}

/** A deadline came: the reminder, the expiry, or the certificate voided by announcement. */
export function fired(s: GradeView, key: string, now: number): GradeEffect[] {
  const g = s.grade;
  if (key === 'reminder' && g && now < g.expiresAt) {
    s.reminded = true;
    return [
      mail(`reminder-${g.id}`, 'grade_expiry_reminder', { level: g.level, until: g.expiresOn }),
    ];
  }
  if (key === 'expiry' && g && now >= g.expiresAt) {
    s.status = 'expired';
    s.grade = null;
    return [
      {
        kind: 'endGrade',
        gradeId: g.id,
        status: 'expired',
        reason: '有效期届满',
        day: localDateOf(now),
      },
      mail(`expired-${g.id}`, 'grade_expired', { level: g.level }),
    ];
  }
  if (key === 'certificate' && s.certificateDue && now >= new Date(s.certificateDue.at).getTime()) {
    const gradeId = s.certificateDue.gradeId;
    s.certificateDue = null;
    s.certificateVoided = true;
    return [
      { kind: 'announceVoid', gradeId, at: now },
      mail(`void-${gradeId}`, 'certificate_voided'),
    ];
  }
  return [];
}

/**
 * §4.5 rule 9: each new trigger fact downgrades one level (the activity made the lower grade,
 * or none below 1A); a certificate must come back within the limit.
 */
export function downgraded(
  s: GradeView,
  g: GradeInfo,
  triggers: DowngradeTrigger[],
  lower: LowerGrade | null,
  rules: { policy: EvaluationPolicy; calendar: HolidayCalendar },
  now: number,
): GradeEffect[] {
  s.handledTriggers.push(...triggers.map((t) => t.key));
  if (g.hasCertificate) {
    const due = addDuration(now, rules.policy.limits.certificateReturn, rules.calendar).at;
    s.certificateDue = { gradeId: g.id, at: new Date(due).toISOString() };
  }
  s.status = 'downgraded';
  s.grade = lower ? { ...lower, expiresAt: g.expiresAt, hasCertificate: false } : null;
  if (lower) s.status = 'active';
  return [
    mail(`downgraded-${g.id}`, 'grade_downgraded', {
      reason: triggers.map((t) => t.reason).join('；'),
      level: lower?.level ?? null,
      until: s.certificateDue?.at ?? null,
    }),
  ];
}
