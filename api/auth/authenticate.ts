import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../problem';
import type { Security } from './security';
import type { Session } from './session';
import { verifyToken } from './session';
import type { SessionStage } from './session-store';

export const SESSION_COOKIE = 'mzf_session';

/** How the request carried its credential, if at all (the CSRF check needs to know). */
export type Credential = 'bearer' | 'cookie' | null;

/** A signed-in session short of its second factor: it may only complete it or sign out. */
export interface PendingSession {
  sid: string;
  sub: string;
  stage: Exclude<SessionStage, 'full'>;
}

export interface AuthedRequest extends Request {
  session?: Session | null;
  pendingSession?: PendingSession | null;
  credential?: Credential;
}

function cookieToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // a mangled cookie is no session, not a server error
    }
  }
  return null;
}

export function hasSessionCookie(req: Request): boolean {
  return cookieToken(req.headers.cookie) !== null;
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

const ENDED_TEXT: Record<string, string> = {
  idle: '长时间未操作，会话已结束，请重新登录',
  absolute: '会话已到期，请重新登录',
  deactivated: '账号已停用',
  password_changed: '密码已修改，请重新登录',
  password_reset: '密码已被重置，请重新登录',
  role_changed: '账号角色已变更，请重新登录',
  mfa_reset: '双因素认证已被重置，请重新登录',
};

/**
 * Reads the bearer token (API clients) or the session cookie (the browser), then asks the
 * server-side session store whether that session still holds, on every request. A bad bearer
 * token is refused (401); a bad cookie leaves the request anonymous and is cleared.
 */
export function authenticate(secret: string, security: Security): RequestHandler {
  return async (req: AuthedRequest, res, next) => {
    req.session = null;
    req.pendingSession = null;
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
    const cookie = bearer ? null : cookieToken(req.headers.cookie);
    const token = bearer ?? cookie;
    req.credential = bearer ? 'bearer' : cookie ? 'cookie' : null;
    if (!token) return next();
    const refuse = (detail: string) => {
      if (bearer) return next(new AppError('unauthenticated', detail));
      clearSessionCookie(res);
      req.credential = null;
      next();
    };
    const claims = verifyToken(secret, token);
    if (!claims) return refuse('登录凭证无效或已过期，请重新登录');
    try {
      const r = await security.sessions.resolve(claims);
      if (!r.ok) {
        if (r.expiredNow)
          await security.log(req, {
            kind: 'session_expired',
            outcome: 'success',
            accountId: r.accountId ?? null,
            details: { reason: r.reason },
          });
        return refuse(ENDED_TEXT[r.reason] ?? '会话已结束，请重新登录');
      }
      if (r.stage === 'full') req.session = r.session;
      else req.pendingSession = { sid: r.session.sid, sub: r.session.sub, stage: r.stage };
      next();
    } catch (err) {
      next(err);
    }
  };
}
