import type { Db } from '../../lib/db';
import { loadPurchaseRules } from '../../lib/rules/load-purchase-rules';
import { RuleSetError } from '../../lib/rules/load-rule-layers';
import type { PurchaseRules } from '../../workflows/purchase/messages';
import { ACTIVITY_ERRORS, nonRetryable } from '../errors';

/** Rules are data an administrator maintains: a missing or broken rule set will not heal by retrying. */
export function makeLoadPurchaseRules(db: Db, districtCode: string) {
  return async function loadRules({ at }: { at: number }): Promise<PurchaseRules> {
    try {
      return await loadPurchaseRules(db, districtCode, at);
    } catch (err) {
      if (!(err instanceof RuleSetError)) throw err;
      throw nonRetryable(
        err.kind === 'missing' ? ACTIVITY_ERRORS.NO_RULE_SET : ACTIVITY_ERRORS.INVALID_RULE_SET,
        err.message,
      );
    }
  };
}
