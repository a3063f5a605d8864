import type { RequestHandler } from 'express';
import { AppError } from '../problem';
import { verifySession } from './session';

export const SESSION_COOKIE = 'mzf_session';

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

/** Reads the bearer token (API clients) or the session cookie (the browser) into req.session. */
export function authenticate(secret: string): RequestHandler {
  return (req, _res, next) => {
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
    const token = bearer ?? cookieToken(req.headers.cookie);
    const session = token ? verifySession(secret, token) : null;
    if (bearer && !session)
      return next(new AppError('unauthenticated', '登录凭证无效或已过期，请重新登录'));
    (req as typeof req & { session: typeof session }).session = session;
    next();
  };
}
