import type { Db } from '../../lib/db';
import {
  type LoadedRules,
  loadRegistrationRules,
  RuleSetError,
} from '../../lib/rules/load-registration-rules';
import { ACTIVITY_ERRORS, nonRetryable } from '../errors';

/** Rules are data an administrator maintains: a missing or broken rule set will not heal by retrying. */
export function makeLoadRegistrationRules(db: Db, districtCode: string) {
  return async function loadRules({ at }: { at: number }): Promise<LoadedRules> {
    try {
      return await loadRegistrationRules(db, districtCode, at);
    } catch (err) {
      if (!(err instanceof RuleSetError)) throw err;
      throw nonRetryable(
        err.kind === 'missing' ? ACTIVITY_ERRORS.NO_RULE_SET : ACTIVITY_ERRORS.INVALID_RULE_SET,
        err.message,
      );
    }
  };
}
