import type { Refusal } from './case-core';
import type { Effect } from './effects';
import type { WithActor } from './messages';
import type { CaseState } from './state';

/**
 * One human decision: `check` is the Update validator (synchronous, no side effects);
 * `apply` changes the state and returns what the outside world must do.
 */
export interface ActionDef<A extends WithActor> {
  check(s: CaseState, args: A, now: number): Refusal | null;
  apply(s: CaseState, args: A, now: number): Effect[];
}
