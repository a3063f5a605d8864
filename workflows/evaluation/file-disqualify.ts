import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { DISQUALIFICATION_GROUND_LABEL } from '../../domain/evaluation/disqualification';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import type { FileState } from './file-state';
import { mail, transition } from './file-steps';
import type { DisqualifyArgs } from './messages';

const act = proxyActivities<Activities>({
  startToCloseTimeout: ACTIVITY_TIMEOUT,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * §4.2: the file leaves the evaluation. The preliminary score stays in the state, the projection
 * and the audit entry, marked void; a result already publicised is withdrawn by announcement.
 */
export async function disqualify(s: FileState, a: DisqualifyArgs): Promise<void> {
  const now = Date.now();
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
  await transition(s, a.actor, 'disqualified', 'disqualified', {
    patch: {
      scoreCancelled: cancelledScore !== null,
      disqualification: s.disqualification,
    },
    reason: `${ground}：${a.reason}`,
    details: { ground: a.ground, complaintId: a.complaintId ?? null, cancelledScore },
  });
  if (wasPublic && s.policy)
    await act.publishEvaluationAnnouncement({
      key: `evaluation-disqualified:${s.input.fileId}`,
      kind: 'evaluation_disqualified',
      subjectType: 'evaluation_file',
      subjectId: s.input.fileId,
      title: '社会组织评估结果公示撤回公告',
      body: `该组织因${ground}被取消本次评估资格，原公示的评估结果作废。`,
      channels: s.policy.announcementChannels,
      at: now,
    });
  await mail(
    s,
    'disqualified',
    'disqualified',
    { organization: true },
    { ground, reason: a.reason },
  );
}
