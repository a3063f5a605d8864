/**
 * Prisma's `contains` / `startsWith` become SQL LIKE patterns without escaping the pattern's own
 * characters: a search for "100%" or "a_b" would match anything. Escaped with LIKE's default
 * escape character, they are literal (issue 13 point 9).
 */
export function literal(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
