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
  /** `folder`: the outbox folder of embedded mode; `smtp`: an in-process smtp-server sink. */
  mail: 'folder' | 'smtp';
  /** Writes a CPU profile of the concurrency-1 product phase to this file (bench/profile.ts). */
  profile?: string;
}

const USAGE = `usage: npm run bench -- [--n 20] [--concurrency 8] [--warmup 3] [--poll-ms 20] [--pglite] [--mail folder|smtp] [--profile file.cpuprofile]`;

function positive(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
  return n;
}

function mailKind(raw: string): BenchOptions['mail'] {
  if (raw === 'folder' || raw === 'smtp') return raw;
  throw new Error(`--mail must be folder or smtp\n${USAGE}`);
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
      mail: { type: 'string', default: 'folder' },
      profile: { type: 'string' },
    },
  });
  return {
    n: positive('n', values.n, 1),
    concurrency: positive('concurrency', values.concurrency, 1),
    warmup: positive('warmup', values.warmup, 0),
    pollMs: positive('poll-ms', values['poll-ms'], 1),
    pglite: values.pglite,
    mail: mailKind(values.mail),
    ...(values.profile ? { profile: values.profile } : {}),
  };
}
