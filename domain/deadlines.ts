/**
 * Statutory clocks that can pause (行政许可法 art. 45: expert review, hearings and corrections do not
 * count) and be extended (art. 42). Pure: workflows pass their own `now`.
 */
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  CST_OFFSET_MS,
  calendarDaysBetween,
  DAY_MS,
  endOfLocalDay,
  type HolidayCalendar,
  localDateOf,
  startOfLocalDay,
  subtractWorkingDays,
  type WorkingDayStatus,
  workingDaysBetween,
  workingDayTester,
  yearOfDayNumber,
} from './calendar';

export const TIME_UNITS = [
  'workingDays',
  'calendarDays',
  'months',
  'hours',
  'minutes',
  'seconds',
] as const;

/** Production rules use day units; workflow tests use seconds, hence a unit on every value. */
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface Duration {
  amount: number;
  unit: TimeUnit;
}

/** A suspension of the clock; `to` absent means it is still paused. */
export interface Pause {
  from: number;
  to?: number;
  reason: string;
}

export interface Clock {
  startedAt: number;
  limit: Duration;
  pauses: Pause[];
  extensions: Duration[];
}

export interface DeadlineResult {
  /** null while a pause is open: nobody can know the due time yet. */
  dueAt: number | null;
  /** Some day counted lies in a year whose holiday calendar is not loaded. */
  provisional: boolean;
  missingYears: number[];
}

const UNIT_MS: Partial<Record<TimeUnit, number>> = {
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
};

function isTimeUnit(unit: TimeUnit): boolean {
  return UNIT_MS[unit] !== undefined;
}

function toMs(d: Duration): number {
  return d.amount * UNIT_MS[d.unit]!;
}

// Hours, minutes and seconds add up with each other; a day unit only with itself.
function sameFamily(a: TimeUnit, b: TimeUnit): boolean {
  return isTimeUnit(a) ? isTimeUnit(b) : a === b;
}

// Any closed pause covering the instant [from, to).
function pausedAt(t: number, pauses: Pause[]): boolean {
  return pauses.some((p) => p.from <= t && p.to !== undefined && t < p.to);
}

function assertClock(clock: Clock): void {
  if (!Number.isFinite(clock.startedAt)) throw new RangeError('计时起点无效');
  for (const d of [clock.limit, ...clock.extensions]) {
    if (!Number.isInteger(d.amount) || d.amount < 0 || !TIME_UNITS.includes(d.unit)) {
      throw new RangeError(`期限无效：${d.amount} ${d.unit}`);
    }
  }
  for (const p of clock.pauses) {
    if (p.to !== undefined && p.to < p.from) throw new RangeError('暂停的结束时间早于开始时间');
  }
}

function result(dueAt: number, missing: Set<number>): DeadlineResult {
  const missingYears = [...missing].sort((a, b) => a - b);
  return { dueAt, provisional: missingYears.length > 0, missingYears };
}

/**
 * Time units: the clock runs outside pauses. A pause that opens after the deadline has
 * already passed does not revive it, and overlapping pauses count once.
 */
function runTime(startedAt: number, totalMs: number, pauses: Pause[]): number {
  const closed = pauses
    .map((p) => [p.from, p.to!] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let t = startedAt;
  let left = totalMs;
  for (const [from, to] of closed) {
    if (to <= t) continue;
    if (from >= t + left) break;
    left -= Math.max(0, from - t);
    t = to;
  }
  return t + left;
}

const MAX_UNPAUSED_SCAN = 366 * 20;

/**
 * Day units: the n-th counted day strictly after the start date, where a day does not count
 * when the clock was paused at its end; due at the end of that day.
 */
function countDays(
  clock: Clock,
  n: number,
  status: (day: number) => WorkingDayStatus,
  missing: Set<number>,
): number {
  // Day numbers (days since 1970-01-01, local): no date string per day scanned.
  let d = Math.floor((clock.startedAt + CST_OFFSET_MS) / DAY_MS);
  const endOf = (day: number) => (day + 1) * DAY_MS - CST_OFFSET_MS - 1;
  for (let counted = 0, scanned = 0; counted < n; ) {
    d += 1;
    if (clock.pauses.length > 0 && pausedAt(endOf(d), clock.pauses)) continue;
    if (++scanned > MAX_UNPAUSED_SCAN + 7 * n) {
      throw new RangeError('节假日日历异常：长期没有工作日');
    }
    const day = status(d);
    if (day.provisional) missing.add(yearOfDayNumber(d));
    if (day.working) counted++;
  }
  return endOf(d);
}

const everyDay = (): WorkingDayStatus => ({ working: true, provisional: false });

export function computeDeadline(clock: Clock, cal: HolidayCalendar): DeadlineResult {
  assertClock(clock);
  if (clock.pauses.some((p) => p.to === undefined)) {
    return { dueAt: null, provisional: false, missingYears: [] };
  }
  const { limit } = clock;
  const own = clock.extensions.filter((e) => sameFamily(e.unit, limit.unit));
  const other = clock.extensions.filter((e) => !sameFamily(e.unit, limit.unit));
  const missing = new Set<number>();
  const total = own.reduce((sum, e) => sum + e.amount, limit.amount);

  let at: number;
  if (isTimeUnit(limit.unit)) {
    at = runTime(
      clock.startedAt,
      own.reduce((ms, e) => ms + toMs(e), toMs(limit)),
      clock.pauses,
    );
  } else if (limit.unit === 'workingDays') {
    at = countDays(clock, total, workingDayTester(cal), missing);
  } else if (limit.unit === 'calendarDays') {
    at = countDays(clock, total, everyDay, missing);
  } else {
    // months: the calendar span, then pushed out past the days that ended inside a pause.
    const start = localDateOf(clock.startedAt);
    const span = calendarDaysBetween(start, addCalendarMonths(start, total));
    at = countDays(clock, span, everyDay, missing);
  }

  for (const e of other) {
    const r = addDuration(at, e, cal);
    for (const y of r.missingYears) missing.add(y);
    at = r.at;
  }
  return result(at, missing);
}

/** `at` plus a duration; day units land on the end of the resulting local day. */
export function addDuration(
  at: number,
  d: Duration,
  cal: HolidayCalendar,
): { at: number; provisional: boolean; missingYears: number[] } {
  const plain = (t: number) => ({ at: t, provisional: false, missingYears: [] });
  if (isTimeUnit(d.unit)) return plain(at + toMs(d));
  const date = localDateOf(at);
  if (d.unit === 'calendarDays') return plain(endOfLocalDay(addCalendarDays(date, d.amount)));
  if (d.unit === 'months') return plain(endOfLocalDay(addCalendarMonths(date, d.amount)));
  if (d.amount === 0) return plain(endOfLocalDay(date));
  const r = addWorkingDays(date, d.amount, cal);
  return { at: endOfLocalDay(r.date), provisional: r.provisional, missingYears: r.missingYears };
}

// Same time of day on another local date.
function shiftToDate(at: number, date: string): number {
  return startOfLocalDay(date) + (at - startOfLocalDay(localDateOf(at)));
}

/**
 * When to remind before the deadline; null while paused, or when the lead is not smaller
 * than the limit (compared only when the units are comparable). Never before startedAt.
 */
export function reminderAt(clock: Clock, lead: Duration, cal: HolidayCalendar): number | null {
  const dueAt = computeDeadline(clock, cal).dueAt;
  if (dueAt === null) return null;
  const { limit } = clock;
  const own = clock.extensions.filter((e) => sameFamily(e.unit, limit.unit));
  if (sameFamily(lead.unit, limit.unit)) {
    const size = (d: Duration) => (isTimeUnit(d.unit) ? toMs(d) : d.amount);
    if (size(lead) >= own.reduce((s, e) => s + size(e), size(limit))) return null;
  }

  let at: number;
  if (isTimeUnit(lead.unit)) {
    at = dueAt - toMs(lead);
  } else if (lead.unit === 'workingDays' && limit.unit === 'workingDays') {
    // The same clock with a shorter limit, so pauses and holidays are honoured the same way.
    const total = own.reduce((s, e) => s + e.amount, limit.amount);
    const other = clock.extensions.filter((e) => !sameFamily(e.unit, limit.unit));
    const shorter = {
      ...clock,
      limit: { ...limit, amount: total - lead.amount },
      extensions: other,
    };
    at = computeDeadline(shorter, cal).dueAt!;
  } else if (lead.unit === 'calendarDays') {
    at = dueAt - lead.amount * DAY_MS;
  } else if (lead.unit === 'months') {
    at = shiftToDate(dueAt, addCalendarMonths(localDateOf(dueAt), -lead.amount));
  } else {
    at =
      lead.amount === 0
        ? dueAt
        : shiftToDate(dueAt, subtractWorkingDays(localDateOf(dueAt), lead.amount, cal).date);
  }
  return Math.max(at, clock.startedAt);
}

export interface RemainingTime {
  state: 'running' | 'paused' | 'overdue';
  dueAt: number | null;
  /** Day-based clocks only: working days after today up to the due day; negative when overdue. */
  workingDaysLeft?: number;
  provisional: boolean;
}

/** Where a clock stands at `now`, for work lists. */
export function remaining(clock: Clock, now: number, cal: HolidayCalendar): RemainingTime {
  const r = computeDeadline(clock, cal);
  if (r.dueAt === null) return { state: 'paused', dueAt: null, provisional: false };
  const state = now > r.dueAt ? 'overdue' : 'running';
  if (isTimeUnit(clock.limit.unit)) return { state, dueAt: r.dueAt, provisional: r.provisional };
  const today = localDateOf(now);
  const dueDate = localDateOf(r.dueAt);
  const between =
    state === 'running'
      ? workingDaysBetween(today, dueDate, cal)
      : workingDaysBetween(dueDate, today, cal);
  return {
    state,
    dueAt: r.dueAt,
    workingDaysLeft: state === 'running' || between.days === 0 ? between.days : -between.days,
    provisional: r.provisional || between.provisional,
  };
}
