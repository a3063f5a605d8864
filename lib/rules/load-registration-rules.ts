import { type HolidayCalendar, holidayCalendar } from '../../domain/calendar';
import {
  type RegistrationPolicy,
  type RuleSetRef,
  registrationPolicySchema,
} from '../../domain/registration/policy';
import type { Db } from '../db';
import { loadRuleLayers, RuleSetError } from './load-rule-layers';

export { RuleSetError };

export interface LoadedRules {
  ref: RuleSetRef;
  policy: RegistrationPolicy;
  calendar: HolidayCalendar;
}

/** Loads the holiday calendar as data: every year an administrator has loaded. */
export async function loadCalendar(db: Db): Promise<HolidayCalendar> {
  const years = await db.holidayCalendarYear.findMany({ orderBy: { year: 'asc' } });
  return holidayCalendar(
    years.map((y) => ({
      year: y.year,
      daysOff: y.daysOff,
      makeupWorkdays: y.makeupWorkdays,
      source: y.source,
    })),
  );
}

/** The registration rules in force on a date, with the holiday calendar. */
export async function loadRegistrationRules(
  db: Db,
  districtCode: string,
  at: number,
): Promise<LoadedRules> {
  const { ref, policy } = await loadRuleLayers(db, 'registration', districtCode, at, (s) =>
    registrationPolicySchema.safeParse(s),
  );
  return { ref, policy, calendar: await loadCalendar(db) };
}
