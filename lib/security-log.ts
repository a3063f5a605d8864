import type { Db, Prisma } from './db';

/**
 * What the security log records (等保 2.0 安全审计; ASVS 5.0 16.3): every authentication event,
 * session end, refused access and administrator's change.
 */
export const SECURITY_EVENT_KINDS = [
  'login_succeeded',
  'login_failed',
  'login_throttled',
  'source_held',
  'mfa_verified',
  'mfa_failed',
  'mfa_enrolled',
  'mfa_recovery_code_used',
  'mfa_recovery_codes_renewed',
  'session_ended',
  'session_expired',
  'password_changed',
  'password_rehashed',
  'access_denied',
  'csrf_refused',
  'rate_limited',
  'account_created',
  'account_changed',
  'admin_change',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEventInput {
  kind: SecurityEventKind;
  outcome: 'success' | 'failure' | 'denied';
  /** The account concerned; for a failed sign-in the name as typed is in `username`. */
  accountId?: string | null;
  username?: string | null;
  role?: string | null;
  sourceIp: string;
  userAgent?: string | null;
  method?: string | null;
  path?: string | null;
  details?: Prisma.InputJsonValue;
}

const cut = (s: string | null | undefined, n: number) => (s == null ? null : s.slice(0, n));

/**
 * Appends one event; the database chains it to the one before (see the migration `security`).
 * The time is the database's own, stored in UTC.
 */
export async function recordSecurityEvent(db: Db, e: SecurityEventInput): Promise<void> {
  await db.securityEvent.create({
    data: {
      kind: e.kind,
      outcome: e.outcome,
      accountId: e.accountId ?? null,
      username: cut(e.username, 100),
      role: e.role ?? null,
      sourceIp: cut(e.sourceIp, 64) ?? '',
      userAgent: cut(e.userAgent, 300),
      method: e.method ?? null,
      path: cut(e.path, 300),
      ...(e.details === undefined ? {} : { details: e.details }),
    },
  });
}
