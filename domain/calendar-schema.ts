import { z } from 'zod';
import { dayOfWeek, isLocalDate, yearOf } from './calendar';

// The calendar's boundary schemas, apart from calendar.ts so the workflow bundle carries no zod.

export const localDateSchema = z.string().refine(isLocalDate, {
  error: (iss) =>
    typeof iss.input === 'string' && iss.input.trim()
      ? `「${iss.input}」不是有效的日期`
      : '请选择日期',
});

/** Validates a year uploaded by an administrator before it joins the calendar. */
export const holidayYearSchema = z
  .object({
    year: z.number().int().min(1949).max(9999),
    daysOff: z.array(localDateSchema),
    makeupWorkdays: z.array(localDateSchema),
    source: z.string().trim().min(1, '请注明日历来源（国务院办公厅通知的网址或文号）'),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const lists = [
      ['daysOff', v.daysOff],
      ['makeupWorkdays', v.makeupWorkdays],
    ] as const;
    for (const [key, list] of lists) {
      const seen = new Set<string>();
      list.forEach((date, i) => {
        if (!isLocalDate(date)) return; // already reported by the element schema
        if (yearOf(date) !== v.year) issue([key, i], `日期${date}不在${v.year}年内`);
        if (seen.has(date)) issue([key, i], `日期${date}重复`);
        seen.add(date);
      });
    }
    v.makeupWorkdays.forEach((date, i) => {
      if (!isLocalDate(date)) return;
      if (v.daysOff.includes(date)) issue(['makeupWorkdays', i], `日期${date}不能既放假又上班`);
      const dow = dayOfWeek(date);
      if (dow !== 0 && dow !== 6) issue(['makeupWorkdays', i], `调休上班日${date}应为周六或周日`);
    });
  });

export const holidayCalendarSchema = z
  .object({ years: z.record(z.string().regex(/^\d{4}$/), holidayYearSchema) })
  .superRefine((v, ctx) => {
    for (const [key, year] of Object.entries(v.years)) {
      if (String(year.year) !== key) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', key],
          message: `键${key}与年份${year.year}不一致`,
        });
      }
    }
  });
