import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  type Actor,
  cancelGradeUpdate,
  certificateReturnedUpdate,
  type GradeView,
  gradeStatusQuery,
  gradeWorkflowId,
  profileChangedSignal,
} from '../workflows/evaluation/messages';
import { DEFAULT_LIMITS, type TemporalLimits, withinBound } from './bounded';
import { executeUpdate } from './execute-update';
import { queryOffers } from './query-offers';

/**
 * Tells the organisation's grade workflow that its profile changed (an inspection or a penalty
 * was recorded): it re-reads the profile and applies the downgrade triggers of DOMAIN §4.3.
 * Returns false when the organisation holds no grade watched by a workflow.
 */
export async function signalOrganizationProfileChanged(
  client: Client,
  organizationId: string,
  limits: TemporalLimits = DEFAULT_LIMITS,
): Promise<boolean> {
  try {
    await withinBound(client, limits.requestMs, () =>
      client.workflow.getHandle(gradeWorkflowId(organizationId)).signal(profileChangedSignal),
    );
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
  limits: TemporalLimits = DEFAULT_LIMITS,
): Promise<GradeView | null> {
  try {
    return await withinBound(client, limits.requestMs, () =>
      client.workflow.getHandle(gradeWorkflowId(organizationId)).query(gradeStatusQuery),
    );
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/** The decisions the grade's workflow would accept now from this person (its offers Query). */
export function gradeOffers(
  client: Client,
  organizationId: string,
  actor: object,
  limits: TemporalLimits = DEFAULT_LIMITS,
) {
  const handle = client.workflow.getHandle(gradeWorkflowId(organizationId));
  return queryOffers(client, handle, actor, limits.requestMs);
}

/** How an Update on a grade is sent: within the bound, under the caller's update id. */
export interface GradeUpdateOptions {
  limits?: TemporalLimits;
  updateId?: string;
}

/** Cancellation of a grade: an administrator's decision with its reason (§4.3). */
export function cancelGrade(
  client: Client,
  organizationId: string,
  actor: Actor,
  reason: string,
  opts: GradeUpdateOptions = {},
) {
  return executeUpdate(
    client.workflow.getHandle(gradeWorkflowId(organizationId)),
    cancelGradeUpdate,
    { actor, reason },
    { updateId: opts.updateId, timeoutMs: (opts.limits ?? DEFAULT_LIMITS).requestMs },
  );
}

/** The downgraded grade's certificate and plaque came back within the limit. */
export function recordCertificateReturned(
  client: Client,
  organizationId: string,
  actor: Actor,
  opts: GradeUpdateOptions = {},
) {
  return executeUpdate(
    client.workflow.getHandle(gradeWorkflowId(organizationId)),
    certificateReturnedUpdate,
    { actor },
    { updateId: opts.updateId, timeoutMs: (opts.limits ?? DEFAULT_LIMITS).requestMs },
  );
}
