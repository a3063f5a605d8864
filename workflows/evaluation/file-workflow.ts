import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { Refusal } from '../shared/refusal';
import { UpdateServer } from '../shared/serve';

import * as c from './file-state';
import * as step from './file-steps';
import * as m from './messages';

/**
 * One organisation in one campaign (§4.3 ORG-IN-ROUND), a child of the campaign: eligibility,
 * expert group, score sheets, committee, publicity with objections, confirmation, or
 * disqualification at any time before it. It holds sheet totals only; sheets, votes and
 * declarations live in the database.
 */
export async function evaluationFileWorkflow(input: m.FileInput): Promise<m.FileView> {
  const s = c.initialFileState(input);
  const server = new UpdateServer();
  const { lock } = server;

  function on<A extends m.WithActor>(
    def: m.FileUpdate,
    check: (a: A) => Refusal | null,
    run: (a: A) => Promise<void>,
    probes?: () => object[],
  ) {
    server.on(
      def,
      check,
      async (a: A) => {
        await run(a);
        return c.fileView(s);
      },
      { probes },
    );
  }

  on<m.WithActor & { hasConflict: boolean; note?: string }>(
    m.declareConflictUpdate,
    (a) => c.checkDeclareConflict(s, a.actor),
    (a) => step.declareConflict(s, a.actor, a.hasConflict, a.note),
  );
  on<m.WithActor & { evaluatorId: string; reason: string }>(
    m.requestRecusalUpdate,
    (a) => c.checkRecusal(s, a.actor, a.evaluatorId),
    (a) => step.recuse(s, a.actor, a.evaluatorId, a.reason),
    () => c.activeSeats(s).map((e) => ({ evaluatorId: e.id })),
  );
  on<m.WithActor & { sheet: { scores: Record<string, number>; bonus: number } }>(
    m.submitSheetUpdate,
    (a) => c.checkSubmitSheet(s, a.actor, a.sheet),
    (a) => step.submitSheet(s, a.actor, a.sheet),
    () => [{ sheet: { scores: {}, bonus: 0 } }],
  );
  on<m.WithActor & { evaluatorIds: string[] }>(
    m.seatExpertsUpdate,
    (a) => c.checkSeatExperts(s, a.actor, a.evaluatorIds),
    (a) => step.seatChosen(s, a.actor, a.evaluatorIds),
    () => [{ evaluatorIds: [] }],
  );
  on<m.WithActor & { approve: boolean }>(
    m.voteUpdate,
    (a) => c.checkVote(s, a.actor),
    (a) => step.vote(s, a.actor, a.approve, 'committee'),
  );
  on(
    m.closeVoteUpdate,
    () => c.checkCloseVote(s),
    (a) => step.closeVote(s, a.actor),
  );
  on<m.WithActor & { level: number; awardingLevel: 'city' | 'province' }>(
    m.recordUpwardResultUpdate,
    () => c.checkUpwardResult(s),
    (a) => step.recordUpwardResult(s, a.actor, a.level, a.awardingLevel),
  );
  on<m.WithActor & { kind: 'objection' | 'review'; reason: string; requestedLevel: number }>(
    m.requestReviewUpdate,
    (a) => c.checkRequestReview(s, a.actor, Date.now()),
    (a) => step.requestReview(s, a.actor, a),
  );
  on<m.WithActor & { approve: boolean }>(
    m.reviewVoteUpdate,
    (a) => c.checkReviewVote(s, a.actor),
    (a) => step.vote(s, a.actor, a.approve, 'review'),
  );
  on(
    m.closeReviewUpdate,
    () => c.checkCloseReview(s),
    (a) => step.closeReview(s, a.actor),
  );
  on<m.DisqualifyArgs>(
    m.disqualifyUpdate,
    (a) => c.checkDisqualify(s, a),
    (a) => step.disqualify(s, a),
  );
  setHandler(m.fileStatusQuery, () => c.fileView(s));
  server.serveOffers();

  await lock.run(() => step.checkAndAssign(s));
  while (!m.FINAL_FILE_STATUSES.includes(s.status)) {
    const seen = s.status;
    if (seen === 'publicised' && s.publicityEndsAt !== null) {
      const wait = Math.max(1, s.publicityEndsAt - Date.now());
      const changed = await condition(() => s.status !== seen, wait);
      if (!changed)
        await lock.run(async () => {
          if (s.status === 'publicised') await step.confirm(s);
        });
    } else {
      await condition(() => s.status !== seen);
    }
  }
  await condition(allHandlersFinished);
  return c.fileView(s);
}
