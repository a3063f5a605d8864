import { purchasePolicySchema } from '../../domain/purchase/policy';
import type { PurchaseRules } from '../../workflows/purchase/messages';
import type { Db } from '../db';
import { loadCalendar } from './load-registration-rules';
import { loadRuleLayers } from './load-rule-layers';

/** The purchase rules (RuleSet.process = 'purchase') in force on a date, with the calendar. */
export async function loadPurchaseRules(
  db: Db,
  districtCode: string,
  at: number,
): Promise<PurchaseRules> {
  const { ref, policy } = await loadRuleLayers(db, 'purchase', districtCode, at, (s) =>
    purchasePolicySchema.safeParse(s),
  );
  return { ref, policy, calendar: await loadCalendar(db) };
}
