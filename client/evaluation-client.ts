import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  type ComplaintInput,
  type ComplaintView,
  complaintStatusQuery,
  complaintWorkflowId,
  complaintWorkflowType,
} from '../workflows/evaluation/complaint-messages';
import {
  type CampaignInput,
  type CampaignView,
  campaignStatusQuery,
  campaignWorkflowId,
  campaignWorkflowType,
  type FileView,
  fileStatusQuery,
  fileWorkflowId,
  type GradeInput,
  gradeWorkflowId,
  gradeWorkflowType,
} from '../workflows/evaluation/messages';
import { DEFAULT_LIMITS, type TemporalLimits, withinBound } from './bounded';
import { executeUpdate } from './execute-update';
import { queryOffers } from './query-offers';

/** The API's handle on evaluation workflows: start campaigns, read and decide files. */
export function createEvaluationClient(
  client: Client,
  taskQueue: string,
  limits: TemporalLimits = DEFAULT_LIMITS,
) {
  const campaign = (id: string) => client.workflow.getHandle(campaignWorkflowId(id));
  const file = (id: string) => client.workflow.getHandle(fileWorkflowId(id));
  const complaint = (id: string) => client.workflow.getHandle(complaintWorkflowId(id));
  const orNull = async <T>(f: () => Promise<T>): Promise<T | null> => {
    try {
      return await withinBound(client, limits.requestMs, f);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  };
  const bounded = { timeoutMs: limits.requestMs };
  const start = (f: () => Promise<unknown>) => withinBound(client, limits.requestMs, f);
  return {
    client,
    limits,
    /** Idempotent: the workflow id is the campaign's business key. */
    async startCampaign(input: CampaignInput): Promise<void> {
      await start(() =>
        client.workflow.start(campaignWorkflowType, {
          taskQueue,
          workflowId: campaignWorkflowId(input.campaignId),
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    },
    campaignStatus: (id: string) => orNull(() => campaign(id).query(campaignStatusQuery)),
    updateCampaign<A>(
      id: string,
      def: UpdateDefinition<CampaignView, [A]>,
      args: A,
      updateId?: string,
    ) {
      return executeUpdate(campaign(id), def, args, { ...bounded, updateId });
    },
    /**
     * Starts the grade workflow that watches an organisation's grade (expiry, reminders,
     * downgrades) unless one runs: grades that did not come from a campaign (imports) need it.
     */
    async watchGrade(input: GradeInput): Promise<void> {
      await start(() =>
        client.workflow.start(gradeWorkflowType, {
          taskQueue,
          workflowId: gradeWorkflowId(input.organizationId),
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      );
    },
    /** The live view of a file, or null before its workflow starts or after its history is gone. */
    fileStatus: (id: string) => orNull(() => file(id).query(fileStatusQuery)),
    /** The decisions open to this person now on the campaign (names of its Updates). */
    campaignOffers: (id: string, actor: object) =>
      queryOffers(client, campaign(id), actor, limits.requestMs),
    /** The decisions open to this person now on the file (names of its Updates). */
    fileOffers: (id: string, actor: object) =>
      queryOffers(client, file(id), actor, limits.requestMs),
    updateFile<A>(id: string, def: UpdateDefinition<FileView, [A]>, args: A, updateId?: string) {
      return executeUpdate(file(id), def, args, { ...bounded, updateId });
    },
    /** Idempotent: the workflow id is the complaint's id. */
    async startComplaint(input: ComplaintInput): Promise<void> {
      await start(() =>
        client.workflow.start(complaintWorkflowType, {
          taskQueue,
          workflowId: complaintWorkflowId(input.complaintId),
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      );
    },
    complaintStatus: (id: string) => orNull(() => complaint(id).query(complaintStatusQuery)),
    /** The decisions open to this person now on the complaint (names of its Updates). */
    complaintOffers: (id: string, actor: object) =>
      queryOffers(client, complaint(id), actor, limits.requestMs),
    updateComplaint<A>(
      id: string,
      def: UpdateDefinition<ComplaintView, [A]>,
      args: A,
      updateId?: string,
    ) {
      return executeUpdate(complaint(id), def, args, { ...bounded, updateId });
    },
  };
}

export type EvaluationClient = ReturnType<typeof createEvaluationClient>;
