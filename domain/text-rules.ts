import { z } from 'zod';

/**
 * What a person's name or an address may contain before it is stored and printed on a
 * certificate, notice or mail (issue 13 point 9): no line breaks or other control characters,
 * no invisible format characters (zero-width spaces, bidirectional overrides that reorder
 * what is shown) and no markup.
 */

/** Control characters (CR, LF, tab…), format characters (U+200B, U+202E…), line separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const MARKUP = /[<>]/;

/** Letters of any script with marks, and the joiners names use: space, ·, ., ', ’, -. */
const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M} ·.'’-]*$/u;

export function hasInvisibleCharacters(s: string): boolean {
  return INVISIBLE.test(s);
}

export const personNameSchema = z
  .string()
  .trim()
  .min(1, '必填')
  .max(50, '不超过50个字符')
  .refine((s) => !INVISIBLE.test(s), '不能含有换行、制表或不可见的控制字符')
  .refine((s) => !MARKUP.test(s), '不能含有 < 或 >')
  .refine((s) => PERSON_NAME.test(s), '姓名只能由文字组成，可含空格、间隔号“·”、点或连字符');

export const addressSchema = z
  .string()
  .trim()
  .min(1, '必填')
  .max(200, '不超过200个字符')
  .refine((s) => !INVISIBLE.test(s), '不能含有换行、制表或不可见的控制字符')
  .refine((s) => !MARKUP.test(s), '不能含有 < 或 >');

/**
 * A spreadsheet cell that a program would run as a formula (CSV injection, OWASP): it starts
 * with =, +, -, @, a tab or a carriage return.
 */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell);
}
