import type { Refusal } from './refusal';

/**
 * One human decision: `check` is the Update validator (synchronous, no side effects); `apply`
 * changes the state and returns what the outside world must do (effects, run by the process's
 * one effects runner). Both pure, so the rules are unit-tested without Temporal.
 */
export interface ActionDef<S, A, E> {
  check(s: S, args: A, now: number): Refusal | null;
  apply(s: S, args: A, now: number): E[];
  /**
   * Arguments to try when asking whether the action is open to a person now (see offer.ts):
   * one per object the decision may be about (a tranche, a seat, an objection). Without it the
   * action is tried once with the actor alone.
   */
  probes?(s: S): object[];
}
