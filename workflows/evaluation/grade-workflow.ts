import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { localDateOf } from '../../domain/calendar';
import { addDuration } from '../../domain/deadlines';
import { downgradeTriggers } from '../../domain/evaluation/downgrade';
import { leadBefore } from '../../domain/evaluation/grade-dates';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { illegal as refusal } from '../shared/refusal';
import { UpdateServer } from '../shared/serve';
import * as m from './messages';

const act = proxyActivities<Activities>({
  startToCloseTimeout: ACTIVITY_TIMEOUT,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * The life of an organisation's active grade (§4.3 GRADE): expiry reminder, expiry, downgrade
 * on the triggers of art. 30 with the 15-day certificate return, cancellation. One workflow per
 * organisation, so that a profile change reaches it by the organisation's id alone.
 */
export async function gradeWorkflow(input: m.GradeInput): Promise<m.GradeView> {
  const s: m.GradeView = {
    organizationId: input.organizationId,
    grade: input.grade,
    status: 'active',
    handledTriggers: input.handledTriggers ?? [],
    reminded: input.reminded ?? false,
    certificateDue: input.certificateDue
      ? {
          gradeId: input.certificateDue.gradeId,
          at: new Date(input.certificateDue.at).toISOString(),
        }
      : null,
    certificateVoided: false,
  };
  const server = new UpdateServer();
  const { lock } = server;
  let profileChanged = false;
  let wakeups = 0;
  let rules: Awaited<ReturnType<Activities['loadEvaluationRules']>>;
  const org = input.organizationId;
  const mailKey = (step: string) => `${workflowInfo().workflowId}/${s.grade?.id ?? 'none'}/${step}`;
  const mail = (
    step: string,
    template: Parameters<Activities['notifyEvaluation']>[0]['template'],
    context = {},
  ) =>
    act.notifyEvaluation({
      key: mailKey(step),
      organizationId: org,
      to: { organization: true },
      template,
      context,
    });

  setHandler(m.gradeStatusQuery, () => s);
  setHandler(m.profileChangedSignal, () => {
    profileChanged = true;
    wakeups++;
  });
  setHandler(m.gradeReplacedSignal, (g) => {
    s.grade = g;
    s.status = 'active';
    s.reminded = false;
    s.handledTriggers = [];
    wakeups++;
  });
  server.on(
    m.cancelGradeUpdate,
    () => null,
    async (a) => {
      const g = s.grade as m.GradeInfo;
      await act.endGrade({
        gradeId: g.id,
        status: 'cancelled',
        reason: a.reason,
        day: localDateOf(Date.now()),
      });
      s.status = 'cancelled';
      s.grade = null;
      await mail(`cancelled-${g.id}`, 'grade_cancelled', { reason: a.reason });
      wakeups++;
      return s;
    },
    { validate: () => (s.grade ? null : refusal('该组织没有有效的评估等级')) },
  );
  server.on(
    m.certificateReturnedUpdate,
    () => null,
    async () => {
      s.certificateDue = null;
      wakeups++;
      return s;
    },
    { validate: () => (s.certificateDue ? null : refusal('没有待交回的证书和牌匾')) },
  );
  server.serveOffers();

  // Handlers first, so that a query or signal never finds the workflow without them.
  rules = await act.loadEvaluationRules({ at: Date.now() });
  const policy = rules.policy;

  const deadlines = () => {
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
  };

  while (s.grade || s.certificateDue) {
    const next = deadlines()[0];
    const seen = wakeups;
    // A signal that came before this wait (profileChanged) must not be lost.
    const woken = await condition(
      () => wakeups !== seen || profileChanged,
      next ? Math.max(1, next.at - Date.now()) : undefined,
    );
    await lock.run(async () => {
      if (profileChanged) {
        profileChanged = false;
        await applyTriggers();
      }
      if (!woken && next) await fire(next.key);
    });
    if (workflowInfo().continueAsNewSuggested && s.grade) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof gradeWorkflow>({
        organizationId: org,
        grade: s.grade,
        handledTriggers: s.handledTriggers,
        reminded: s.reminded,
        certificateDue: s.certificateDue
          ? { gradeId: s.certificateDue.gradeId, at: new Date(s.certificateDue.at).getTime() }
          : null,
      });
    }
  }
  await condition(allHandlersFinished);
  return s;

  async function fire(key: string) {
    const g = s.grade;
    const now = Date.now();
    if (key === 'reminder' && g && now < g.expiresAt) {
      s.reminded = true;
      await mail(`reminder-${g.id}`, 'grade_expiry_reminder', {
        level: g.level,
        until: g.expiresOn,
      });
    } else if (key === 'expiry' && g && now >= g.expiresAt) {
      await act.endGrade({
        gradeId: g.id,
        status: 'expired',
        reason: '有效期届满',
        day: localDateOf(now),
      });
      s.status = 'expired';
      s.grade = null;
      await mail(`expired-${g.id}`, 'grade_expired', { level: g.level });
    } else if (
      key === 'certificate' &&
      s.certificateDue &&
      now >= new Date(s.certificateDue.at).getTime()
    ) {
      const gradeId = s.certificateDue.gradeId;
      await act.publishEvaluationAnnouncement({
        key: `evaluation-certificate-void:${gradeId}`,
        kind: 'evaluation_certificate_void',
        subjectType: 'grade',
        subjectId: gradeId,
        title: '社会组织评估等级证书和牌匾作废公告',
        body: '该组织未在规定期限内交回原评估等级证书和牌匾，现公告作废。',
        channels: policy.announcementChannels,
        at: now,
      });
      s.certificateDue = null;
      s.certificateVoided = true;
      await mail(`void-${gradeId}`, 'certificate_voided');
    }
  }

  /** Re-reads the profile; each new trigger fact downgrades one level (§4.5 rule 9). */
  async function applyTriggers() {
    const g = s.grade;
    if (!g) return;
    const profile = await act.loadProfileSnapshot({ organizationId: org });
    // A late inspection of the year before the award downgrades too; earlier histories did not.
    const triggers = downgradeTriggers(profile, g, s.handledTriggers, {
      yearBeforeAward: patched('downgrade-year-before-award'),
    });
    const first = triggers[0];
    if (!first) return;
    s.handledTriggers.push(...triggers.map((t) => t.key));
    const now = Date.now();
    const reason = triggers.map((t) => t.reason).join('；');
    const lower = await act.downgradeGrade({ gradeId: g.id, reason, day: localDateOf(now) });
    if (g.hasCertificate) {
      const due = addDuration(now, policy.limits.certificateReturn, rules.calendar).at;
      s.certificateDue = { gradeId: g.id, at: new Date(due).toISOString() };
    }
    s.status = 'downgraded';
    s.grade = lower ? { ...lower, expiresAt: g.expiresAt, hasCertificate: false } : null;
    if (lower) s.status = 'active';
    await mail(`downgraded-${g.id}`, 'grade_downgraded', {
      reason,
      level: lower?.level ?? null,
      until: s.certificateDue?.at ?? null,
    });
  }
}
