import type { HolidayCalendar } from '../../domain/calendar';
import type { EvaluationPolicy } from '../../domain/evaluation/policy';
import type { RuleSetRef } from '../../domain/registration/policy';
import type { Db } from '../../lib/db';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import { loadCalendar } from '../../lib/rules/load-registration-rules';
import { RuleSetError } from '../../lib/rules/load-rule-layers';
import { ACTIVITY_ERRORS, nonRetryable } from '../errors';

export interface EvaluationRules {
  ref: RuleSetRef;
  policy: EvaluationPolicy;
  calendar: HolidayCalendar;
}

/** The evaluation rules in force on a date (the committee date decides the grade, §8). */
export function makeLoadEvaluationRules(db: Db, districtCode: string) {
  return async function loadEvaluationRules({ at }: { at: number }): Promise<EvaluationRules> {
    try {
      const { ref, policy } = await loadEvaluationPolicy(db, districtCode, at);
      return { ref, policy, calendar: await loadCalendar(db) };
    } catch (err) {
      if (!(err instanceof RuleSetError)) throw err;
      throw nonRetryable(
        err.kind === 'missing' ? ACTIVITY_ERRORS.NO_RULE_SET : ACTIVITY_ERRORS.INVALID_RULE_SET,
        err.message,
      );
    }
  };
}
