import { Context } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { proposalWorkflowId, ROUND_NEWS_UPDATE } from '../../domain/competition/stages';
import type { RoundNews } from '../../workflows/competition/messages';

/**
 * Updates in flight at once. News is background work: with 100 in flight, a judge's Update queued
 * behind a hundred of them (a 5,000-proposal round's roadshow took 266 s for 300 scores while the
 * first phase's results went out); a few more than the worker's workflow slots keep it busy.
 */
const IN_FLIGHT = 16;

/**
 * Tells many proposal workflows about the round, through the worker's client rather than from
 * the round workflow: thousands of signals would otherwise fill the round's history. A proposal
 * whose workflow has ended is skipped; a retry re-sends, and the news is idempotent. A sliding
 * window, not batches, so one slow proposal does not hold up the rest; the activity stops when
 * cancelled (a worker shutting down no longer runs the proposals it waits for).
 */
export async function signalProposals(
  news: { proposalId: string; news: RoundNews }[],
): Promise<number> {
  const ctx = Context.current();
  const client = ctx.client;
  let sent = 0;
  let next = 0;
  const one = async (n: { proposalId: string; news: RoundNews }) => {
    try {
      // An Update, not a signal: it returns once the proposal has applied the news.
      // Raced with cancellation: the Update's own poll does not end when the worker stops.
      await Promise.race([
        client.workflow
          .getHandle(proposalWorkflowId(n.proposalId))
          .executeUpdate(ROUND_NEWS_UPDATE, { args: [n.news] }),
        ctx.cancelled,
      ]);
      sent++;
    } catch (err) {
      if (ctx.cancellationSignal.aborted) throw err;
      if (!(err instanceof WorkflowNotFoundError) && (await running(client, n.proposalId)))
        throw err;
    }
  };
  const lane = async () => {
    for (let i = next++; i < news.length; i = next++) {
      await one(news[i] as (typeof news)[number]);
      ctx.heartbeat(sent);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, news.length) }, lane));
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
