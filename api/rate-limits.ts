import type { Request } from 'express';
import type { Db } from '../lib/db';
import { countRequest } from '../lib/rate-limit';
import type { Security } from './auth/security';
import type { Session } from './auth/session';
import { tooManyRequests } from './problem';
import type { RateLimiter, RouteSpec } from './route';

/**
 * The routes' rate limits (issue 13 point 8), counted in PostgreSQL so that every API process
 * shares them: anonymous callers of open routes per address, expensive routes per account.
 * Numbers are the security policy's.
 */
export function routeLimiter(db: Db, security: Security, namespace: string): RateLimiter {
  return async (req: Request, spec: RouteSpec, session: Session | null) => {
    if (spec.limit === 'none') return;
    if (!session && spec.access === 'public') {
      const limit = (await security.policy.get()).rateLimits.anonymousPerMinute;
      const r = await countRequest(db, `anonymous|${namespace}|${req.ip}`, limit, 60);
      if (!r.allowed)
        throw tooManyRequests(
          `请求过于频繁（每分钟不超过 ${limit} 次），请稍后再试`,
          r.retryAfterSeconds,
        );
    }
    if (spec.limit === 'expensive' && session) {
      const limit = (await security.policy.get()).rateLimits.expensivePerMinute;
      const r = await countRequest(db, `expensive|${session.sub}`, limit, 60);
      if (!r.allowed)
        throw tooManyRequests(`此类查询每分钟不超过 ${limit} 次，请稍后再试`, r.retryAfterSeconds);
    }
  };
}
