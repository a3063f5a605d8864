import { Context } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { proposalWorkflowId, ROUND_NEWS_UPDATE } from '../../domain/competition/stages';
import type { RoundNews } from '../../workflows/competition/messages';

const BATCH = 100;

/**
 * Tells many proposal workflows about the round, through the worker's client rather than from
 * the round workflow: thousands of signals would otherwise fill the round's history. A proposal
 * whose workflow has ended is skipped; a retry re-sends, and the news is idempotent.
 */
export async function signalProposals(
  news: { proposalId: string; news: RoundNews }[],
): Promise<number> {
  const client = Context.current().client;
  let sent = 0;
  for (let i = 0; i < news.length; i += BATCH) {
    await Promise.all(
      news.slice(i, i + BATCH).map(async (n) => {
        try {
          // An Update, not a signal: it returns once the proposal has applied the news.
          await client.workflow
            .getHandle(proposalWorkflowId(n.proposalId))
            .executeUpdate(ROUND_NEWS_UPDATE, { args: [n.news] });
          sent++;
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError) && (await running(client, n.proposalId)))
            throw err;
        }
      }),
    );
    Context.current().heartbeat(i);
  }
  return sent;
}

/** False once the proposal's workflow has ended (an Update to it fails): nothing left to tell. */
async function running(client: Client, proposalId: string): Promise<boolean> {
  try {
    const d = await client.workflow.getHandle(proposalWorkflowId(proposalId)).describe();
    return d.status.name === 'RUNNING';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}
