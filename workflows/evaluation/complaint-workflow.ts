import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { Refusal } from '../shared/refusal';
import { UpdateServer } from '../shared/serve';
import * as m from './complaint-messages';
import * as c from './complaint-state';
import * as step from './complaint-steps';
import type { WithActor } from './messages';

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

  function on<A extends WithActor>(
    def: m.ComplaintUpdate,
    check: (a: A) => Refusal | null,
    run: (a: A) => Promise<void>,
    probes?: () => object[],
  ) {
    server.on(
      def,
      check,
      async (a: A) => {
        await run(a);
        return c.complaintView(s);
      },
      { probes },
    );
  }

  on<WithActor & { note?: string }>(
    m.verifyComplaintUpdate,
    (a) => c.checkVerify(s, a.actor),
    (a) => step.verify(s, a.actor, a.note),
  );
  on<WithActor & { reason: string }>(
    m.dismissComplaintUpdate,
    (a) => c.checkVerify(s, a.actor),
    (a) => step.dismiss(s, a.actor, a.reason),
  );
  on<WithActor & { approve: boolean }>(
    m.complaintVoteUpdate,
    (a) => c.checkVote(s, a.actor),
    (a) => step.vote(s, a.actor, a.approve),
  );
  on<WithActor>(
    m.closeComplaintVoteUpdate,
    (a) => c.checkCloseVote(s, a.actor),
    (a) => step.closeVote(s, a.actor),
  );
  setHandler(m.complaintStatusQuery, () => c.complaintView(s));
  server.serveOffers();

  await lock.run(() => step.open(s));
  const due = s.verificationDueAt ?? Date.now();
  const handled = await condition(() => s.status !== 'filed', Math.max(1, due - Date.now()));
  if (!handled)
    await lock.run(async () => {
      if (s.status === 'filed') await step.remindOverdue(s);
    });
  await condition(() => m.FINAL_COMPLAINT_STATUSES.includes(s.status));
  if (s.status === 'upheld') await lock.run(() => step.applyMeasure(s));
  await condition(allHandlersFinished);
  return c.complaintView(s);
}
