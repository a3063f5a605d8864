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
import { executeUpdate } from './execute-update';

/** The API's handle on competition workflows: start a round, read and decide rounds and proposals. */
export function createCompetitionClient(client: Client, taskQueue: string) {
  const round = (id: string) => client.workflow.getHandle(roundWorkflowId(id));
  const proposal = (id: string) => client.workflow.getHandle(proposalWorkflowId(id));
  const quiet = async <T>(f: () => Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  };
  return {
    /** Idempotent: the workflow id is the round's business key. */
    async startRound(input: RoundInput): Promise<void> {
      await client.workflow.start('competitionRoundWorkflow', {
        taskQueue,
        workflowId: roundWorkflowId(input.roundId),
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    },
    /** Idempotent: the workflow id is the proposal's business key. */
    async startProposal(input: ProposalInput): Promise<void> {
      await client.workflow.start('competitionProposalWorkflow', {
        taskQueue,
        workflowId: proposalWorkflowId(input.proposalId),
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    },
    /** Round news sent by the API itself (a proposal started after the round moved on). */
    async tellProposal(proposalId: string, news: RoundNews): Promise<void> {
      await executeUpdate(proposal(proposalId), roundNewsUpdate, news);
    },
    roundStatus: (id: string) => quiet(() => round(id).query(roundStatusQuery)),
    proposalStatus: (id: string) => quiet(() => proposal(id).query(proposalStatusQuery)),
    /** `updateId` makes a retried request the same update (Temporal deduplicates it). */
    updateRound<A, R>(
      id: string,
      def: UpdateDefinition<R, [A]>,
      args: A,
      updateId?: string,
    ): Promise<R> {
      return executeUpdate(round(id), def, args, updateId);
    },
    updateProposal<A>(
      id: string,
      def: UpdateDefinition<ProposalView, [A]>,
      args: A,
    ): Promise<ProposalView> {
      return executeUpdate(proposal(id), def, args);
    },
  };
}

export type CompetitionClient = ReturnType<typeof createCompetitionClient>;
export type { RoundView };
