import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt (RFC 7914) with OWASP's current minimum for it (Password Storage Cheat Sheet:
 * N = 2^17, r = 8, p = 1); the parameters are stored with each hash, so older hashes still
 * verify and are replaced at the next sign-in (`needsRehash`).
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEYLEN = 32;

/**
 * The cost new hashes get: SCRYPT unless the process was configured otherwise
 * (PASSWORD_HASH_COST in lib/config.ts: never below 2^17 outside tests, which sign in thousands
 * of times and set it lower). One setting for the whole process, made at start.
 */
let target: { N: number; r: number; p: number } = SCRYPT;

export function configurePasswordHashing(log2N: number): void {
  target = { ...SCRYPT, N: 2 ** log2N };
  dummy = null;
}

/**
 * One derivation takes 128 MiB and ~0.3 s of a core. At most `MAX_RUNNING` run at once and
 * `MAX_WAITING` wait; beyond that a sign-in is refused at once (503, try again) instead of
 * queueing memory and time without bound.
 */
const MAX_RUNNING = 2;
const MAX_WAITING = 64;
let running = 0;
const waiting: (() => void)[] = [];

/** Too many password checks at once; the caller answers 503 with Retry-After. */
export class PasswordHashBusy extends Error {
  constructor() {
    super('password hashing is saturated');
  }
}

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new PasswordHashBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return slot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(
          password.normalize('NFKC'),
          salt,
          KEYLEN,
          { N: n, r, p, maxmem: 129 * n * r * p + 1024 * 1024 },
          (err, key) => (err ? reject(err) : resolve(key)),
        ),
      ),
  );
}

/**
 * Lighter parameters for machine-made secrets that are long and random (TOTP recovery codes,
 * ~60 bits after their lookup group): still a salted slow hash (ASVS 5.0 6.5.2), ten of them made
 * in well under a second.
 */
export const SCRYPT_FOR_RANDOM_SECRETS = { N: 2 ** 14, r: 8, p: 1 } as const;

export async function hashPassword(
  password: string,
  cost: { N: number; r: number; p: number } = target,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost.N, cost.r, cost.p);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Largest cost a stored hash may ask for: a forged row must not exhaust memory. */
const MAX_N = 2 ** 20;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  if (Number(n) > MAX_N || Number(r) > 32 || Number(p) > 4) return false;
  const expected = Buffer.from(key, 'base64');
  // A corrupt stored hash is a failed sign-in, not a server error.
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
  ).catch((err) => {
    if (err instanceof PasswordHashBusy) throw err;
    return null;
  });
  return actual !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash made with weaker parameters than today's: rehash it when the password is at hand. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return (
    scheme !== 'scrypt' || Number(n) < target.N || Number(r) < target.r || Number(p) < target.p
  );
}

let dummy: Promise<string> | null = null;

/**
 * A hash of no one's password at today's cost: a sign-in under an unknown name is checked
 * against it, so it takes as long as one under a known name (no user enumeration by timing).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
