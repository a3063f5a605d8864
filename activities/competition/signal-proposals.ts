import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { proposalWorkflowId, ROUND_NEWS_SIGNAL } from '../../domain/competition/stages';
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
          await client.workflow
            .getHandle(proposalWorkflowId(n.proposalId))
            .signal(ROUND_NEWS_SIGNAL, n.news);
          sent++;
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }),
    );
    Context.current().heartbeat(i);
  }
  return sent;
}
