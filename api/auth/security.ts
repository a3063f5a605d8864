import type { Request } from 'express';
import { LoginThrottle } from '../../lib/auth/login-throttle';
import { SecretBox } from '../../lib/auth/secret-box';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import { SecurityPolicyCache } from '../../lib/rules/load-security-policy';
import { recordSecurityEvent, type SecurityEventInput } from '../../lib/security-log';
import { SessionStore } from './session-store';

export type SecurityEvent = Omit<SecurityEventInput, 'sourceIp' | 'userAgent' | 'method' | 'path'>;

/** The security services one app instance shares between its middleware and routes. */
export interface Security {
  policy: SecurityPolicyCache;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Seals TOTP secrets at rest. */
  mfaBox: SecretBox;
  /** Writes a security-log entry about this request (address, agent, method, path added). */
  log(req: Request, e: SecurityEvent): Promise<void>;
}

export function createSecurity(deps: {
  db: Db;
  logger: Logger;
  sessionSecret: string;
  config: { DISTRICT_CODE: string };
}): Security {
  const policy = new SecurityPolicyCache(deps.db, deps.config.DISTRICT_CODE);
  return {
    policy,
    sessions: new SessionStore(deps.db, policy, deps.sessionSecret),
    throttle: new LoginThrottle(deps.db, deps.config.DISTRICT_CODE),
    mfaBox: new SecretBox(deps.sessionSecret, 'totp-secret'),
    async log(req, e) {
      // The log must not turn a request into an error; a failure to write it is itself logged.
      await recordSecurityEvent(deps.db, {
        ...e,
        sourceIp: req.ip ?? '',
        userAgent: req.get('user-agent') ?? null,
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? null,
      }).catch((err) =>
        deps.logger.error({ err: String(err), kind: e.kind }, 'security log write failed'),
      );
    },
  };
}
