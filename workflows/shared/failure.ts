import { ApplicationFailure } from '@temporalio/workflow';
import type { Refusal } from './refusal';

/** A refusal as the failure an Update answers with (non-retryable: a business outcome). */
export const toFailure = (r: Refusal) =>
  ApplicationFailure.create({ type: r.type, message: r.message, nonRetryable: true });

/** Throws the refusal, if any: the validator's and the handler's one line. */
export function failIf(r: Refusal | null): void {
  if (r) throw toFailure(r);
}
