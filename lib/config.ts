import path from 'node:path';
import { z } from 'zod';
import { parsePublicKeys, parseSigningKey } from './document-seal';

/**
 * The one place that reads process.env. Every key is listed in .env.example and
 * in docker-compose.yml; test/unit/compose-consistency.test.ts checks that.
 */
const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** HTTP listener of the API (and the docs page). */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Base URL people reach the API at; used in mails and printed at start. */
  PUBLIC_URL: z.url().optional(),

  /** Folder for embedded data: Temporal's SQLite file, PGlite, the mail outbox, the session secret. */
  DATA_DIR: z.string().default('data'),

  /** A real PostgreSQL. Absent: the embedded launcher starts PGlite behind pglite-socket. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(5433),

  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('minzheng-flow'),
  /** Where operators open a workflow in the Temporal Web UI. */
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  /**
   * How much work the worker takes at once. A workflow task that waits in the worker longer than
   * its 10 s timeout is lost and replayed; taking only what the CPU can finish in time keeps the
   * backlog on the server instead (the SDK's defaults, 40 / 100 / 100, suit a bigger machine).
   */
  WORKER_MAX_WORKFLOW_TASKS: z.coerce.number().int().min(2).default(8),
  WORKER_MAX_ACTIVITIES: z.coerce.number().int().min(1).default(20),
  WORKER_MAX_LOCAL_ACTIVITIES: z.coerce.number().int().min(1).default(20),
  /**
   * Workflows kept in the worker's memory between tasks. The SDK sizes its cache to the heap
   * (about 2,300 on Node's default 4 GB): a 5,000-proposal round filled it, and the heap near its
   * limit spent the CPU collecting garbage. A miss only replays a short history.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).default(500),
  /**
   * How long a person's request waits for Temporal (an Update, a live Query, a workflow start):
   * past it the API answers 503 with Retry-After instead of hanging.
   */
  TEMPORAL_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).default(10_000),
  /** A page that has a stored view shows it once the live view takes longer than this. */
  LIVE_VIEW_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
  /** How often the API starts the workflows of filings committed while Temporal was away. */
  START_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).default(15_000),
  /** Path to a `temporal` CLI binary; wins over PATH and the build cache. */
  TEMPORAL_CLI: z.string().optional(),

  /** SMTP in production, e.g. smtp://mailpit:1025. Absent: mails are written to the outbox folder. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('常州市钟楼区民政局 <noreply@mzj.zhonglou.example.cn>'),
  MAIL_OUTBOX_DIR: z.string().optional(),

  /**
   * HMAC key for session tokens, and the key TOTP secrets are sealed under (rotating it means
   * enrolling the second factor again). Required in production; embedded mode keeps one in DATA_DIR.
   */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET needs at least 32 characters').optional(),
  /**
   * log2 of scrypt's N for new password hashes: 17 (OWASP's minimum) and never less outside
   * tests; raise it with faster hardware (older hashes are replaced at the next sign-in).
   */
  /**
   * The EC P-256 private key (PEM; "\n" may stand for line breaks) that seals issued certificates,
   * notices and decisions. Required in production; elsewhere a development key is kept in
   * DATA_DIR. Make one with `npm run verify-document -- --new-key`; never commit it.
   */
  DOCUMENT_SIGNING_KEY: z
    .string()
    .refine((pem) => {
      try {
        parseSigningKey(pem);
        return true;
      } catch {
        return false;
      }
    }, 'must be an EC P-256 private key in PEM')
    .optional(),
  /**
   * Public keys (SPKI PEM, one after another) of earlier signing keys: seals they made still
   * verify after DOCUMENT_SIGNING_KEY was rotated.
   */
  DOCUMENT_VERIFY_KEYS: z
    .string()
    .refine((pems) => {
      try {
        parsePublicKeys(pems);
        return true;
      } catch {
        return false;
      }
    }, 'must be EC P-256 public keys in PEM')
    .optional(),
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
  /**
   * The session cookie's `Secure` flag. Default: on, except in tests; embedded mode serves plain
   * HTTP on loopback and turns it off. Never off in production.
   */
  SESSION_COOKIE_SECURE: z.stringbool().optional(),
  /**
   * Which proxies in front may say the client's address (X-Forwarded-For): `false` (none, the
   * default: the socket's address counts), a number of hops, or addresses and ranges
   * (`loopback`, `10.0.0.0/8, 192.168.1.1`). Throttling and the security log use that address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?))*)$/,
      'false, a number of hops, or a comma-separated list of addresses/ranges',
    )
    .default('false'),

  /** Positions 3–8 of the credit codes this bureau issues (GB/T 2260). */
  DISTRICT_CODE: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code')
    .default('320404'),
  DISTRICT_NAME: z.string().default('常州市钟楼区'),
  AUTHORITY_NAME: z.string().default('常州市钟楼区民政局'),
  /** Abbreviation that heads the bureau's document numbers (钟民登受字〔2026〕第0001号). */
  AUTHORITY_SHORT_NAME: z.string().min(1).max(4).default('钟民'),

  /** Seed the demo accounts (embedded mode); never in production. */
  DEMO_ACCOUNTS: z.stringbool().default(false),

  /**
   * Continue-as-new after this many history events. Unset in production, where workflows follow
   * Temporal's own suggestion; tests set it low so that the path runs.
   */
  WORKFLOW_HISTORY_LIMIT: z.coerce.number().int().min(10).optional(),

  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  JSON_BODY_LIMIT: z.string().default('1mb'),
  /** The largest page a list answers (`pageSize`); at most 1000. */
  LIST_PAGE_SIZE_MAX: z.coerce.number().int().min(10).max(1000).default(100),
  /** The most choices a dropdown's lookup answers; past it the person narrows the search. */
  LOOKUP_MAX: z.coerce.number().int().min(10).max(1000).default(200),
  /** The most rows one Excel or CSV export holds; past it the person narrows the filters. */
  EXPORT_MAX_ROWS: z.coerce.number().int().min(100).max(100_000).default(10_000),
  /** Largest CSV an administrator may import at once. */
  IMPORT_BODY_LIMIT: z.string().default('10mb'),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>> & {
  readonly outboxDir: string;
  readonly publicUrl: string;
  readonly cookieSecure: boolean;
  /** TRUST_PROXY as Express's `trust proxy` setting takes it. */
  readonly trustProxy: boolean | number | string;
};

/** Parses an environment (process.env by default) into a frozen config, failing fast. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // Every deployment mistake at once, so an operator fixes them in one pass.
  const prod = c.NODE_ENV === 'production';
  const wrong = [
    prod && !c.SESSION_SECRET && 'SESSION_SECRET: required in production',
    prod && !c.DOCUMENT_SIGNING_KEY && 'DOCUMENT_SIGNING_KEY: required in production',
    prod && c.DEMO_ACCOUNTS && 'DEMO_ACCOUNTS: never in production',
    prod && c.SESSION_COOKIE_SECURE === false && 'SESSION_COOKIE_SECURE: never off in production',
    c.NODE_ENV !== 'test' &&
      c.PASSWORD_HASH_COST < 17 &&
      'PASSWORD_HASH_COST: at least 17 (scrypt N = 2^17)',
  ].filter((line): line is string => typeof line === 'string');
  if (wrong.length > 0) {
    throw new Error(`Invalid configuration:\n${wrong.map((l) => `  ${l}`).join('\n')}`);
  }
  const hops = /^\d+$/.test(c.TRUST_PROXY) ? Number(c.TRUST_PROXY) : null;
  return Object.freeze({
    ...c,
    cookieSecure: c.SESSION_COOKIE_SECURE ?? c.NODE_ENV !== 'test',
    trustProxy: c.TRUST_PROXY === 'false' ? false : (hops ?? c.TRUST_PROXY),
    outboxDir: c.MAIL_OUTBOX_DIR ?? path.join(c.DATA_DIR, 'mail-outbox'),
    publicUrl: c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? '127.0.0.1' : c.HOST}:${c.PORT}`,
  });
}

/** Every key the schema knows; used by the compose consistency test and .env.example. */
export const CONFIG_KEYS = Object.keys(ConfigSchema.shape) as (keyof z.infer<
  typeof ConfigSchema
>)[];
