import type { Request } from 'express';
import type { Account } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import type { SecurityPolicyCache } from '../../lib/rules/load-security-policy';
import { type Role, type Session, signToken, type TokenClaims } from './session';

/** A session short of its second factor may only complete it (api/routes/auth-mfa.ts). */
export type SessionStage = 'full' | 'mfa_verify' | 'mfa_enrol';

export type EndReason =
  | 'logout'
  | 'idle'
  | 'absolute'
  | 'password_changed'
  | 'password_reset'
  | 'deactivated'
  | 'role_changed'
  | 'mfa_reset'
  | 'mfa_completed'
  | 'ended_by_admin';

export type Resolved =
  | { ok: true; session: Session; stage: SessionStage }
  | { ok: false; reason: EndReason | 'ended' | 'unknown'; expiredNow: boolean; accountId?: string };

interface SessionRow {
  id: string;
  stage: string;
  accountId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  displayName: string;
  role: string;
  organizationId: string | null;
  active: boolean;
}

/** lastSeenAt is written at most this often: idle timeouts are whole minutes. */
const TOUCH_EVERY_MS = 20_000;

/**
 * Server-side sessions (`AuthSession`): opened at sign-in, looked up on every request, ended by
 * logout, a password or role change, deactivation, the idle timeout or the absolute lifetime.
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly policy: SecurityPolicyCache,
    private readonly secret: string,
  ) {}

  async open(account: Account, stage: SessionStage, req: Request) {
    const p = (await this.policy.get()).sessions;
    const minutes = stage === 'full' ? p.absoluteMinutes : p.secondFactorMinutes;
    const now = Date.now();
    const row = await this.db.authSession.create({
      data: {
        accountId: account.id,
        stage,
        expiresAt: new Date(now + minutes * 60_000),
        sourceIp: req.ip ?? '',
        userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
      },
    });
    const { token, expiresAt } = signToken(
      this.secret,
      { sid: row.id, sub: account.id },
      minutes * 60,
      now,
    );
    return { sid: row.id, token, expiresAt };
  }

  async resolve(claims: TokenClaims, now = Date.now()): Promise<Resolved> {
    // One indexed read per request (this runs before every route).
    const [row] = await this.db.$queryRaw<SessionRow[]>`
      SELECT s.id, s.stage, s."accountId", s."lastSeenAt", s."expiresAt", s."endedAt",
             s."endReason", a."displayName", a.role::text AS role, a."organizationId", a.active
      FROM "AuthSession" s JOIN "Account" a ON a.id = s."accountId"
      WHERE s.id = ${claims.sid}::uuid`;
    if (!row || row.accountId !== claims.sub)
      return { ok: false, reason: 'unknown', expiredNow: false };
    const accountId = row.accountId;
    if (row.endedAt)
      return {
        ok: false,
        reason: (row.endReason as EndReason) ?? 'ended',
        expiredNow: false,
        accountId,
      };
    const idleMs = (await this.policy.get()).sessions.idleMinutes * 60_000;
    const ending: EndReason | null = !row.active
      ? 'deactivated'
      : now >= row.expiresAt.getTime()
        ? 'absolute'
        : row.stage === 'full' && now - row.lastSeenAt.getTime() >= idleMs
          ? 'idle'
          : null;
    if (ending) {
      const ended = await this.end(row.id, ending, now);
      return { ok: false, reason: ending, expiredNow: ended, accountId };
    }
    if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS)
      await this.db.authSession.updateMany({
        where: { id: row.id, endedAt: null },
        data: { lastSeenAt: new Date(now) },
      });
    return {
      ok: true,
      stage: row.stage as SessionStage,
      session: {
        sid: row.id,
        sub: accountId,
        name: row.displayName,
        role: row.role as Role,
        org: row.organizationId,
      },
    };
  }

  /** True when this call ended it (not an earlier one). */
  async end(sid: string, reason: EndReason, now = Date.now()): Promise<boolean> {
    const r = await this.db.authSession.updateMany({
      where: { id: sid, endedAt: null },
      data: { endedAt: new Date(now), endReason: reason },
    });
    return r.count === 1;
  }

  /** Ends every open session of an account; the number ended. */
  async endAll(accountId: string, reason: EndReason): Promise<number> {
    const r = await this.db.authSession.updateMany({
      where: { accountId, endedAt: null },
      data: { endedAt: new Date(), endReason: reason },
    });
    return r.count;
  }
}
