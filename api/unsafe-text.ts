/**
 * Text PostgreSQL cannot store (NUL) or that is not valid UTF-16 (lone surrogates) is refused
 * at the edge for every string of a request: it would otherwise fail deep inside a transaction,
 * or worse, inside a workflow activity that retries forever.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what we look for.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 64) return path.join('.');
  if (typeof value === 'string') return UNSAFE.test(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findUnsafeText(v, [...path, String(i)], depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = UNSAFE.test(k)
        ? [...path, k].join('.')
        : findUnsafeText(v, [...path, k], depth + 1);
      if (hit !== null) return hit;
    }
  }
  return null;
}
