import type { SecurityPolicy } from '../../domain/security/policy';
import type { Db } from '../db';

/**
 * Login throttling kept in PostgreSQL (`LoginFailure`), so every API process sees the same
 * counts and a process holds no state per user name (issue 12 point 7, issue 13 point 5).
 * Three holds, each with the time it ends:
 * - an account after `perAccount` failures in the window (password or second factor);
 * - a source address after `perSource` failures in the window;
 * - a source address that failed on `sprayAccounts` different accounts (password spraying).
 * A source is its address prefixed with the district, the deployment's own namespace.
 */

export type ThrottleHold = { reason: 'account' | 'source' | 'spray'; retryAfterSeconds: number };
type Limits = SecurityPolicy['loginThrottle'];

const secondsUntil = (t: Date, windowMs: number, now: number) =>
  Math.max(1, Math.ceil((t.getTime() + windowMs - now) / 1000));

export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly namespace: string,
  ) {}

  source(ip: string): string {
    return `${this.namespace}|${ip}`;
  }

  /** The hold in force for this name from this address, or null. */
  async hold(
    username: string,
    ip: string,
    limits: Limits,
    now = Date.now(),
  ): Promise<ThrottleHold | null> {
    return (
      (await this.sourceHold(ip, limits, now)) ?? (await this.accountHold(username, limits, now))
    );
  }

  /** The address's hold: too many failures, or failures on too many accounts (spraying). */
  async sourceHold(ip: string, limits: Limits, now = Date.now()): Promise<ThrottleHold | null> {
    const windowMs = limits.windowMinutes * 60_000;
    const [s] = await this.db.$queryRaw<
      { failures: number; accounts: number; last: Date | null }[]
    >`SELECT count(*)::int AS failures, count(DISTINCT username)::int AS accounts, max(at) AS last
      FROM "LoginFailure" WHERE source = ${this.source(ip)} AND at > ${new Date(now - windowMs)}`;
    if (!s?.last) return null;
    // Held until the window has passed since the last failure: a held address adds none.
    if (s.accounts >= limits.sprayAccounts)
      return { reason: 'spray', retryAfterSeconds: secondsUntil(s.last, windowMs, now) };
    if (s.failures >= limits.perSource)
      return { reason: 'source', retryAfterSeconds: secondsUntil(s.last, windowMs, now) };
    return null;
  }

  /** The account is free again when enough of its failures have left the window. */
  async accountHold(
    username: string,
    limits: Limits,
    now = Date.now(),
  ): Promise<ThrottleHold | null> {
    const windowMs = limits.windowMinutes * 60_000;
    const [a] = await this.db.$queryRaw<{ at: Date }[]>`SELECT at FROM "LoginFailure"
      WHERE username = ${username.toLowerCase()} AND at > ${new Date(now - windowMs)}
      ORDER BY at DESC OFFSET ${limits.perAccount - 1} LIMIT 1`;
    return a ? { reason: 'account', retryAfterSeconds: secondsUntil(a.at, windowMs, now) } : null;
  }

  async fail(kind: 'password' | 'mfa', username: string, ip: string): Promise<void> {
    await this.db.loginFailure.create({
      data: { kind, username: username.toLowerCase().slice(0, 100), source: this.source(ip) },
    });
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async succeed(username: string): Promise<void> {
    await this.db.loginFailure.deleteMany({ where: { username: username.toLowerCase() } });
  }
}
