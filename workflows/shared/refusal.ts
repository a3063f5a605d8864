/**
 * The refusal vocabulary every process speaks: why a decision is refused, as data. The Update
 * validators throw it as an ApplicationFailure (failure.ts); the API maps each type to a problem
 * (api/errors.ts). Pure: no Temporal, so the API and unit tests import it freely.
 */
export const REFUSAL_TYPES = [
  'IllegalTransition',
  'FourEyes',
  'Forbidden',
  'InvalidInput',
] as const;
export type RefusalType = (typeof REFUSAL_TYPES)[number];

export interface Refusal {
  type: RefusalType;
  message: string;
}

export const refuse = (type: RefusalType, message: string): Refusal => ({ type, message });
/** Not in this state: 409. */
export const illegal = (message: string): Refusal => refuse('IllegalTransition', message);
/** Not this person's decision: 403. */
export const forbidden = (message: string): Refusal => refuse('Forbidden', message);
/** Not these arguments: 422. */
export const invalid = (message: string): Refusal => refuse('InvalidInput', message);

/** First refusal of a list of checks (each may be null). */
export const firstOf = (...checks: (Refusal | null)[]) => checks.find((c) => c !== null) ?? null;

export const isRefusalType = (t: unknown): t is RefusalType =>
  typeof t === 'string' && (REFUSAL_TYPES as readonly string[]).includes(t);
