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
import { downgradeTriggers } from '../../domain/evaluation/downgrade';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { illegal as refusal } from '../shared/refusal';
import { UpdateServer } from '../shared/serve';
import { runGradeEffects } from './grade-effects';
import type { GradeEffect } from './grade-rules';
import * as life from './grade-rules';
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
  const run = (effects: GradeEffect[]) => runGradeEffects(s, org, rules?.policy, effects);

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
      await run(life.cancelled(s, a.reason, Date.now()));
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

  while (s.grade || s.certificateDue) {
    const next = life.deadlines(s, policy)[0];
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
      if (!woken && next) await run(life.fired(s, next.key, Date.now()));
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

  /** Re-reads the profile; each new trigger fact downgrades one level (§4.5 rule 9). */
  async function applyTriggers() {
    const grade = s.grade;
    if (!grade) return;
    const profile = await act.loadProfileSnapshot({ organizationId: org });
    // A late inspection of the year before the award downgrades too; earlier histories did not.
    const triggers = downgradeTriggers(profile, grade, s.handledTriggers, {
      yearBeforeAward: patched('downgrade-year-before-award'),
    });
    if (triggers.length === 0) return;
    const now = Date.now();
    const reason = triggers.map((t) => t.reason).join('；');
    const lower = await act.downgradeGrade({ gradeId: grade.id, reason, day: localDateOf(now) });
    await run(life.downgraded(s, grade, triggers, lower, rules, now));
  }
}
