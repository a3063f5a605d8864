import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  type ProposalInput,
  type ProposalView,
  proposalStatusQuery,
  proposalWorkflowId,
  type RoundInput,
  type RoundNews,
  type RoundView,
  roundNewsUpdate,
  roundStatusQuery,
  roundWorkflowId,
} from '../workflows/competition/messages';
import { DEFAULT_LIMITS, type TemporalLimits, withinBound } from './bounded';
import { executeUpdate } from './execute-update';
import { queryOffers } from './query-offers';

/** The API's handle on competition workflows: start a round, read and decide rounds and proposals. */
export function createCompetitionClient(
  client: Client,
  taskQueue: string,
  limits: TemporalLimits = DEFAULT_LIMITS,
) {
  const round = (id: string) => client.workflow.getHandle(roundWorkflowId(id));
  const proposal = (id: string) => client.workflow.getHandle(proposalWorkflowId(id));
  const quiet = async <T>(f: () => Promise<T>, waitMs: number): Promise<T | null> => {
    try {
      return await withinBound(client, waitMs, f);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  };
  return {
    /** Idempotent: the workflow id is the round's business key. */
    async startRound(input: RoundInput): Promise<void> {
      await withinBound(client, limits.requestMs, () =>
        client.workflow.start('competitionRoundWorkflow', {
          taskQueue,
          workflowId: roundWorkflowId(input.roundId),
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    },
    /** Idempotent: the workflow id is the proposal's business key. */
    async startProposal(input: ProposalInput): Promise<void> {
      await withinBound(client, limits.requestMs, () =>
        client.workflow.start('competitionProposalWorkflow', {
          taskQueue,
          workflowId: proposalWorkflowId(input.proposalId),
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    },
    /** Round news sent by the API itself (a proposal started after the round moved on). */
    async tellProposal(proposalId: string, news: RoundNews): Promise<void> {
      await executeUpdate(proposal(proposalId), roundNewsUpdate, news, {
        timeoutMs: limits.requestMs,
      });
    },
    /** The decisions open to this person now on the round (names of its Updates). */
    roundOffers: (id: string, actor: object, waitMs = limits.requestMs) =>
      queryOffers(client, round(id), actor, waitMs),
    /** The decisions open to this person now on a proposal (names of its Updates). */
    proposalOffers: (id: string, actor: object, waitMs = limits.requestMs) =>
      queryOffers(client, proposal(id), actor, waitMs),
    roundStatus: (id: string, waitMs = limits.requestMs) =>
      quiet(() => round(id).query(roundStatusQuery), waitMs),
    proposalStatus: (id: string, waitMs = limits.requestMs) =>
      quiet(() => proposal(id).query(proposalStatusQuery), waitMs),
    /** `updateId` makes a retried request the same update (Temporal deduplicates it). */
    updateRound<A, R>(
      id: string,
      def: UpdateDefinition<R, [A]>,
      args: A,
      updateId?: string,
    ): Promise<R> {
      return executeUpdate(round(id), def, args, { updateId, timeoutMs: limits.requestMs });
    },
    updateProposal<A>(
      id: string,
      def: UpdateDefinition<ProposalView, [A]>,
      args: A,
      updateId?: string,
    ): Promise<ProposalView> {
      return executeUpdate(proposal(id), def, args, { updateId, timeoutMs: limits.requestMs });
    },
  };
}

export type CompetitionClient = ReturnType<typeof createCompetitionClient>;
export type { RoundView };
