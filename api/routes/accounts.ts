import { Router } from 'express';
import { z } from 'zod';
import { ZSessionsResponse } from '../../contract/admin';
import { ZLookup, ZPage } from '../../contract/common';
import { personNameSchema } from '../../domain/text-rules';
import type { Account } from '../../generated/prisma/client';
import { accountToChange } from '../../operations/account/account-to-change';
import { changeAccountRole } from '../../operations/account/change-account-role';
import { createAccount } from '../../operations/account/create-account';
import { resetAccountMfa } from '../../operations/account/reset-account-mfa';
import { setAccountActive } from '../../operations/account/set-account-active';
import { setPassword } from '../../operations/account/set-password';
import {
  ACCOUNT_COLUMNS,
  ACCOUNT_ORDER,
  accountLookupWhere,
  accountWhere,
  ZAccountExportQuery,
  ZAccountListQuery,
  ZAccountLookupQuery,
} from '../account-list';
import type { AppContext } from '../app';
import type { AuthedRequest } from '../auth/authenticate';
import { ROLE_LABEL, roleSchema } from '../auth/session';
import type { EndReason } from '../auth/session-store';
import { readLookup } from '../lookup';
import { operate } from '../operations';
import { pagedQuery, readPage } from '../paging';
import { AppError } from '../problem';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import { exportList, exportResponse } from '../table-export';
import { passwordRules } from './auth';

/**
 * Accounts and sessions, the security administrator's work (三权分立, issue 13 point 10): the
 * system administrator runs the processes, the auditor reads the logs, and only the security
 * administrator makes accounts, gives roles, resets passwords and second factors. Every change
 * ends the account's sessions where it changes what they may do, and is logged.
 */

const TAG = '账号与安全';
const SECURITY_ADMIN = ['security_admin'] as const;
/** Who reads the accounts: the security side, and the office that picks people for a task. */
const ACCOUNT_READERS = ['administrator', 'section_head', 'security_admin', 'auditor'] as const;

const ZAccountRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,40}$/, '用户名为3至40位小写字母、数字或 _ . -'),
  displayName: personNameSchema,
  email: z.email(),
  role: roleSchema,
  password: z.string().min(1).max(200),
  organizationName: z.string().trim().min(2).max(100).optional(),
});

const ZAccountRow = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  organizationId: z.uuid().nullable(),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
});

const row = (a: Account) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  email: a.email,
  role: a.role,
  roleLabel: ROLE_LABEL[a.role],
  organizationId: a.organizationId,
  active: a.active,
  mfaEnabled: a.mfaSecret !== null,
});

const ZReason = z.object({ reason: z.string().trim().min(2).max(500) });

export function createAccountsRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db, security } = deps;

  /** The account to change: another one than the caller's own (no one lifts their own limits). */
  const target = (id: string, req: AuthedRequest) =>
    operate(() => accountToChange(db, id, req.session?.sub));

  /** Ends the account's sessions and logs the change (with the ended count). */
  const changed = async (
    req: AuthedRequest,
    acc: Account,
    change: string,
    end: EndReason | null,
    details: Record<string, string | null> = {},
  ) => {
    const ended = end ? await security.sessions.endAll(acc.id, end) : 0;
    await security.log(req, {
      kind: 'account_changed',
      outcome: 'success',
      accountId: req.session?.sub ?? null,
      role: req.session?.role ?? null,
      details: {
        change,
        targetAccountId: acc.id,
        targetUsername: acc.username,
        sessionsEnded: ended,
        ...details,
      },
    });
    (req.res?.locals as { logged?: boolean }).logged = true;
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/accounts',
      tag: TAG,
      summary: '账号列表（可按角色、是否启用、用户名或姓名、建立日期筛选）',
      access: ACCOUNT_READERS,
      query: ZAccountListQuery,
      response: { status: 200, description: '一页账号', schema: ZPage(ZAccountRow) },
    },
    async ({ query }) => {
      const where = accountWhere(query);
      return readPage(
        query,
        () => db.account.count({ where }),
        (page) => db.account.findMany({ where, orderBy: ACCOUNT_ORDER, ...page }),
        row,
      );
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/accounts/lookup',
      tag: TAG,
      summary: `选择人员（在用账号，按角色和用户名或姓名查找，最多${deps.config.LOOKUP_MAX}项）`,
      access: ACCOUNT_READERS,
      query: ZAccountLookupQuery,
      response: { status: 200, description: '账号', schema: ZLookup(ZAccountRow) },
    },
    async ({ query }) =>
      readLookup(
        deps.config.LOOKUP_MAX,
        (take) =>
          db.account.findMany({ where: accountLookupWhere(query), orderBy: ACCOUNT_ORDER, take }),
        row,
      ),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/accounts/export',
      tag: TAG,
      summary: '导出账号列表（Excel 或 CSV，筛选条件与列表相同）',
      description: `含电子邮箱，仅安全管理员和安全审计员可导出。最多导出${deps.config.EXPORT_MAX_ROWS}行。`,
      access: ['security_admin', 'auditor'],
      query: ZAccountExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, res }) => {
      const where = accountWhere(query);
      const { config } = deps;
      const opts = { format: query.format, title: '账号', creator: config.AUTHORITY_NAME };
      await exportList(res, { ...opts, maxRows: config.EXPORT_MAX_ROWS }, ACCOUNT_COLUMNS, {
        count: () => db.account.count({ where }),
        read: () => db.account.findMany({ where, orderBy: ACCOUNT_ORDER }),
      });
      return SENT;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/accounts',
      tag: TAG,
      summary: '新建账号（申请人账号同时建立其申请组织）；密码须符合安全策略',
      access: SECURITY_ADMIN,
      body: ZAccountRequest,
      response: { status: 201, description: '已新建', schema: ZAccountRow },
      problems: ['bad_request', 'conflict', 'unprocessable'],
    },
    async ({ body, req, res }) => {
      const created = await operate(async () =>
        createAccount(db, { ...body, rules: await passwordRules(deps) }),
      );
      await security.log(req as AuthedRequest, {
        kind: 'account_created',
        outcome: 'success',
        accountId: (req as AuthedRequest).session?.sub ?? null,
        role: 'security_admin',
        details: {
          targetAccountId: created.id,
          targetUsername: created.username,
          targetRole: created.role,
        },
      });
      res.locals.logged = true;
      res.status(201);
      return row(created);
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/accounts/:id/role',
      tag: TAG,
      summary: '变更账号角色（该账号的会话随即结束）',
      access: SECURITY_ADMIN,
      params: uuidParam,
      body: z.object({
        role: roleSchema,
        organizationName: z.string().trim().min(2).max(100).optional(),
      }),
      response: { status: 200, description: '已变更', schema: ZAccountRow },
      problems: ['not_found', 'conflict', 'bad_request'],
    },
    async ({ params, body, req }) => {
      const acc = await target(params.id, req as AuthedRequest);
      const updated = await operate(() =>
        changeAccountRole(db, {
          account: acc,
          role: body.role,
          organizationName: body.organizationName,
        }),
      );
      await changed(req as AuthedRequest, acc, 'role', 'role_changed', {
        from: acc.role,
        to: body.role,
      });
      return row(updated);
    },
  );

  for (const [verb, active, summary] of [
    ['deactivate', false, '停用账号（会话随即结束，不能再登录）'],
    ['activate', true, '重新启用账号'],
  ] as const) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/admin/accounts/:id/${verb}`,
        tag: TAG,
        summary,
        access: SECURITY_ADMIN,
        params: uuidParam,
        body: ZReason,
        response: { status: 200, description: '已变更', schema: ZAccountRow },
        problems: ['not_found', 'conflict'],
      },
      async ({ params, body, req }) => {
        const acc = await target(params.id, req as AuthedRequest);
        const updated = await setAccountActive(db, { accountId: acc.id, active });
        await changed(req as AuthedRequest, acc, verb, active ? null : 'deactivated', {
          reason: body.reason,
        });
        return row(updated);
      },
    );
  }

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/accounts/:id/password',
      tag: TAG,
      summary: '重置账号密码（会话随即结束；新密码须符合安全策略）',
      access: SECURITY_ADMIN,
      params: uuidParam,
      body: z.object({ newPassword: z.string().min(1).max(200) }),
      response: { status: 204, description: '已重置' },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, req, res }) => {
      const acc = await target(params.id, req as AuthedRequest);
      await operate(async () =>
        setPassword(db, {
          account: acc,
          password: body.newPassword,
          field: 'body.newPassword',
          rules: await passwordRules(deps),
        }),
      );
      await changed(req as AuthedRequest, acc, 'password_reset', 'password_reset');
      res.status(204).end();
      return undefined;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/accounts/:id/mfa-reset',
      tag: TAG,
      summary: '重置账号的动态验证码（丢失手机时）：下次登录须重新绑定',
      access: SECURITY_ADMIN,
      params: uuidParam,
      body: ZReason,
      response: { status: 200, description: '已重置', schema: ZAccountRow },
      problems: ['not_found', 'conflict'],
    },
    async ({ params, body, req }) => {
      const acc = await target(params.id, req as AuthedRequest);
      const updated = await resetAccountMfa(db, { accountId: acc.id });
      await changed(req as AuthedRequest, acc, 'mfa_reset', 'mfa_reset', { reason: body.reason });
      return row(updated);
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/sessions',
      tag: TAG,
      summary: '在用的会话（账号、登录时间、最近活动、来源地址）',
      access: SECURITY_ADMIN,
      query: pagedQuery({ accountId: z.uuid().optional() }),
      response: {
        status: 200,
        description: '会话（分页，最近活动在前）',
        schema: ZSessionsResponse,
      },
    },
    async ({ query }) => {
      const where = {
        endedAt: null,
        expiresAt: { gt: new Date() },
        ...(query.accountId ? { accountId: query.accountId } : {}),
      };
      return readPage(
        query,
        () => db.authSession.count({ where }),
        (page) =>
          db.authSession.findMany({
            where,
            orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
            ...page,
            include: { account: { select: { username: true, displayName: true, role: true } } },
          }),
        (s) => ({
          id: s.id,
          accountId: s.accountId,
          username: s.account.username,
          displayName: s.account.displayName,
          role: s.account.role,
          stage: s.stage,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          sourceIp: s.sourceIp,
        }),
      );
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/sessions/:id/end',
      tag: TAG,
      summary: '强制结束一个会话',
      access: SECURITY_ADMIN,
      params: uuidParam,
      body: ZReason,
      response: { status: 204, description: '已结束' },
      problems: ['not_found'],
    },
    async ({ params, body, req, res }) => {
      const s = await db.authSession.findUnique({ where: { id: params.id } });
      if (!s) throw new AppError('not_found', '没有找到该会话');
      if (await security.sessions.end(s.id, 'ended_by_admin')) {
        await security.log(req as AuthedRequest, {
          kind: 'session_ended',
          outcome: 'success',
          accountId: (req as AuthedRequest).session?.sub ?? null,
          role: 'security_admin',
          details: { reason: 'ended_by_admin', targetAccountId: s.accountId, why: body.reason },
        });
        res.locals.logged = true;
      }
      res.status(204).end();
      return undefined;
    },
  );
  return router;
}
