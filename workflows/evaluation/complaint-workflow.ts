import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { UpdateServer } from '../shared/serve';
import {
  applyComplaintMeasure,
  loadComplaintRules,
  runComplaintEffects,
} from './complaint-effects';
import * as m from './complaint-messages';
import * as c from './complaint-state';
import * as step from './complaint-steps';
import type { WithActor } from './messages';

/** Each Update of a complaint and the pure action behind it. */
const ACTIONS = [
  [m.verifyComplaintUpdate, step.verify],
  [m.dismissComplaintUpdate, step.dismiss],
  [m.complaintVoteUpdate, step.vote],
  [m.closeComplaintVoteUpdate, step.closeVote],
] as const;

/**
 * One complaint (举报, §4.3 COMPLAINT) about an evaluation file or an active grade: the office
 * verifies it within the limit (or dismisses it with a reason), the review committee rules by
 * named vote, an upheld complaint disqualifies the file or cancels the grade, both parties are
 * told. Its own small workflow, so the file's history stays as it was and a grade's complaint
 * needs no file at all.
 */
export async function evaluationComplaintWorkflow(
  input: m.ComplaintInput,
): Promise<m.ComplaintView> {
  const s = c.initialComplaintState(input);
  const server = new UpdateServer();
  const { lock } = server;
  const run = (effects: Parameters<typeof runComplaintEffects>[1]) =>
    runComplaintEffects(s, effects);

  for (const [update, def] of ACTIONS) {
    const act = def as step.ComplaintAction<WithActor>;
    server.on(
      update as m.ComplaintUpdate,
      (a: WithActor) => act.check(s, a, Date.now()),
      async (a) => {
        await run(act.apply(s, a, Date.now()));
        return c.complaintView(s);
      },
    );
  }
  setHandler(m.complaintStatusQuery, () => c.complaintView(s));
  server.serveOffers();

  await lock.run(async () => run(step.opened(s, await loadComplaintRules(s))));
  const due = s.verificationDueAt ?? Date.now();
  const handled = await condition(() => s.status !== 'filed', Math.max(1, due - Date.now()));
  if (!handled)
    await lock.run(async () => {
      if (s.status === 'filed') await run(step.remindOverdue(s, Date.now()));
    });
  await condition(() => m.FINAL_COMPLAINT_STATUSES.includes(s.status));
  if (s.status === 'upheld')
    await lock.run(async () => run(step.measureApplied(s, await applyComplaintMeasure(s))));
  await condition(allHandlersFinished);
  return c.complaintView(s);
}
