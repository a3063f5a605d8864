import { purchasePolicySchema } from '../../domain/purchase/policy';
import { registrationPolicySchema } from '../../domain/registration/policy';
import type { PurchaseRules } from '../../workflows/purchase/messages';
import type { Db } from '../db';
import { loadCalendar } from './load-registration-rules';
import { loadRuleLayers, RuleSetError } from './load-rule-layers';

/**
 * The purchase rules (RuleSet.process = 'purchase') in force on a date, with the calendar and
 * the registration rules' credit-code switch, so an undertaker's code is checked as everywhere.
 */
export async function loadPurchaseRules(
  db: Db,
  districtCode: string,
  at: number,
): Promise<PurchaseRules> {
  const { ref, policy } = await loadRuleLayers(db, 'purchase', districtCode, at, (s) =>
    purchasePolicySchema.safeParse(s),
  );
  const registration = await loadRuleLayers(db, 'registration', districtCode, at, (s) =>
    registrationPolicySchema.safeParse(s),
  ).catch((e: unknown) => {
    if (e instanceof RuleSetError && e.kind === 'missing') return null;
    throw e;
  });
  const position17 = registration?.policy.creditCode.position17 ?? 'error';
  return { ref, policy, calendar: await loadCalendar(db), creditCode: { position17 } };
}
