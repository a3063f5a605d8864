import { type HolidayCalendar, localDateOf, startOfLocalDay } from '../calendar';
import { addDuration, type Duration } from '../deadlines';

const TIME_UNITS = new Set(['hours', 'minutes', 'seconds']);

/**
 * Expiry of a grade awarded at `at` (§4.5 rule 2: award date + 5 years). Day units expire at
 * the start of the expiry day (valid while today < expiresOn); tests use seconds, exactly.
 */
export function gradeExpiry(
  at: number,
  validity: Duration,
  cal: HolidayCalendar = { years: {} },
): { expiresOn: string; expiresAt: number } {
  const end = addDuration(at, validity, cal).at;
  if (TIME_UNITS.has(validity.unit)) return { expiresOn: localDateOf(end), expiresAt: end };
  const expiresOn = localDateOf(end);
  return { expiresOn, expiresAt: startOfLocalDay(expiresOn) };
}

/** A time before a deadline (reminders), never before `from`. */
export function leadBefore(deadline: number, lead: Duration, from: number): number {
  const span = addDuration(0, lead, { years: {} }).at;
  return Math.max(from, deadline - span);
}
