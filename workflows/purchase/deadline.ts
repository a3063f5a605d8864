import type { HolidayCalendar } from '../../domain/calendar';
import { computeDeadline, type Duration } from '../../domain/deadlines';

/** When a limit that starts now ends (working days with the holiday calendar). */
export function dueAfter(startedAt: number, limit: Duration, calendar: HolidayCalendar): number {
  const r = computeDeadline({ startedAt, limit, pauses: [], extensions: [] }, calendar);
  return r.dueAt ?? startedAt;
}
