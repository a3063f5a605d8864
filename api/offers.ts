import type { Offered } from '../workflows/shared/messages';

/** A decision's route as far as offering goes: the Update it sends and who may send it. */
export interface OfferRoute {
  update: { name: string };
  access: readonly string[];
}

export interface AllowedActions {
  /** The Updates (by name) this person may send now: the workflow accepts them, the route too. */
  allowedActions: string[];
  /** For a decision about one of several objects (a tranche, a phase), the ones it is open for. */
  actionTargets: Record<string, Offered['about']>;
}

/**
 * What to offer the requesting person: the decisions the workflow's own checks accept for them
 * (role, seat, four eyes, state), and of those the ones whose route their role may call.
 */
export function allowedFor(
  offered: readonly Offered[],
  routes: readonly OfferRoute[],
  role: string,
): AllowedActions {
  const open = offered.filter((o) =>
    routes.some((r) => r.update.name === o.name && r.access.includes(role)),
  );
  return {
    allowedActions: open.map((o) => o.name),
    actionTargets: Object.fromEntries(
      open.filter((o) => o.about.length > 0).map((o) => [o.name, o.about.map(identifying)]),
    ),
  };
}

/**
 * What a detail page offers: asks the workflow what it would accept now from this person
 * (`ask` is the process client's offers Query, bounded by its timeout) and keeps the decisions
 * whose route their role may call. The registration and purchase detail routes share it.
 */
export async function offeredTo(
  ask: () => Promise<readonly Offered[]>,
  routes: readonly OfferRoute[],
  role: string,
): Promise<AllowedActions> {
  return allowedFor(await ask(), routes, role);
}

/**
 * The parts of a probe that name its object (a tranche number, a phase); a probe's sample
 * arguments (an empty score sheet) are the workflow's business, not the answer's.
 */
function identifying(about: Offered['about'][number]): Offered['about'][number] {
  return Object.fromEntries(
    Object.entries(about).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)),
  );
}
