import { defineQuery } from '@temporalio/workflow';

/**
 * The kernel's contract, shared by every process workflow: which decisions the workflow would
 * accept now from this person (the names of its Updates). The API asks it with the requesting
 * person and shows only those; the Update validators run the very same checks.
 */
export interface OfferRequest {
  /** The process's own actor (id, name, role, and the organisation where the process has one). */
  actor: object;
}

/** A decision open to the person: its Update's name, and the objects it is open for, if any. */
export interface Offered {
  name: string;
  /** E.g. `[{ tranche: 2 }]`: the decision is open for the second tranche only. */
  about: Record<string, string | number | boolean>[];
}

export const allowedActionsQuery = defineQuery<Offered[], [OfferRequest]>('allowedActions');
