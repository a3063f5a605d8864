import { holidayCalendar } from '../../domain/calendar';
import {
  addDuration,
  type Clock,
  computeDeadline,
  remaining,
  reminderAt,
} from '../../domain/deadlines';
import { durationSchema } from '../../domain/duration-schema';
import { CN_2026 } from '../../domain/holidays/cn-2026';

const cal = holidayCalendar([CN_2026]);
const ms = (iso: string) => Date.parse(iso);
const endOf = (date: string) => ms(`${date}T23:59:59.999+08:00`);

// Received Thursday 2026-03-05 at 10:00 Beijing time.
const THURSDAY = ms('2026-03-05T10:00:00+08:00');

function clock(partial: Partial<Clock> & Pick<Clock, 'limit'>): Clock {
  return { startedAt: THURSDAY, pauses: [], extensions: [], ...partial };
}

describe('computeDeadline in working days', () => {
  it('given a Thursday receipt, when the limit is 5 working days, should fall due at the end of the next Thursday', () => {
    // Mar 6 Fri (1), Mar 9–12 Mon–Thu (2–5); the receipt day itself never counts.
    expect(computeDeadline(clock({ limit: { amount: 5, unit: 'workingDays' } }), cal)).toEqual({
      dueAt: endOf('2026-03-12'),
      provisional: false,
      missingYears: [],
    });
  });

  it('given a receipt on 2026-09-01, when the limit is 60 working days, should count the make-up days and skip National Day', () => {
    // Sep 2–4 (3), 7–11 (8), 14–18 (13), Sun 20 make-up (14), 21–24 (18), Sep 25 off, 28–30 (21),
    // Oct 1–7 off, Oct 8–9 (23), Sat 10 make-up (24), 12–16 (29), 19–23 (34), 26–30 (39),
    // Nov 2–6 (44), 9–13 (49), 16–20 (54), 23–27 (59), Mon Nov 30 (60).
    const c = clock({
      startedAt: ms('2026-09-01T10:00:00+08:00'),
      limit: { amount: 60, unit: 'workingDays' },
    });
    expect(computeDeadline(c, cal).dueAt).toBe(endOf('2026-11-30'));
  });

  it('given a pause from Monday 10:00 to Wednesday 15:00, when computing, should drop exactly the two days whose end fell inside it', () => {
    // Without the pause, 10 working days after Thu Mar 5 end on Thu Mar 19.
    // Paused at the end of Mon Mar 9 and Tue Mar 10, running again at the end of Wed Mar 11:
    // Mar 6 (1), 11 (2), 12 (3), 13 (4), 16 (5), 17 (6), 18 (7), 19 (8), 20 (9), Mon Mar 23 (10).
    const limit = { amount: 10, unit: 'workingDays' } as const;
    expect(computeDeadline(clock({ limit }), cal).dueAt).toBe(endOf('2026-03-19'));
    const paused = clock({
      limit,
      pauses: [
        {
          from: ms('2026-03-09T10:00:00+08:00'),
          to: ms('2026-03-11T15:00:00+08:00'),
          reason: '专家评审',
        },
      ],
    });
    expect(computeDeadline(paused, cal).dueAt).toBe(endOf('2026-03-23'));
  });

  it('given a pause over a weekend from Friday evening to Monday morning, when computing, should lose only the Friday', () => {
    // Ends of Fri Mar 6, Sat 7 and Sun 8 fall inside; only Friday was a working day.
    // Mar 9 (1), 10 (2), 11 (3), 12 (4), Fri 13 (5).
    const c = clock({
      limit: { amount: 5, unit: 'workingDays' },
      pauses: [
        {
          from: ms('2026-03-06T18:00:00+08:00'),
          to: ms('2026-03-09T08:00:00+08:00'),
          reason: '补正材料',
        },
      ],
    });
    expect(computeDeadline(c, cal).dueAt).toBe(endOf('2026-03-13'));
  });

  it('given an extension of 10 working days on a 20-working-day limit, when computing, should count 30 working days past Qingming', () => {
    // 20: Mar 6, 9–13, 16–20, 23–27, Mar 30, 31, Apr 1, Apr 2.
    // 30: Apr 3 (21), Apr 4–6 off, Apr 7–10 (22–25), Apr 13–17 (26–30).
    const limit = { amount: 20, unit: 'workingDays' } as const;
    expect(computeDeadline(clock({ limit }), cal).dueAt).toBe(endOf('2026-04-02'));
    const extended = clock({ limit, extensions: [{ amount: 10, unit: 'workingDays' }] });
    expect(computeDeadline(extended, cal).dueAt).toBe(endOf('2026-04-17'));
  });

  it('given an extension in calendar days on a working-day limit, when computing, should add it after the base due date', () => {
    // 5 working days → end of Thu Mar 12; plus 2 calendar days → end of Sat Mar 14.
    const c = clock({
      limit: { amount: 5, unit: 'workingDays' },
      extensions: [{ amount: 2, unit: 'calendarDays' }],
    });
    expect(computeDeadline(c, cal).dueAt).toBe(endOf('2026-03-14'));
  });

  it('given a clock that crosses into 2027, when computing, should be provisional with 2027 missing', () => {
    // From Mon 2026-12-28: Dec 29 (1), 30 (2), 31 (3), Fri 2027-01-01 (4, assumed), Mon Jan 4 (5).
    const c = clock({
      startedAt: ms('2026-12-28T09:00:00+08:00'),
      limit: { amount: 5, unit: 'workingDays' },
    });
    expect(computeDeadline(c, cal)).toEqual({
      dueAt: endOf('2027-01-04'),
      provisional: true,
      missingYears: [2027],
    });
  });

  it('given a limit of zero working days, when computing, should fall due at the end of the start day', () => {
    expect(computeDeadline(clock({ limit: { amount: 0, unit: 'workingDays' } }), cal).dueAt).toBe(
      endOf('2026-03-05'),
    );
  });

  it('given an open pause, when computing, should have no due time', () => {
    const c = clock({
      limit: { amount: 5, unit: 'workingDays' },
      pauses: [{ from: ms('2026-03-09T10:00:00+08:00'), reason: '听证' }],
    });
    expect(computeDeadline(c, cal)).toEqual({ dueAt: null, provisional: false, missingYears: [] });
  });
});

describe('computeDeadline in calendar days and months', () => {
  it('given 7 calendar days from Thursday 2026-09-24, when computing, should count holidays too', () => {
    const c = clock({
      startedAt: ms('2026-09-24T16:00:00+08:00'),
      limit: { amount: 7, unit: 'calendarDays' },
    });
    expect(computeDeadline(c, cal).dueAt).toBe(endOf('2026-10-01'));
  });

  it('given one month from 31 January, when computing, should clamp to 28 February', () => {
    const c = clock({
      startedAt: ms('2026-01-31T10:00:00+08:00'),
      limit: { amount: 1, unit: 'months' },
    });
    expect(computeDeadline(c, cal).dueAt).toBe(endOf('2026-02-28'));
  });

  it('given a month with a pause over the ends of two days, when computing, should push the due date out by two days', () => {
    // Ends of Feb 2 and Feb 3 fall inside the pause: Feb 28 + 2 days = Mar 2.
    const c = clock({
      startedAt: ms('2026-01-31T10:00:00+08:00'),
      limit: { amount: 1, unit: 'months' },
      pauses: [
        {
          from: ms('2026-02-02T12:00:00+08:00'),
          to: ms('2026-02-04T08:00:00+08:00'),
          reason: '鉴定',
        },
      ],
    });
    expect(computeDeadline(c, cal).dueAt).toBe(endOf('2026-03-02'));
  });
});

describe('computeDeadline in seconds', () => {
  const T = ms('2026-03-05T10:00:00+08:00');

  it('given a 30-second limit, a 1-minute extension and a 15-second closed pause, when computing, should be due 105 s after the start', () => {
    const c = clock({
      startedAt: T,
      limit: { amount: 30, unit: 'seconds' },
      extensions: [{ amount: 1, unit: 'minutes' }],
      pauses: [{ from: T + 10_000, to: T + 25_000, reason: 'test' }],
    });
    expect(computeDeadline(c, cal)).toEqual({
      dueAt: T + 105_000,
      provisional: false,
      missingYears: [],
    });
  });

  it('given overlapping pauses, when computing, should count the overlap once', () => {
    // Paused from +10 s to +25 s in total: 15 s.
    const c = clock({
      startedAt: T,
      limit: { amount: 30, unit: 'seconds' },
      pauses: [
        { from: T + 10_000, to: T + 20_000, reason: 'a' },
        { from: T + 15_000, to: T + 25_000, reason: 'b' },
      ],
    });
    expect(computeDeadline(c, cal).dueAt).toBe(T + 45_000);
  });

  it('given a pause that starts after the deadline, when computing, should not revive the clock', () => {
    const c = clock({
      startedAt: T,
      limit: { amount: 30, unit: 'seconds' },
      pauses: [{ from: T + 40_000, to: T + 60_000, reason: 'late' }],
    });
    expect(computeDeadline(c, cal).dueAt).toBe(T + 30_000);
  });

  it('given a pause that ends before it starts, when computing, should throw', () => {
    const c = clock({
      startedAt: T,
      limit: { amount: 30, unit: 'seconds' },
      pauses: [{ from: T + 20_000, to: T + 10_000, reason: 'bad' }],
    });
    expect(() => computeDeadline(c, cal)).toThrow(RangeError);
  });
});

describe('addDuration', () => {
  it('given working days from a Friday before the Spring Festival, when adding 2, should land at the end of 2026-02-24', () => {
    // Local date Feb 13: Feb 14 Sat make-up (1), Feb 15–23 off, Feb 24 (2).
    expect(
      addDuration(ms('2026-02-13T09:00:00+08:00'), { amount: 2, unit: 'workingDays' }, cal),
    ).toEqual({ at: endOf('2026-02-24'), provisional: false, missingYears: [] });
  });

  it('given hours, when adding, should add exact milliseconds', () => {
    expect(addDuration(THURSDAY, { amount: 2, unit: 'hours' }, cal).at).toBe(THURSDAY + 7_200_000);
  });
});

describe('reminderAt', () => {
  const twenty = clock({ limit: { amount: 20, unit: 'workingDays' } });

  it('given a 20-working-day clock, when reminding 3 working days before, should remind at the end of the 17th working day', () => {
    // 17th working day after Mar 5 is Mon Mar 30 (see the extension case above); due Apr 2.
    expect(reminderAt(twenty, { amount: 3, unit: 'workingDays' }, cal)).toBe(endOf('2026-03-30'));
  });

  it('given a 20-working-day clock, when the lead is 20 working days, should not remind', () => {
    expect(reminderAt(twenty, { amount: 20, unit: 'workingDays' }, cal)).toBeNull();
  });

  it('given a 20-working-day clock, when reminding 2 calendar days before, should subtract two days from the due time', () => {
    expect(reminderAt(twenty, { amount: 2, unit: 'calendarDays' }, cal)).toBe(endOf('2026-03-31'));
  });

  it('given a seconds clock, when reminding 10 seconds before, should subtract 10 s', () => {
    const c = clock({ limit: { amount: 30, unit: 'seconds' } });
    expect(reminderAt(c, { amount: 10, unit: 'seconds' }, cal)).toBe(THURSDAY + 20_000);
  });

  it('given a paused clock, when asking for a reminder, should not remind', () => {
    const c = { ...twenty, pauses: [{ from: THURSDAY + 1, reason: '听证' }] };
    expect(reminderAt(c, { amount: 3, unit: 'workingDays' }, cal)).toBeNull();
  });
});

describe('remaining', () => {
  const twenty = clock({ limit: { amount: 20, unit: 'workingDays' } });

  it('given a clock due on 2026-04-02, when asked on 2026-03-30, should be running with 3 working days left', () => {
    // Mar 31, Apr 1, Apr 2.
    expect(remaining(twenty, ms('2026-03-30T10:00:00+08:00'), cal)).toEqual({
      state: 'running',
      dueAt: endOf('2026-04-02'),
      workingDaysLeft: 3,
      provisional: false,
    });
  });

  it('given a clock due on 2026-04-02, when asked on 2026-04-07, should be overdue by 2 working days', () => {
    // Apr 3 Fri and Apr 7 Tue; Apr 4–6 is Qingming.
    expect(remaining(twenty, ms('2026-04-07T09:00:00+08:00'), cal)).toEqual({
      state: 'overdue',
      dueAt: endOf('2026-04-02'),
      workingDaysLeft: -2,
      provisional: false,
    });
  });

  it('given an open pause, when asked, should be paused without a due time', () => {
    const c = { ...twenty, pauses: [{ from: THURSDAY + 1, reason: '专家评审' }] };
    expect(remaining(c, THURSDAY + 2, cal)).toEqual({
      state: 'paused',
      dueAt: null,
      provisional: false,
    });
  });
});

describe('durationSchema', () => {
  it('given a whole, non-negative amount with a known unit, when parsing, should accept it', () => {
    expect(durationSchema.parse({ amount: 60, unit: 'workingDays' })).toEqual({
      amount: 60,
      unit: 'workingDays',
    });
  });

  it.each([
    { amount: -1, unit: 'workingDays' },
    { amount: 1.5, unit: 'hours' },
    { amount: 5, unit: 'weeks' },
  ])('given $amount $unit, when parsing, should reject it', (input) => {
    expect(durationSchema.safeParse(input).success).toBe(false);
  });
});
