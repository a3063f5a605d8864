import type { UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { failIf as fail, toFailure } from '../shared/failure';
import { type Refusal, illegal as refusal } from '../shared/refusal';
import { UpdateServer } from '../shared/serve';
import * as m from './messages';
import { competitionProposalWorkflow } from './proposal-workflow';
import { RoundEffects } from './round-effects';
import * as rr from './round-rules';

// Phase activities signal thousands of proposals: give them room, and a heartbeat-free retry.
const act = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 10 },
});

const illegal = (message: string) => toFailure(refusal(message));

const PHASES: m.Phase[] = ['first', 'roadshow'];

/**
 * 公益创投大赛: one round from call to close. Each proposal is a child workflow; this workflow
 * holds stage and counters only, and gets small summaries from activities that read and write
 * the DB projection (it never holds the scores). Continues as new when its history grows.
 */
export async function competitionRoundWorkflow(
  input: m.RoundInput,
  resumed?: m.RoundState,
): Promise<m.RoundView> {
  const st = resumed ?? rr.initialRound();
  const server = new UpdateServer();
  const { lock } = server;
  const { roundId } = input;

  const update = <A extends m.WithActor, R>(
    def: UpdateDefinition<R, [A]>,
    check: (a: A) => Refusal | null,
    run: (a: A) => Promise<R>,
    probes?: () => object[],
  ) => server.on(def, check, run, { probes });
  // Since this patch a transition records its decision and returns; its news reaches the
  // proposals in the background, in order, while people act on them carrying the same news (see
  // lib/competition-round-news.ts). Before it, the person's request waited for every proposal.
  const inBackground = patched('round-news-in-background');
  // Since this patch the call closes by itself at its deadline (a timer), not only when the
  // administrator closes it; rounds recorded before it wait for the administrator.
  const callTimer = patched('call-closes-at-deadline');
  const effects = new RoundEffects(roundId);
  const run = (e: rr.RoundEffect[]) => effects.run(e);
  const view = (): m.RoundView => ({ ...rr.viewOf(input, st), newsPending: effects.delivering });

  // Rounds started since the API accepts proposals itself (a database rule, see
  // api/routes/competition-proposals.ts) never receive this Update; earlier rounds replay it.
  // Submissions skip the lock and do not wait for the child to start: the checks and counters are
  // synchronous, so the update completes in the task that issues the start, and thousands of
  // starts can be in flight together. Closing the call and continuing as new wait for them.
  let starting = 0;
  setHandler(
    m.submitProposalUpdate,
    async (a: m.SubmitArgs) => {
      fail(rr.checkSubmit(input, st, a, Date.now()));
      const seq = rr.proposalCounted(st, a.organizationId);
      starting++;
      startChild(competitionProposalWorkflow, {
        workflowId: m.proposalWorkflowId(a.proposalId),
        args: [rr.proposalInput(input, a, seq, Date.now())],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      })
        .catch((err) =>
          log.error('proposal workflow did not start', { proposalId: a.proposalId, err }),
        )
        .finally(() => {
          starting--;
        });
      server.changes++;
      return { proposalId: a.proposalId, seq };
    },
    { validator: (a: m.SubmitArgs) => fail(rr.checkSubmit(input, st, a, Date.now())) },
  );
  const closeCall = async () => {
    await run(rr.staged(st, 'eligibility_review'));
    // Every proposal whose child has started hears the news, even one the API has not yet marked.
    await condition(() => starting === 0);
    if (inBackground) {
      await run([{ kind: 'deliver', news: 'stage' }]);
      return view();
    }
    await act.broadcastStage({
      roundId,
      stage: 'eligibility_review',
      statuses: ['submitting', 'submitted'],
    });
    return view();
  };
  update(m.closeCallUpdate, () => rr.checkStage(st, 'call_open', '征集期已经结束'), closeCall);
  update(
    m.openScoringUpdate,
    (a: m.WithActor & { phase: m.Phase }) => rr.checkOpenScoring(st, a.phase),
    async (a) => {
      const r = await act.openScoringPhase({
        roundId,
        phase: a.phase,
        ...(inBackground ? { deliver: false } : {}),
      });
      if (!r.ok) throw illegal(r.reason);
      await run(rr.scoringOpened(st, a.phase, r.summary, inBackground));
      return view();
    },
    () => PHASES.map((phase) => ({ phase })),
  );
  update(
    m.closeScoringUpdate,
    (a: m.WithActor & { phase: m.Phase }) => rr.checkCloseScoring(st, a.phase),
    async (a) => {
      const r = await act.closeScoringPhase({
        roundId,
        phase: a.phase,
        ...(inBackground ? { deliver: false } : {}),
      });
      if (!r.ok) throw illegal(r.reason);
      await run(rr.scoringClosed(st, a.phase, r.summary, inBackground));
      return view();
    },
    () => PHASES.map((phase) => ({ phase })),
  );
  update(
    m.decideFundingUpdate,
    (_a: m.WithActor & { panelAmounts: Record<string, number> }) =>
      rr.checkStage(st, 'scored', '路演答辩评分结束后才能作出资助决定'),
    async (a) => {
      const r = await act.decideFunding({
        roundId,
        panelAmounts: a.panelAmounts,
        at: Date.now(),
        ...(inBackground ? { deliver: false } : {}),
      });
      await run(rr.fundingDecided(st, r, inBackground));
      return view();
    },
  );
  update(
    m.fileObjectionUpdate,
    (_a: m.WithActor & { objectionId: string; proposalId: string; text: string }) =>
      rr.checkObjection(st, Date.now()),
    async (a) => {
      await run(rr.objectionRecorded(a, Date.now()));
      rr.objectionFiled(st, a.objectionId);
      return { objectionId: a.objectionId };
    },
  );
  update(
    m.decideObjectionUpdate,
    (a: m.WithActor & { objectionId: string; uphold: boolean; decision: string }) =>
      rr.checkDecideObjection(st, a.objectionId),
    async (a) => {
      const r = await act.decideObjection({
        roundId,
        objectionId: a.objectionId,
        uphold: a.uphold,
        decision: a.decision,
        actorId: a.actor.id,
        at: Date.now(),
        ...(inBackground ? { deliver: false } : {}),
      });
      await run(rr.objectionDecided(st, a.objectionId, r.summary, inBackground));
      return view();
    },
    () => st.pendingObjections.map((objectionId) => ({ objectionId })),
  );
  update(
    m.closeRoundUpdate,
    () => rr.checkStage(st, 'implementing', '项目实施阶段才能结束本轮'),
    async () => {
      const r = await act.checkRoundClosable({ roundId });
      if (!r.ok) throw illegal(r.reason);
      await run(rr.staged(st, 'closed'));
      return view();
    },
  );
  setHandler(m.roundStatusQuery, view);
  server.serveOffers();

  if (!resumed) await lock.run(() => run(rr.staged(st, 'call_open')));
  while (st.stage !== 'closed') {
    const seen = server.changes;
    const wait =
      st.stage === 'publicity' && st.publicityEndsAt !== null
        ? Math.max(1, st.publicityEndsAt - Date.now())
        : callTimer && st.stage === 'call_open'
          ? Math.max(1, input.callClosesAt - Date.now())
          : undefined;
    await condition(() => server.changes !== seen, wait);
    if (callTimer && rr.callOver(st, input, Date.now())) {
      await lock.run(async () => {
        if (!rr.callOver(st, input, Date.now())) return;
        log.info('call closed at its deadline', { roundId });
        await closeCall();
      });
    }
    if (rr.publicityOver(st, Date.now())) {
      await lock.run(async () => {
        if (!rr.publicityOver(st, Date.now())) return;
        if (inBackground) {
          await run([
            ...rr.staged(st, 'implementing'),
            { kind: 'deliver', news: 'publicity_closed' },
          ]);
          return;
        }
        await act.closePublicity({ roundId });
        await run(rr.staged(st, 'implementing'));
      });
    }
    if (shouldContinueAsNew(input)) {
      await condition(() => allHandlersFinished() && starting === 0 && effects.delivering === 0);
      return continueAsNew<typeof competitionRoundWorkflow>(input, st);
    }
  }
  await condition(() => allHandlersFinished() && effects.delivering === 0);
  return view();
}

function shouldContinueAsNew(input: m.RoundInput): boolean {
  const info = workflowInfo();
  return info.historyLength > (input.maxHistoryEvents ?? 3000) || info.continueAsNewSuggested;
}
