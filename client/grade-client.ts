import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  cancelGradeUpdate,
  certificateReturnedUpdate,
  type EvalActor,
  type GradeView,
  gradeStatusQuery,
  gradeWorkflowId,
  profileChangedSignal,
} from '../workflows/evaluation/messages';
import { executeUpdate } from './execute-update';

/**
 * Tells the organisation's grade workflow that its profile changed (an inspection or a penalty
 * was recorded): it re-reads the profile and applies the downgrade triggers of DOMAIN §4.3.
 * Returns false when the organisation holds no grade watched by a workflow.
 */
export async function signalOrganizationProfileChanged(
  client: Client,
  organizationId: string,
): Promise<boolean> {
  try {
    await client.workflow.getHandle(gradeWorkflowId(organizationId)).signal(profileChangedSignal);
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/** The grade workflow's view, or null when none runs for the organisation. */
export async function gradeStatus(
  client: Client,
  organizationId: string,
): Promise<GradeView | null> {
  try {
    return await client.workflow.getHandle(gradeWorkflowId(organizationId)).query(gradeStatusQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/** Cancellation of a grade: an administrator's decision with its reason (§4.3). */
export function cancelGrade(
  client: Client,
  organizationId: string,
  actor: EvalActor,
  reason: string,
) {
  return executeUpdate(
    client.workflow.getHandle(gradeWorkflowId(organizationId)),
    cancelGradeUpdate,
    {
      actor,
      reason,
    },
  );
}

/** The downgraded grade's certificate and plaque came back within the limit. */
export function recordCertificateReturned(
  client: Client,
  organizationId: string,
  actor: EvalActor,
) {
  return executeUpdate(
    client.workflow.getHandle(gradeWorkflowId(organizationId)),
    certificateReturnedUpdate,
    { actor },
  );
}
