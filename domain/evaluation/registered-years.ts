import { yearOf } from '../calendar';

/**
 * Full years (年度) an organisation has been registered on a day: the calendar years from its
 * registration to the day that it spans whole. "满两个年度" (§4.2) counts these: registered on
 * 2024-03-01, it has one full 年度 (2025) during 2026 and two only from 2027-01-01.
 */
export function registeredFullYears(registeredOn: string, day: string): number {
  const firstFull = registeredOn.endsWith('-01-01')
    ? yearOf(registeredOn)
    : yearOf(registeredOn) + 1;
  return Math.max(0, yearOf(day) - firstFull);
}
