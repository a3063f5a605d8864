import type { Offered } from './messages';
import type { Refusal } from './refusal';

/** One decision as far as offering goes: its Update's name and its validator's check. */
export interface Offer {
  name: string;
  check: (args: never) => Refusal | null;
  /** The objects the decision may be about (a tranche, a phase, a seat), as partial arguments. */
  probes?: (actor: object) => object[];
}

/**
 * Would the check accept this person now, with these arguments? Only the person and the state
 * are known, not what they will type, so a refusal of the arguments (InvalidInput) still offers
 * the action: the form asks for them. A check that cannot judge (it throws) does not offer it.
 */
function accepts(offer: Offer, probe: object, actor: object): boolean {
  try {
    const r = (offer.check as (a: object) => Refusal | null)({ ...probe, actor });
    return r === null || r.type === 'InvalidInput';
  } catch {
    return false;
  }
}

/**
 * The decisions open to this person now, in the table's order; for a decision about one of
 * several objects, the objects it is open for (`about`).
 */
export function offeredTo(offers: readonly Offer[], actor: object): Offered[] {
  const out: Offered[] = [];
  for (const o of offers) {
    if (!o.probes) {
      if (accepts(o, {}, actor)) out.push({ name: o.name, about: [] });
      continue;
    }
    const about = o.probes(actor).filter((p) => accepts(o, p, actor));
    if (about.length) out.push({ name: o.name, about: about as Offered['about'] });
  }
  return out;
}
