import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ACCOUNT_ROLES } from '../../domain/actor';

/** Roles of the Prisma enum; `system` never signs in. */
export const ROLES = ACCOUNT_ROLES;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABEL: Record<Role, string> = {
  applicant: '申请人',
  reviewer: '审查人员',
  section_head: '科室负责人',
  bureau_head: '局领导',
  evaluator: '评估专家',
  purchaser: '购买主体',
  administrator: '系统管理员',
  committee_member: '评估委员会委员',
  agency: '第三方评估机构',
  judge: '公益创投评审',
  finance: '财务人员',
  security_admin: '安全管理员',
  auditor: '安全审计员',
};

/** Roles that must use a second factor when the policy requires it of staff: all but applicants. */
export const isStaffRole = (r: Role) => r !== 'applicant';

/** Who calls, as the server-side session and the account say on this request. */
export interface Session {
  /** The server-side session (AuthSession.id). */
  sid: string;
  sub: string;
  name: string;
  role: Role;
  org: string | null;
}

/** The signed part of a session token: which server-side session it names, and until when. */
const claimsSchema = z.object({
  sid: z.uuid(),
  sub: z.uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type TokenClaims = z.infer<typeof claimsSchema>;

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * A signed token (JWT, HS256) naming a server-side session. The signature lets garbage be
 * refused without a database read; whether the session still holds is the database's answer
 * (api/auth/session-store.ts), on every request.
 */
export function signToken(
  secret: string,
  c: Omit<TokenClaims, 'iat' | 'exp'>,
  ttlSeconds: number,
  now = Date.now(),
) {
  const iat = Math.floor(now / 1000);
  const payload = b64(JSON.stringify({ ...c, iat, exp: iat + ttlSeconds }));
  const sig = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return { token: `${HEADER}.${payload}.${sig}`, expiresAt: new Date((iat + ttlSeconds) * 1000) };
}

export function verifyToken(secret: string, token: string, now = Date.now()): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  const [header, payload, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = claimsSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    if (!parsed.success || parsed.data.exp * 1000 <= now) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
