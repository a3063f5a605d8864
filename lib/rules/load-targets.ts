import { type TargetsPolicy, targetsPolicySchema } from '../../domain/targets/policy';
import type { Db } from '../db';
import { loadRuleLayers, RuleSetError } from './load-rule-layers';

/** The district's targets in force on a date; without any rule version, DOMAIN §0.1's defaults. */
export async function loadTargets(
  db: Db,
  districtCode: string,
  at: number,
): Promise<TargetsPolicy> {
  try {
    const r = await loadRuleLayers(db, 'targets', districtCode, at, (s) =>
      targetsPolicySchema.safeParse(s),
    );
    return r.policy;
  } catch (e) {
    if (e instanceof RuleSetError && e.kind === 'missing') return targetsPolicySchema.parse({});
    throw e;
  }
}
