import { Router } from 'express';
import { z } from 'zod';
import type { Account } from '../../generated/prisma/client';
import { verifyPassword } from '../../lib/password';
import type { AppDeps } from '../app';
import { SESSION_COOKIE } from '../auth/authenticate';
import { LoginThrottle } from '../auth/login-throttle';
import { ROLE_LABEL, roleSchema, signSession } from '../auth/session';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';

const ZAccount = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    roleLabel: z.string(),
    organizationId: z.uuid().nullable(),
    /** Whether the account's organisation is registered already (no new registration for it). */
    organizationRegistered: z.boolean(),
  })
  .meta({ id: 'Account' });

const accountJson = async (db: AppDeps['db'], acc: Account) => ({
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
});

// A fixed hash to compare against when the user does not exist: same cost, no user enumeration.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function createAuthRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const throttle = new LoginThrottle();
  const ttl = deps.config.SESSION_TTL_MINUTES * 60;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/login',
      tag: '登录',
      summary: '用户名和密码登录，返回会话令牌（Bearer）并设置会话 Cookie',
      access: 'public',
      body: z.object({
        username: z.string().trim().min(1).max(100),
        password: z.string().min(1).max(200),
      }),
      response: {
        status: 200,
        description: '已登录',
        schema: z.object({ token: z.string(), expiresAt: z.string(), account: ZAccount }),
      },
      problems: ['bad_request', 'unauthenticated', 'too_many_requests'],
    },
    async ({ body, req, res }) => {
      const key = `${body.username.toLowerCase()}|${req.ip}`;
      if (throttle.blocked(key))
        throw new AppError('too_many_requests', '登录失败次数过多，请15分钟后再试');
      const acc = await deps.db.account.findUnique({ where: { username: body.username } });
      const ok = await verifyPassword(body.password, acc?.passwordHash ?? DUMMY_HASH);
      if (!acc || !ok || !acc.active) {
        throttle.fail(key);
        throw new AppError('unauthenticated', '用户名或密码错误');
      }
      throttle.reset(key);
      const { token, expiresAt } = signSession(
        deps.sessionSecret,
        { sub: acc.id, name: acc.displayName, role: acc.role, org: acc.organizationId },
        ttl,
      );
      res.cookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        maxAge: ttl * 1000,
        path: '/',
      });
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        account: await accountJson(deps.db, acc),
      };
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
      const acc = await deps.db.account.findUnique({ where: { id: session!.sub } });
      if (!acc?.active) throw new AppError('unauthenticated', '账号已停用');
      return accountJson(deps.db, acc);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/logout',
      tag: '登录',
      summary: '退出登录（清除会话 Cookie）',
      access: 'public',
      response: { status: 204, description: '已退出' },
    },
    async ({ res }) => {
      res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
      return undefined;
    },
  );
  return router;
}
