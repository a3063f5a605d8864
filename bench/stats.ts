export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles, in the unit given (milliseconds everywhere in this bench). */
export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: rank(50), p95: rank(95), max: rank(100), mean };
}

/** Each named step's summary over a list of per-life records. */
export function summarizeSteps<K extends string>(
  lives: Record<K, number>[],
  keys: readonly K[],
): Record<K, Summary> {
  return Object.fromEntries(keys.map((k) => [k, summarize(lives.map((l) => l[k]))])) as Record<
    K,
    Summary
  >;
}
