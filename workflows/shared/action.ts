import type { Offer } from './offer';
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
  probes?(s: S, actor: A extends { actor: infer P } ? P : never): object[];
}

/**
 * A table of actions as offers over one state (the same checks the Update validators run): what
 * `UpdateServer.on` registers for each action, and what unit tests ask without Temporal.
 */
export function actionOffers<S>(
  // biome-ignore lint/suspicious/noExplicitAny: a table of actions with different argument types.
  table: readonly (readonly [{ name: string }, ActionDef<S, any, unknown>])[],
  s: S,
  now: () => number,
): Offer[] {
  return table.map(([update, def]) => actionOffer(update.name, def, s, now));
}

export function actionOffer<S>(
  name: string,
  // biome-ignore lint/suspicious/noExplicitAny: any action's arguments.
  def: ActionDef<S, any, unknown>,
  s: S,
  now: () => number,
): Offer {
  return {
    name,
    check: (a: never) => def.check(s, a, now()),
    probes: def.probes && ((actor: object) => def.probes?.(s, actor as never) ?? []),
  };
}
