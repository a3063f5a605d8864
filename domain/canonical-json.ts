/**
 * JSON with object keys sorted: two texts that differ only in key order (PostgreSQL's jsonb
 * reorders keys) compare and hash the same.
 */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}
