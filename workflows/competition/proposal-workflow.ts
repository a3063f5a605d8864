import type { UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { UpdateServer } from '../shared/serve';
import * as m from './messages';
import { announced, PROPOSAL_ACTIONS, type ProposalAction, received } from './proposal-actions';
import { runProposalEffects } from './proposal-effects';
import * as r from './proposal-rules';

/**
 * One proposal of a round (a child of the round workflow): qualification, conflict declarations
 * and scores of its panels, funding, agreement, tranches and evaluations. Its history stays small
 * however large the round is. The decisions are pure actions (proposal-actions.ts); their effects
 * run through one runner (proposal-effects.ts).
 */
export async function competitionProposalWorkflow(input: m.ProposalInput): Promise<m.ProposalView> {
  const s = r.initialProposal(input);
  const server = new UpdateServer();
  const { lock } = server;

  const outcomes: m.RoundNews[] = [];
  const hear = (n: m.RoundNews) => {
    const before = s.status;
    r.applyNews(s, n);
    if (s.status !== before) outcomes.push(n);
  };
  // A person's action carries the round news the API read from the projection: the round
  // delivers news in the background, and an action must not wait for it (nor fail without it).
  for (const [update, def] of PROPOSAL_ACTIONS) {
    const act = def as ProposalAction<m.WithActor & m.WithNews>;
    server.on(
      update as UpdateDefinition<m.ProposalView, [m.WithActor & m.WithNews]>,
      (a: m.WithActor & m.WithNews) => act.check(s, a, Date.now()),
      async (a) => {
        await runProposalEffects(s, act.apply(s, a, Date.now()));
        return r.viewOf(s);
      },
      {
        prepare: (a) => {
          for (const n of a.news ?? []) hear(n);
        },
        validate: (a) => act.check(r.withNews(s, a.news ?? []), a, Date.now()),
        probes: act.probes && ((actor) => act.probes?.(s, actor as m.Actor) ?? []),
      },
    );
  }
  setHandler(m.proposalStatusQuery, () => r.viewOf(s));
  server.serveOffers();
  // The round pushes news as an Update (recorded histories used a signal); actions may have
  // brought the same news earlier, and applyNews takes each only once and only forward.
  setHandler(m.roundNewsSignal, hear);
  setHandler(m.roundNewsUpdate, hear);

  await lock.run(() => runProposalEffects(s, received(s)));
  while (!r.isFinished(s)) {
    await condition(() => outcomes.length > 0 || r.isFinished(s));
    const n = outcomes.shift();
    if (n) await lock.run(() => runProposalEffects(s, announced(s, n)));
  }
  await condition(allHandlersFinished);
  return r.viewOf(s);
}
