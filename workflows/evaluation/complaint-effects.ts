import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ComplaintPatch } from '../../activities/evaluation/record-complaint';
import type { ComplaintState } from './complaint-state';
import type { ComplaintEffect } from './effects';
import { mailInput } from './mail-input';
import {
  cancelGradeUpdate,
  disqualifyUpdate,
  fileStatusQuery,
  fileWorkflowId,
  gradeWorkflowId,
} from './messages';

const act = proxyActivities<Activities>({
  // A measure waits on the file's or grade's own Update: twice the usual room.
  startToCloseTimeout: '30 seconds',
  // A measure waits for its file's workflow to start (the window may still be open): keep trying.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** The one effects runner of a complaint: each effect one activity, in the transition's order. */
export async function runComplaintEffects(s: ComplaintState, effects: ComplaintEffect[]) {
  const { complaintId, organizationId } = s.input;
  for (const e of effects) {
    if (e.kind === 'record') {
      await act.recordComplaint({
        complaintId,
        workflowId: workflowInfo().workflowId,
        patch: e.patch as ComplaintPatch,
        audit: { ...e.audit, at: Date.now() },
      });
    } else if (e.kind === 'mail') {
      await act.notifyEvaluation(mailInput(organizationId, e));
    } else if (e.kind === 'complaintVote') {
      const { kind: _k, ...vote } = e;
      await act.recordComplaintVote({ complaintId, ...vote, at: Date.now() });
    }
  }
}

/** The rules in force on the filing date (the complaint's one read before it opens). */
export const loadComplaintRules = (s: ComplaintState) =>
  act.loadEvaluationRules({ at: s.input.filedAt });

/** Disqualifies the file or cancels the grade an upheld complaint is about; answers which. */
export async function applyComplaintMeasure(s: ComplaintState) {
  const { subject, organizationId, complaintId } = s.input;
  const { measure } = await act.applyComplaintMeasure({
    complaintId,
    organizationId,
    targets: {
      fileWorkflowId: subject.type === 'file' ? fileWorkflowId(subject.fileId) : null,
      gradeWorkflowId: gradeWorkflowId(organizationId),
      fileStatusQuery: fileStatusQuery.name,
      disqualifyUpdate: disqualifyUpdate.name,
      cancelGradeUpdate: cancelGradeUpdate.name,
    },
  });
  return measure;
}
