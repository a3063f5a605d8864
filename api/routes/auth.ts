import type { Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { SecurityPolicy } from '../../domain/security/policy';
import type { Account } from '../../generated/prisma/client';
import { dummyHash, needsRehash, verifyPassword } from '../../lib/password';
import type { PasswordRules } from '../../operations/account/password-rules';
import { rehashPassword, setPassword } from '../../operations/account/set-password';
import type { AppContext } from '../app';
import { type AuthedRequest, clearSessionCookie, SESSION_COOKIE } from '../auth/authenticate';
import { isStaffRole, ROLE_LABEL, roleSchema } from '../auth/session';
import type { SessionStage } from '../auth/session-store';
import { operate } from '../operations';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';

export const ZAccount = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    roleLabel: z.string(),
    organizationId: z.uuid().nullable(),
    /** Whether the account's organisation is registered already (no new registration for it). */
    organizationRegistered: z.boolean(),
    mfaEnabled: z.boolean(),
  })
  .meta({ id: 'Account' });

export const accountJson = async (db: AppContext['db'], acc: Account) => ({
  id: acc.id,
  username: acc.username,
  displayName: acc.displayName,
  role: acc.role,
  roleLabel: ROLE_LABEL[acc.role],
  organizationId: acc.organizationId,
  organizationRegistered: acc.organizationId
    ? (await db.organization.findUnique({ where: { id: acc.organizationId } }))?.status ===
      'registered'
    : false,
  mfaEnabled: acc.mfaSecret !== null,
});

/** What a sign-in step answers: the session token, and the second factor still to give. */
export const ZSignedIn = z.object({
  token: z.string(),
  expiresAt: z.string(),
  account: ZAccount,
  secondFactor: z.enum(['verify', 'enrol']).nullable(),
});

/** Whether this account must give a second factor under the policy (issue 13 point 3). */
export function secondFactorRequired(policy: SecurityPolicy, acc: Account): boolean {
  return isStaffRole(acc.role) ? policy.mfa.requiredForStaff : policy.mfa.requiredForApplicants;
}

/** The session cookie: httpOnly, SameSite=Strict, Secure outside tests and embedded mode. */
export function setSessionCookie(
  res: Response,
  deps: AppContext,
  token: string,
  expiresAt: Date,
): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.cookieSecure,
    expires: expiresAt,
    path: '/',
  });
}

/** Opens a session at `stage`, sets its cookie and answers what the client needs next. */
export async function signIn(
  deps: AppContext,
  req: AuthedRequest,
  res: Response,
  acc: Account,
  stage: SessionStage,
) {
  const { token, expiresAt } = await deps.security.sessions.open(acc, stage, req);
  setSessionCookie(res, deps, token, expiresAt);
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    account: await accountJson(deps.db, acc),
    secondFactor:
      stage === 'mfa_verify'
        ? ('verify' as const)
        : stage === 'mfa_enrol'
          ? ('enrol' as const)
          : null,
  };
}

/** Throws 429 with Retry-After while the name or the address is held (and logs it). */
export async function refuseWhileHeld(deps: AppContext, req: AuthedRequest, username: string) {
  const limits = (await deps.security.policy.get()).loginThrottle;
  const hold = await deps.security.throttle.hold(username, req.ip ?? '', limits);
  if (!hold) return;
  await deps.security.log(req, {
    kind: 'login_throttled',
    outcome: 'denied',
    username,
    details: { hold: hold.reason, retryAfterSeconds: hold.retryAfterSeconds },
  });
  const minutes = Math.ceil(hold.retryAfterSeconds / 60);
  const why =
    hold.reason === 'account'
      ? '该账号登录失败次数过多'
      : hold.reason === 'spray'
        ? '本地址尝试登录的账号过多'
        : '本地址登录失败次数过多';
  throw new AppError(
    'too_many_requests',
    `${why}，请约 ${minutes} 分钟后再试`,
    undefined,
    hold.retryAfterSeconds,
  );
}

/** Counts a failure and, when it is the one that puts the address on hold, logs that once. */
export async function countFailure(
  deps: AppContext,
  req: AuthedRequest,
  kind: 'password' | 'mfa',
  username: string,
) {
  const limits = (await deps.security.policy.get()).loginThrottle;
  const before = await deps.security.throttle.sourceHold(req.ip ?? '', limits);
  await deps.security.throttle.fail(kind, username, req.ip ?? '');
  const after = await deps.security.throttle.sourceHold(req.ip ?? '', limits);
  if (!before && after)
    await deps.security.log(req, {
      kind: 'source_held',
      outcome: 'denied',
      username,
      details: { hold: after.reason, retryAfterSeconds: after.retryAfterSeconds },
    });
}

export function createAuthRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db, security } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/login',
      tag: '登录',
      summary:
        '用户名和密码登录，返回会话令牌（Bearer）并设置会话 Cookie；需要双因素认证时 secondFactor 说明下一步',
      description:
        '失败次数按账号和来源地址限制（同一地址尝试多个账号视为密码喷洒），超过时返回 429 和 Retry-After。',
      access: 'public',
      limit: 'none',
      body: z.object({
        username: z.string().trim().min(1).max(100),
        password: z.string().min(1).max(200),
      }),
      response: { status: 200, description: '已登录（或待完成双因素认证）', schema: ZSignedIn },
      problems: ['bad_request', 'unauthenticated', 'too_many_requests', 'unavailable'],
    },
    async ({ body, req, res }) => {
      const r = req as AuthedRequest;
      await refuseWhileHeld(deps, r, body.username);
      const acc = await db.account.findUnique({ where: { username: body.username } });
      const ok = await verifyPassword(body.password, acc?.passwordHash ?? (await dummyHash()));
      if (!acc || !ok || !acc.active) {
        await countFailure(deps, r, 'password', body.username);
        await security.log(r, {
          kind: 'login_failed',
          outcome: 'failure',
          accountId: acc?.id ?? null,
          username: body.username,
          role: acc?.role ?? null,
          details: { reason: !acc ? 'unknown_account' : !ok ? 'wrong_password' : 'inactive' },
        });
        throw new AppError('unauthenticated', '用户名或密码错误');
      }
      await security.throttle.succeed(body.username);
      if (r.session) await security.sessions.end(r.session.sid, 'logout');
      let account = acc;
      if (needsRehash(acc.passwordHash)) {
        account = await rehashPassword(db, { accountId: acc.id, password: body.password });
        await security.log(r, { kind: 'password_rehashed', outcome: 'success', accountId: acc.id });
      }
      const policy = await security.policy.get();
      const stage: SessionStage = account.mfaSecret
        ? 'mfa_verify'
        : secondFactorRequired(policy, account)
          ? 'mfa_enrol'
          : 'full';
      const out = await signIn(deps, r, res, account, stage);
      await security.log(r, {
        kind: 'login_succeeded',
        outcome: 'success',
        accountId: account.id,
        username: account.username,
        role: account.role,
        details: { secondFactor: out.secondFactor },
      });
      return out;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/auth/me',
      tag: '登录',
      summary: '当前登录的账号',
      access: 'signed-in',
      response: { status: 200, description: '账号', schema: ZAccount },
      problems: ['unauthenticated'],
    },
    async ({ session }) => {
      const acc = await db.account.findUnique({ where: { id: session!.sub } });
      if (!acc?.active) throw new AppError('unauthenticated', '账号已停用');
      return accountJson(db, acc);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/logout',
      tag: '登录',
      summary: '退出登录：结束服务器端会话并清除会话 Cookie',
      access: 'public',
      limit: 'none',
      response: { status: 204, description: '已退出' },
    },
    async ({ req, res }) => {
      const r = req as AuthedRequest;
      const sid = r.session?.sid ?? r.pendingSession?.sid;
      if (sid && (await security.sessions.end(sid, 'logout')))
        await security.log(r, {
          kind: 'session_ended',
          outcome: 'success',
          accountId: r.session?.sub ?? r.pendingSession?.sub ?? null,
          role: r.session?.role ?? null,
          details: { reason: 'logout' },
        });
      clearSessionCookie(res);
      res.status(204).end();
      return undefined;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/password',
      tag: '登录',
      summary: '修改本人密码；修改后本账号的全部会话结束，须重新登录',
      description:
        '新密码须满足安全策略：长度、不属于常见密码、不含用户名、姓名或本区和本机关的名称。',
      access: 'signed-in',
      body: z.object({
        currentPassword: z.string().min(1).max(200),
        newPassword: z.string().min(1).max(200),
      }),
      response: { status: 204, description: '已修改' },
      problems: ['unauthenticated', 'unprocessable', 'too_many_requests'],
    },
    async ({ body, session, req, res }) => {
      const r = req as AuthedRequest;
      const acc = await db.account.findUniqueOrThrow({ where: { id: session!.sub } });
      await refuseWhileHeld(deps, r, acc.username);
      if (!(await verifyPassword(body.currentPassword, acc.passwordHash))) {
        await countFailure(deps, r, 'password', acc.username);
        await security.log(r, {
          kind: 'login_failed',
          outcome: 'failure',
          accountId: acc.id,
          username: acc.username,
          role: acc.role,
          details: { reason: 'wrong_current_password' },
        });
        throw new AppError('unprocessable', '当前密码不正确', [
          { path: 'body.currentPassword', message: '当前密码不正确' },
        ]);
      }
      await operate(async () =>
        setPassword(db, {
          account: acc,
          password: body.newPassword,
          field: 'body.newPassword',
          rules: await passwordRules(deps),
        }),
      );
      const ended = await security.sessions.endAll(acc.id, 'password_changed');
      await security.log(r, {
        kind: 'password_changed',
        outcome: 'success',
        accountId: acc.id,
        role: acc.role,
        details: { by: 'self', sessionsEnded: ended },
      });
      clearSessionCookie(res);
      res.status(204).end();
      return undefined;
    },
  );
  return router;
}

/** What the security policy and this authority ask of a new password. */
export async function passwordRules(deps: AppContext): Promise<PasswordRules> {
  const policy = await deps.security.policy.get();
  return {
    minLength: policy.passwords.minLength,
    places: [deps.config.DISTRICT_NAME, deps.config.AUTHORITY_NAME],
  };
}
