import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  defineUpdate,
  setHandler,
} from '@temporalio/workflow';

/**
 * The bare-Temporal baseline: a registration's life reduced to its shape (start, accept,
 * first-level approve, second-level approve by someone else, complete) with no activities.
 * Bundled on its own, so the bench measures Temporal and not the product's code.
 */

export type BaselineStatus = 'submitted' | 'first_review' | 'second_review' | 'approved';

export interface BaselineState {
  status: BaselineStatus;
  decidedBy: string[];
}

export interface BaselineDecision {
  actorId: string;
}

export const baselineAcceptUpdate = defineUpdate<BaselineState, [BaselineDecision]>('accept');
export const baselineApproveUpdate = defineUpdate<BaselineState, [BaselineDecision]>('approve');

const refuse = (message: string) =>
  ApplicationFailure.create({ type: 'IllegalTransition', message, nonRetryable: true });

export async function baselineWorkflow(): Promise<BaselineState> {
  const s: BaselineState = { status: 'submitted', decidedBy: [] };
  const decide = (to: BaselineStatus, { actorId }: BaselineDecision) => {
    s.status = to;
    s.decidedBy.push(actorId);
    return { status: s.status, decidedBy: [...s.decidedBy] };
  };
  setHandler(baselineAcceptUpdate, (d) => decide('first_review', d), {
    validator: (_d: BaselineDecision) => {
      if (s.status !== 'submitted') throw refuse(`cannot accept in ${s.status}`);
    },
  });
  setHandler(
    baselineApproveUpdate,
    (d) => decide(s.status === 'first_review' ? 'second_review' : 'approved', d),
    {
      validator: ({ actorId }) => {
        if (s.status !== 'first_review' && s.status !== 'second_review')
          throw refuse(`cannot approve in ${s.status}`);
        if (s.status === 'second_review' && s.decidedBy.at(-1) === actorId)
          throw refuse('the second level needs a different reviewer');
      },
    },
  );
  await condition(() => s.status === 'approved');
  await condition(allHandlersFinished);
  return s;
}
