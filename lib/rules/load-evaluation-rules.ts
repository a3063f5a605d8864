import { type EvaluationPolicy, evaluationPolicySchema } from '../../domain/evaluation/policy';
import type { RuleSetRef } from '../../domain/registration/policy';
import type { Db } from '../db';
import { loadRuleLayers } from './load-rule-layers';

/** The evaluation rules (`RuleSet.process = 'evaluation'`) in force on a date for a district. */
export function loadEvaluationPolicy(
  db: Db,
  districtCode: string,
  at: number,
): Promise<{ ref: RuleSetRef; policy: EvaluationPolicy }> {
  return loadRuleLayers(db, 'evaluation', districtCode, at, (s) =>
    evaluationPolicySchema.safeParse(s),
  );
}
