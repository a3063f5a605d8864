import type { Duration } from './deadlines';

/** A policy duration as people read it: 5个工作日, 7日, 6个月. */
export const UNIT_LABEL: Record<Duration['unit'], string> = {
  workingDays: '个工作日',
  calendarDays: '日',
  months: '个月',
  hours: '小时',
  minutes: '分钟',
  seconds: '秒',
};

export const durationWords = (d: Duration) => `${d.amount}${UNIT_LABEL[d.unit]}`;
