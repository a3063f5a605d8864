import { isLocalDate } from './calendar';

/** GB 11643-1999 citizen identity number: 17 digits and an ISO 7064 MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  // Positions 7–14 are the birth date: it must exist (no 30 February, no 31 April).
  if (!isLocalDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/**
 * Keeps personal identifiers out of workflow histories: 3204**********123X. At most a quarter
 * of the characters stays visible at each end, so short numbers (passports, mobile phones) are
 * still mostly hidden.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  const keep = Math.min(4, Math.floor(id.length / 4));
  return id.slice(0, keep) + '*'.repeat(id.length - 2 * keep) + id.slice(-keep);
}
