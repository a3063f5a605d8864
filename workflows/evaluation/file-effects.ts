import { patched, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { FilePatch } from '../../activities/evaluation/record-file';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import type { FileEffect } from './effects';
import type { FileState } from './file-state';
import { mailInput } from './mail-input';

// Database and renderer hiccups heal; keep trying rather than lose a decision.
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' };
export const act = proxyActivities<Activities>({ startToCloseTimeout: ACTIVITY_TIMEOUT, retry });
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * A person's step (declaration, sheet, vote, review) writes its projection, reads and outbox
 * rows as local activities: one workflow task and a marker per write instead of a server round
 * trip each (a campaign of 2,000 files × 5 experts makes this count). The opening check stays on
 * the task queue: a campaign opens thousands of files at once, and local activities queued
 * behind each other would hold their workflow tasks past the timeout. Files started before the
 * change keep the activities they were recorded with.
 */
const LOCAL_WRITES = 'evaluation-file-local-writes';
export const db = (s: FileState) => (!s.opening && patched(LOCAL_WRITES) ? local : act);

/**
 * The one effects runner of a file: each effect one activity, in the transition's order, each
 * write stamped with the time it runs. Announcements always go through the task queue.
 */
export async function runFileEffects(s: FileState, effects: FileEffect[]): Promise<void> {
  const { fileId, organizationId } = s.input;
  for (const e of effects) {
    switch (e.kind) {
      case 'record':
        await db(s).recordEvaluationFile({
          fileId,
          workflowId: workflowInfo().workflowId,
          patch: e.patch as FilePatch,
          audit: { ...e.audit, at: Date.now() },
        });
        break;
      case 'mail':
        await db(s).notifyEvaluation(mailInput(organizationId, e));
        break;
      case 'assignment':
        await db(s).recordAssignment({
          fileId,
          evaluatorId: e.evaluatorId,
          status: e.status,
          note: e.note,
          at: Date.now(),
        });
        break;
      case 'sheet': {
        const { kind: _k, ...sheet } = e;
        await db(s).storeSubmittedSheet({ fileId, ...sheet, at: Date.now() });
        break;
      }
      case 'vote': {
        const { kind: _k, ...vote } = e;
        await db(s).recordVote({ fileId, ...vote, at: Date.now() });
        break;
      }
      case 'announce':
        await act.publishEvaluationAnnouncement({
          key: e.key,
          kind: e.announcement,
          subjectType: 'evaluation_file',
          subjectId: fileId,
          title: e.title,
          body: e.body,
          channels: e.channels,
          at: e.at,
        });
        break;
    }
  }
}
