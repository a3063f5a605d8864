import type { RequestHandler } from 'express';
import { AppError } from '../problem';
import { type AuthedRequest, hasSessionCookie } from './authenticate';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF (ASVS 5.0 3.5): a state-changing request that does not carry a bearer token (so a
 * browser's cookie may ride along) must come from this site. Browsers say where a request
 * comes from in `Sec-Fetch-Site` (all current ones) or, failing that, `Origin`; a request that
 * carries the session cookie and says neither is refused too. A cross-site form or
 * `text/plain` fetch therefore never acts with someone's session. Sign-in is covered as well
 * (login CSRF). API clients with a bearer token are not browsers and are not checked.
 */
export function sameOriginOnly(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req: AuthedRequest, _res, next) => {
    if (SAFE.has(req.method) || req.credential === 'bearer') return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const ownOrigin = `${req.protocol}://${req.get('host')}`;
    const verdict =
      site !== undefined
        ? site === 'same-origin'
        : origin !== undefined
          ? origin === ownOrigin || origin === publicOrigin
          : !hasSessionCookie(req);
    if (verdict) return next();
    const refused = new AppError('forbidden', '请求不是来自本网站，已拒绝（跨站请求伪造防护）');
    refused.logAs = 'csrf_refused';
    next(refused);
  };
}
