/**
 * Local dates ('YYYY-MM-DD', China Standard Time, fixed UTC+08:00) and working-day arithmetic
 * on the official holiday calendar (DOMAIN.md §8.1). Pure: safe inside workflow code.
 */
/** One year of the State Council's holiday notice. */
export interface HolidayYear {
  year: number;
  /** Every day off (放假), ranges expanded, weekends inside a holiday included. */
  daysOff: string[];
  /** Weekend days that are worked (调休上班). */
  makeupWorkdays: string[];
  source: string;
}

/** Keyed by the year as a string so the calendar stays plain JSON. */
export interface HolidayCalendar {
  years: Record<string, HolidayYear>;
}

export const DAY_MS = 86_400_000;
/** China has used a fixed UTC+08:00 without DST since 1992. */
export const CST_OFFSET_MS = 8 * 3_600_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parts(date: string): [number, number, number] | null {
  const m = DATE_PATTERN.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? [y, mo, d] : null;
}

/** True for a real calendar date written as 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isLocalDate(date: string): boolean {
  return parts(date) !== null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil):
// integer arithmetic only, so the results cannot depend on the host's time zone.
function dayNumber(date: string): number {
  const p = parts(date);
  if (p === null) throw new RangeError(`日期格式应为YYYY-MM-DD，实际为“${date}”`);
  const [m, d] = [p[1], p[2]];
  const y = m <= 2 ? p[0] - 1 : p[0];
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dateOfDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`日期超出支持范围（0000–9999年）`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The local (UTC+8) date of an instant. */
export function localDateOf(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`时间戳无效：${epochMs}`);
  return dateOfDayNumber(Math.floor((epochMs + CST_OFFSET_MS) / DAY_MS));
}

/** 00:00:00.000 +08:00 of the date, as epoch ms. */
export function startOfLocalDay(date: string): number {
  return dayNumber(date) * DAY_MS - CST_OFFSET_MS;
}

/** 23:59:59.999 +08:00 of the date, as epoch ms: deadlines run to the end of their last day. */
export function endOfLocalDay(date: string): number {
  return startOfLocalDay(date) + DAY_MS - 1;
}

export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`天数应为整数，实际为${n}`);
  return dateOfDayNumber(dayNumber(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Same day of month n months later (or earlier), clamped to the month's last day. */
export function addCalendarMonths(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`月数应为整数，实际为${n}`);
  const p = parts(date);
  if (p === null) throw new RangeError(`日期格式应为YYYY-MM-DD，实际为“${date}”`);
  const index = p[0] * 12 + (p[1] - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 0 || y > 9999) throw new RangeError(`日期超出支持范围（0000–9999年）`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(p[2], daysInMonth(y, m)), 2)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const d = dayNumber(a) - dayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Convenience for callers that hold a list of loaded years. */
export function holidayCalendar(years: HolidayYear[]): HolidayCalendar {
  return { years: Object.fromEntries(years.map((y) => [String(y.year), y])) };
}

export interface WorkingDayStatus {
  working: boolean;
  /** The year is not loaded and plain Mon–Fri was assumed: show a warning, load the calendar. */
  provisional: boolean;
}

export function isWorkingDay(date: string, cal: HolidayCalendar): WorkingDayStatus {
  return workingStatusOfDay(dayNumber(date), cal);
}

/** The year of a day number (the civil algorithm of dateOfDayNumber, without the string). */
function yearOfDayNumber(n: number): number {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp < 10 ? 0 : 1);
}

/** A calendar's days off and make-up days by day number, built once per calendar object. */
interface DayIndex {
  /** What it was built from: a calendar given new years is indexed again. */
  years: HolidayCalendar['years'];
  size: number;
  /** Day number → working (make-up day) or not (day off). */
  overrides: Map<number, boolean>;
}
const indexes = new WeakMap<HolidayCalendar, DayIndex>();

function dayIndex(cal: HolidayCalendar): DayIndex {
  let index = indexes.get(cal);
  const keys = Object.keys(cal.years);
  if (!index || index.years !== cal.years || index.size !== keys.length) {
    const overrides = new Map<number, boolean>();
    // A day counts only in its own year's list; a make-up day wins over a day off.
    const own = (key: string, d: string) => isLocalDate(d) && String(yearOf(d)) === key;
    for (const key of keys) {
      const y = cal.years[key]!;
      for (const d of y.daysOff) if (own(key, d)) overrides.set(dayNumber(d), false);
      for (const d of y.makeupWorkdays) if (own(key, d)) overrides.set(dayNumber(d), true);
    }
    index = { years: cal.years, size: keys.length, overrides };
    indexes.set(cal, index);
  }
  return index;
}

/**
 * Working or not for a day number (days since 1970-01-01): deadlines count days as numbers,
 * without writing and parsing a date string per day.
 */
export function workingStatusOfDay(n: number, cal: HolidayCalendar): WorkingDayStatus {
  return workingDayTester(cal)(n);
}

const PROVISIONAL_WORKING: WorkingDayStatus = { working: true, provisional: true };
const PROVISIONAL_OFF: WorkingDayStatus = { working: false, provisional: true };
const WORKING: WorkingDayStatus = { working: true, provisional: false };
const OFF: WorkingDayStatus = { working: false, provisional: false };

/** `workingStatusOfDay` for one calendar, its index looked up once for a walk over many days. */
export function workingDayTester(cal: HolidayCalendar): (n: number) => WorkingDayStatus {
  const { overrides } = dayIndex(cal);
  let year = Number.NaN;
  let loaded = false;
  let yearStart = Number.POSITIVE_INFINITY;
  let yearEnd = Number.NEGATIVE_INFINITY;
  return (n) => {
    const dow = (((n + 4) % 7) + 7) % 7;
    const weekday = dow >= 1 && dow <= 5;
    if (n < yearStart || n > yearEnd) {
      year = yearOfDayNumber(n);
      loaded = cal.years[String(year)] !== undefined;
      yearStart = dayNumber(`${pad(year, 4)}-01-01`);
      yearEnd = dayNumber(`${pad(year, 4)}-12-31`);
    }
    if (!loaded) return weekday ? PROVISIONAL_WORKING : PROVISIONAL_OFF;
    const override = overrides.get(n);
    return (override ?? weekday) ? WORKING : OFF;
  };
}

/** The day number of a local date, and back (the arithmetic deadlines run on). */
export const dayNumberOf = dayNumber;
export const dateOfDay = dateOfDayNumber;
export { yearOfDayNumber };

export interface WorkingDayResult {
  date: string;
  provisional: boolean;
  missingYears: number[];
}

// Stops a corrupt calendar (e.g. a year of nothing but days off) from looping forever.
const MAX_SCAN_DAYS = 366 * 20;

function walkWorkingDays(date: string, n: number, step: 1 | -1, cal: HolidayCalendar) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`工作日数应为正整数，实际为${n}`);
  const missing = new Set<number>();
  let d = dayNumber(date);
  let counted = 0;
  const statusOf = workingDayTester(cal);
  for (let scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_SCAN_DAYS + 7 * n) throw new RangeError('节假日日历异常：长期没有工作日');
    d += step;
    const status = statusOf(d);
    if (status.provisional) missing.add(yearOfDayNumber(d));
    if (status.working) counted++;
  }
  const missingYears = [...missing].sort((a, b) => a - b);
  return { date: dateOfDayNumber(d), provisional: missingYears.length > 0, missingYears };
}

/** The n-th working day strictly after `date` (n ≥ 1): a period never counts its first day. */
export function addWorkingDays(date: string, n: number, cal: HolidayCalendar): WorkingDayResult {
  return walkWorkingDays(date, n, 1, cal);
}

/** The n-th working day strictly before `date` (n ≥ 1), e.g. for reminders. */
export function subtractWorkingDays(
  date: string,
  n: number,
  cal: HolidayCalendar,
): WorkingDayResult {
  return walkWorkingDays(date, n, -1, cal);
}

/** Working days d with from < d ≤ to (0 when to ≤ from). */
export function workingDaysBetween(
  from: string,
  to: string,
  cal: HolidayCalendar,
): { days: number; provisional: boolean; missingYears: number[] } {
  const missing = new Set<number>();
  let days = 0;
  const last = dayNumber(to);
  const statusOf = workingDayTester(cal);
  for (let d = dayNumber(from) + 1; d <= last; d++) {
    const status = statusOf(d);
    if (status.provisional) missing.add(yearOfDayNumber(d));
    if (status.working) days++;
  }
  const missingYears = [...missing].sort((a, b) => a - b);
  return { days, provisional: missingYears.length > 0, missingYears };
}
