import { type HolidayCalendar, holidayCalendar, localDateOf } from '../../domain/calendar';
import {
  type RegistrationPolicy,
  type RuleSetRef,
  registrationPolicySchema,
} from '../../domain/registration/policy';
import type { Db } from '../db';
import { jurisdictionChain, mergeLayers } from './jurisdictions';

/** No rule set in force, or one that does not parse: an administrator must fix the data. */
export class RuleSetError extends Error {
  constructor(
    readonly kind: 'missing' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

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

/** The registration rules in force on a date: the latest layer of each jurisdiction, merged. */
export async function loadRegistrationRules(
  db: Db,
  districtCode: string,
  at: number,
): Promise<LoadedRules> {
  const day = localDateOf(at);
  const chain = jurisdictionChain(districtCode);
  const sets = await db.ruleSet.findMany({
    where: {
      process: 'registration',
      jurisdiction: { in: chain },
      effectiveFrom: { lte: new Date(`${day}T00:00:00Z`) },
    },
    orderBy: { effectiveFrom: 'desc' },
  });
  const layers = chain
    .map((j) => sets.find((s) => s.jurisdiction === j))
    .filter((s): s is (typeof sets)[number] => s !== undefined);
  const top = layers.at(-1);
  if (!top) throw new RuleSetError('missing', `${day} 没有生效的登记规则`);
  const parsed = registrationPolicySchema.safeParse(
    mergeLayers(layers.map((l) => l.settings as never)),
  );
  if (!parsed.success) {
    throw new RuleSetError('invalid', `规则 ${top.version} 无效：${parsed.error.message}`);
  }
  return {
    ref: {
      version: layers.map((l) => l.version).join(' + '),
      jurisdiction: top.jurisdiction,
      effectiveFrom: top.effectiveFrom.toISOString().slice(0, 10),
    },
    policy: parsed.data,
    calendar: await loadCalendar(db),
  };
}
