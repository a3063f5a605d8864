import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { EvaluationPolicy } from '../../domain/evaluation/policy';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import type { GradeEffect } from './grade-rules';
import type { GradeView } from './messages';

const act = proxyActivities<Activities>({
  startToCloseTimeout: ACTIVITY_TIMEOUT,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** The one effects runner of a grade's life: each effect one activity, in order. */
export async function runGradeEffects(
  s: GradeView,
  organizationId: string,
  policy: EvaluationPolicy | undefined,
  effects: GradeEffect[],
): Promise<void> {
  for (const e of effects) {
    if (e.kind === 'endGrade') {
      const { kind: _k, ...end } = e;
      await act.endGrade(end);
    } else if (e.kind === 'mail') {
      // Keyed by the grade the workflow watches when the mail is sent (as it always was).
      await act.notifyEvaluation({
        key: `${workflowInfo().workflowId}/${s.grade?.id ?? 'none'}/${e.step}`,
        organizationId,
        to: { organization: true },
        template: e.template,
        context: e.context,
      });
    } else {
      await act.publishEvaluationAnnouncement({
        key: `evaluation-certificate-void:${e.gradeId}`,
        kind: 'evaluation_certificate_void',
        subjectType: 'grade',
        subjectId: e.gradeId,
        title: '社会组织评估等级证书和牌匾作废公告',
        body: '该组织未在规定期限内交回原评估等级证书和牌匾，现公告作废。',
        channels: policy?.announcementChannels ?? [],
        at: e.at,
      });
    }
  }
}
