/** What the API offers a person on a process (api/offers.ts): Update names and their objects. */
export interface Offers {
  /** The decisions the workflow would accept now from this person (its Update names). */
  allowedActions?: string[];
  /** For a decision about one of several objects, the ones it is open for (e.g. a tranche). */
  actionTargets?: Record<string, Record<string, string | number | boolean>[]>;
}

/** Offered now, and for this object if the decision is about one. */
export function isOffered(v: Offers, name: string, about?: Record<string, unknown>): boolean {
  if (!v.allowedActions?.includes(name)) return false;
  const targets = v.actionTargets?.[name];
  if (!about || !targets) return true;
  return targets.some((x) => Object.entries(about).every(([k, val]) => x[k] === val));
}
