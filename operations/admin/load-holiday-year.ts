import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

/** The audit log names subjects by UUID: a year's calendar is 00000000-0000-0000-0000-00000000yyyy. */
export const calendarSubject = (year: number) =>
  `00000000-0000-0000-0000-${String(year).padStart(12, '0')}`;

/**
 * Loads or corrects one year of the working-day calendar (days off, make-up workdays). The caller
 * then has open registrations recompute their deadlines.
 */
export async function loadHolidayYear(
  db: Db,
  input: {
    pathYear: number;
    year: { year: number; daysOff: string[]; makeupWorkdays: string[]; source: string };
    actor: Actor;
  },
): Promise<void> {
  const { year, actor } = input;
  if (year.year !== input.pathYear) throw new Refused('unprocessable', '路径中的年份与内容不一致');
  await audited(db, {
    subjectType: 'holiday_calendar',
    subjectId: calendarSubject(year.year),
    actor,
    action: 'holiday_year_loaded',
    write: async (tx) => {
      await tx.holidayCalendarYear.upsert({
        where: { year: year.year },
        create: { ...year, loadedById: actor.id },
        update: { ...year, loadedById: actor.id, loadedAt: new Date() },
      });
      return {
        value: undefined,
        details: {
          daysOff: year.daysOff.length,
          makeupWorkdays: year.makeupWorkdays.length,
          source: year.source,
        },
      };
    },
  });
}
