import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Lives measured per phase (concurrency 1, then the configured concurrency). */
  n: number;
  concurrency: number;
  /** Lives run before measuring, per path (JIT, connection pools, worker caches). */
  warmup: number;
  /** How often the product path polls the registration view for its first automatic step. */
  pollMs: number;
  /** Use embedded PGlite even when a PostgreSQL answers on 127.0.0.1:5432. */
  pglite: boolean;
}

const USAGE = `usage: npm run bench -- [--n 20] [--concurrency 8] [--warmup 3] [--poll-ms 20] [--pglite]`;

function positive(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '3' },
      'poll-ms': { type: 'string', default: '20' },
      pglite: { type: 'boolean', default: false },
    },
  });
  return {
    n: positive('n', values.n, 1),
    concurrency: positive('concurrency', values.concurrency, 1),
    warmup: positive('warmup', values.warmup, 0),
    pollMs: positive('poll-ms', values['poll-ms'], 1),
    pglite: values.pglite,
  };
}
