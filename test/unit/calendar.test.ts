import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  compareDates,
  dayOfWeek,
  endOfLocalDay,
  holidayCalendar,
  isLocalDate,
  isWorkingDay,
  localDateOf,
  startOfLocalDay,
  subtractWorkingDays,
  workingDaysBetween,
} from '../../domain/calendar';
import { holidayCalendarSchema, holidayYearSchema } from '../../domain/calendar-schema';
import { CN_2026 } from '../../domain/holidays/cn-2026';

const cal = holidayCalendar([CN_2026]);
const ms = (iso: string) => Date.parse(iso);

describe('local dates in China Standard Time', () => {
  it('given 16:00 UTC, when taking the local date, should already be the next day in Beijing', () => {
    expect(localDateOf(ms('2026-02-12T16:00:00Z'))).toBe('2026-02-13');
    expect(localDateOf(ms('2026-02-12T15:59:59.999Z'))).toBe('2026-02-12');
  });

  it('given a date, when asking for its start and end, should give 00:00 and 23:59:59.999 at +08:00', () => {
    expect(startOfLocalDay('2026-02-12')).toBe(ms('2026-02-12T00:00:00+08:00'));
    expect(endOfLocalDay('2026-02-12')).toBe(ms('2026-02-12T23:59:59.999+08:00'));
  });

  it('given month and year ends, when adding calendar days, should roll over correctly', () => {
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('given the 31st, when adding a month, should clamp to the last day of the shorter month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('given known weekdays, when asking the day of week, should count 0 as Sunday', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2026-01-04')).toBe(0); // Sunday, a make-up working day
    expect(dayOfWeek('2026-02-14')).toBe(6); // Saturday
  });

  it('given two dates, when comparing, should order them', () => {
    expect(compareDates('2026-09-30', '2026-10-01')).toBe(-1);
    expect(compareDates('2026-10-01', '2026-10-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
  });

  it('given impossible dates, when parsing, should refuse them', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-1')).toBe(false);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('isWorkingDay with the 2026 calendar', () => {
  it.each([
    ['2026-02-13', 'a Friday before the Spring Festival', true],
    ['2026-02-14', 'a Saturday make-up working day', true],
    ['2026-02-16', 'a Monday inside the Spring Festival', false],
    ['2026-02-28', 'the second Spring Festival make-up Saturday', true],
    ['2026-03-07', 'an ordinary Saturday', false],
    ['2026-09-20', 'the Sunday make-up day before National Day', true],
    ['2026-10-08', 'the Thursday after National Day', true],
  ])('given %s (%s), when checking, should say working is %s', (date, _, working) => {
    expect(isWorkingDay(date, cal)).toEqual({ working, provisional: false });
  });

  it('given a date in a year that is not loaded, when checking, should fall back to Mon–Fri and say provisional', () => {
    // 2027-01-01 is a Friday; the real 2027 notice will almost surely make it a day off.
    expect(isWorkingDay('2027-01-01', cal)).toEqual({ working: true, provisional: true });
  });
});

describe('addWorkingDays', () => {
  it('given Thursday 2026-02-12, when adding 5 working days, should skip the Spring Festival and land on 2026-02-26', () => {
    // Feb 13 Fri (1), Feb 14 Sat make-up (2), Feb 15–23 off, Feb 24 (3), 25 (4), 26 (5).
    expect(addWorkingDays('2026-02-12', 5, cal)).toEqual({
      date: '2026-02-26',
      provisional: false,
      missingYears: [],
    });
  });

  it('given Friday 2026-09-18, when adding 2 working days, should count the Sunday make-up day 2026-09-20', () => {
    // Sep 19 Sat no, Sep 20 Sun make-up (1), Sep 21 Mon (2).
    expect(addWorkingDays('2026-09-18', 2, cal).date).toBe('2026-09-21');
  });

  it('given Tuesday 2026-09-29, when adding 5 working days, should cross National Day and count Saturday 2026-10-10', () => {
    // Sep 30 (1), Oct 1–7 off, Oct 8 (2), Oct 9 (3), Oct 10 Sat make-up (4), Oct 11 Sun no, Oct 12 (5).
    expect(addWorkingDays('2026-09-29', 5, cal).date).toBe('2026-10-12');
  });

  it('given Thursday 2026-09-24, when adding 1 working day, should skip the Mid-Autumn weekend to Monday', () => {
    // Sep 25 Fri is a day off, Sep 26–27 weekend off.
    expect(addWorkingDays('2026-09-24', 1, cal).date).toBe('2026-09-28');
  });

  it('given a start on a holiday, when adding 1 working day, should never count the start day', () => {
    expect(addWorkingDays('2026-02-13', 1, cal).date).toBe('2026-02-14');
  });

  it('given 2026-12-30, when adding 3 working days, should cross into 2027 provisionally', () => {
    // Dec 31 Thu (1), Jan 1 2027 Fri (2, assumed working), Jan 4 Mon (3).
    expect(addWorkingDays('2026-12-30', 3, cal)).toEqual({
      date: '2027-01-04',
      provisional: true,
      missingYears: [2027],
    });
  });

  it('given zero or a fraction, when adding working days, should throw', () => {
    expect(() => addWorkingDays('2026-03-02', 0, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, cal)).toThrow(RangeError);
  });
});

describe('subtractWorkingDays', () => {
  it('given Monday 2026-10-12, when going back 5 working days, should land on 2026-09-29', () => {
    expect(subtractWorkingDays('2026-10-12', 5, cal).date).toBe('2026-09-29');
  });
});

describe('workingDaysBetween', () => {
  it('given 2026-09-30 to 2026-10-10, when counting, should count Oct 8, 9 and the make-up Saturday', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-10', cal)).toEqual({
      days: 3,
      provisional: false,
      missingYears: [],
    });
  });

  it('given the whole Spring Festival break, when counting from 2026-02-14 to 2026-02-23, should find none', () => {
    expect(workingDaysBetween('2026-02-14', '2026-02-23', cal).days).toBe(0);
  });

  it('given a range that ends before it starts, when counting, should give 0', () => {
    expect(workingDaysBetween('2026-03-10', '2026-03-02', cal).days).toBe(0);
  });

  it('given a range into 2027, when counting, should be provisional with 2027 missing', () => {
    // Dec 29 Tue … Dec 31 Thu (3), then Jan 1 Fri and Jan 4 Mon (2) by weekday fallback.
    expect(workingDaysBetween('2026-12-28', '2027-01-04', cal)).toEqual({
      days: 5,
      provisional: true,
      missingYears: [2027],
    });
  });
});

describe('holidayYearSchema', () => {
  it('given the 2026 data, when validating, should accept it', () => {
    expect(holidayYearSchema.safeParse(CN_2026).success).toBe(true);
  });

  it('given the 2026 data, when counting, should hold 33 days off and 6 make-up days', () => {
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off (DOMAIN.md §8.1).
    expect(CN_2026.daysOff).toHaveLength(33);
    expect(CN_2026.makeupWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  const messages = (input: unknown) =>
    holidayYearSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

  it('given a make-up day on a Wednesday, when validating, should reject it', () => {
    expect(messages({ ...CN_2026, makeupWorkdays: ['2026-01-07'] })).toEqual([
      '调休上班日2026-01-07应为周六或周日',
    ]);
  });

  it('given a date that is both off and worked, when validating, should reject it', () => {
    expect(messages({ ...CN_2026, makeupWorkdays: ['2026-01-03'] })).toEqual([
      '日期2026-01-03不能既放假又上班',
    ]);
  });

  it('given a day off outside the year or listed twice, when validating, should reject both', () => {
    const daysOff = [...CN_2026.daysOff, '2027-01-01', '2026-10-07'];
    expect(messages({ ...CN_2026, daysOff })).toEqual([
      '日期2027-01-01不在2026年内',
      '日期2026-10-07重复',
    ]);
  });

  it('given a malformed date, when validating, should reject it', () => {
    expect(messages({ ...CN_2026, daysOff: ['2026-02-30'] })).toEqual([
      '「2026-02-30」不是有效的日期',
    ]);
  });

  it('given a calendar whose key does not match the year, when validating, should reject it', () => {
    expect(holidayCalendarSchema.safeParse({ years: { '2027': CN_2026 } }).success).toBe(false);
    expect(holidayCalendarSchema.safeParse(cal).success).toBe(true);
  });
});
