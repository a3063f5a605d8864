import { ApplicationFailure, Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Db } from '../../lib/db';
import type { ComplaintMeasure } from '../../workflows/evaluation/complaint-messages';
import type {
  DisqualifyArgs,
  Actor,
  FileView,
  GradeView,
  WithActor,
} from '../../workflows/evaluation/messages';

const COMMITTEE: Actor = { id: 'system', name: '复核委员会', role: 'system' };
const OPEN: FileView['status'][] = [
  'assigned',
  'scored',
  'recommended_upward',
  'publicised',
  'review_requested',
];

/**
 * Where the measure goes: workflow ids and message names come from the workflow's contract
 * (activities import workflows only as types).
 */
export interface MeasureTargets {
  /** The complained-about file's workflow, or null for a complaint about a grade. */
  fileWorkflowId: string | null;
  gradeWorkflowId: string;
  fileStatusQuery: string;
  disqualifyUpdate: string;
  cancelGradeUpdate: string;
}

/**
 * What an upheld complaint leads to, through the worker's client: a file not yet confirmed is
 * disqualified (ground: complaint upheld); a confirmed file's grade, or a grade complained about,
 * is cancelled by its grade workflow. Idempotent: the file names the complaint that disqualified
 * it, the cancelled grade's end reason names the complaint.
 */
export function makeApplyComplaintMeasure(db: Db) {
  return async function applyComplaintMeasure(input: {
    complaintId: string;
    organizationId: string;
    targets: MeasureTargets;
  }): Promise<{ measure: ComplaintMeasure }> {
    const t = input.targets;
    const client = Context.current().client;
    const reason = `举报（编号 ${input.complaintId}）经复核委员会裁定成立`;
    if (t.fileWorkflowId) {
      const handle = client.workflow.getHandle(t.fileWorkflowId);
      const view = async () => {
        try {
          return await handle.query<FileView>(t.fileStatusQuery);
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          // The application window is still open: the file's workflow starts when it closes.
          throw ApplicationFailure.retryable('评估事项尚未进入评估流程', 'FileNotStarted');
        }
      };
      let v = await view();
      if (v.status === 'applied' || OPEN.includes(v.status)) {
        try {
          await handle.executeUpdate<FileView, [DisqualifyArgs]>(t.disqualifyUpdate, {
            updateId: `complaint-${input.complaintId}`,
            args: [
              {
                actor: COMMITTEE,
                ground: 'complaint_upheld',
                reason,
                complaintId: input.complaintId,
              },
            ],
          });
          return { measure: 'file_disqualified' };
        } catch (err) {
          // Confirmed (and finished) in the meantime: the grade is what remains to cancel.
          if (!(err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError))
            throw err;
          v = await view();
        }
      }
      if (v.disqualification?.complaintId === input.complaintId)
        return { measure: 'file_disqualified' };
      if (v.status !== 'confirmed') return { measure: 'none' };
    }
    const done = await db.grade.count({
      where: { organizationId: input.organizationId, status: 'cancelled', endReason: reason },
    });
    if (done > 0) return { measure: 'grade_cancelled' };
    try {
      await client.workflow
        .getHandle(t.gradeWorkflowId)
        .executeUpdate<GradeView, [WithActor & { reason: string }]>(t.cancelGradeUpdate, {
          updateId: `complaint-${input.complaintId}`,
          args: [{ actor: COMMITTEE, reason }],
        });
      return { measure: 'grade_cancelled' };
    } catch (err) {
      // No grade left to cancel (expired, cancelled, never watched).
      if (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError)
        return { measure: 'none' };
      throw err;
    }
  };
}
