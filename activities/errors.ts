import { ApplicationFailure } from '@temporalio/activity';

/**
 * The closed vocabulary of activity failures. Types are strings from this map, never class
 * names (bundling renames classes); non-retryable ones are listed for the worker's retry policy.
 */
export const ACTIVITY_ERRORS = {
  /** A row the workflow relies on does not exist (deleted by hand, wrong database). */
  NOT_FOUND: 'NotFound',
  /** No rule set is in force on the requested date. */
  NO_RULE_SET: 'NoRuleSet',
  /** A stored rule set does not parse against the policy schema. */
  INVALID_RULE_SET: 'InvalidRuleSet',
} as const;

export function nonRetryable(
  type: (typeof ACTIVITY_ERRORS)[keyof typeof ACTIVITY_ERRORS],
  message: string,
) {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
