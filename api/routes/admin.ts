import { Router } from 'express';
import { z } from 'zod';
import { holidayYearSchema } from '../../domain/calendar-schema';
import type { Prisma } from '../../lib/db';
import { jurisdictionChain } from '../../lib/rules/jurisdictions';
import { loadCalendar } from '../../lib/rules/load-registration-rules';
import { loadRuleLayers, RuleSetError } from '../../lib/rules/load-rule-layers';
import { POLICY_PROCESSES, POLICY_SCHEMAS } from '../../lib/rules/policy-schemas';
import { OPEN_STATUSES } from '../../workflows/registration/view-types';
import type { AppContext } from '../app';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';

const ADMIN = ['administrator'] as const;

/** Any process's parse result: the policy is shown as it is, whatever its shape. */
type ParseResult =
  | { success: true; data: unknown }
  | { success: false; error: { message: string } };

/** Setting names the policy does not know (typos would otherwise be dropped silently). */
function unknownKeys(input: unknown, parsed: unknown, path: string[] = []): string[] {
  if (
    !input ||
    typeof input !== 'object' ||
    Array.isArray(input) ||
    !parsed ||
    typeof parsed !== 'object'
  )
    return [];
  return Object.entries(input).flatMap(([k, v]) =>
    k in (parsed as object)
      ? unknownKeys(v, (parsed as Record<string, unknown>)[k], [...path, k])
      : [[...path, k].join('.')],
  );
}

const ZRuleSetRequest = z.object({
  process: z.enum(POLICY_PROCESSES),
  version: z.string().trim().min(1).max(60),
  jurisdiction: z.string().regex(/^\d{6}$/, '行政区划代码为6位数字'),
  effectiveFrom: z.iso
    .date()
    .refine((d) => d >= '1949-10-01' && d <= '2999-12-31', '生效日期超出范围'),
  settings: z.record(z.string(), z.unknown()),
  note: z.string().max(2000).optional(),
});

export function createAdminRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/rule-sets',
      tag: '管理',
      summary: '规则版本列表',
      access: ['administrator', 'security_admin', 'auditor'],
      response: { status: 200, description: '规则版本' },
    },
    async () => ({
      items: await db.ruleSet.findMany({
        orderBy: [{ process: 'asc' }, { effectiveFrom: 'desc' }],
      }),
    }),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/rule-sets',
      tag: '管理',
      summary: '新增规则版本（只存与上级规则不同的设置；已有版本不可修改）',
      description:
        '安全策略（process = security）只由安全管理员设定，其余流程的规则只由系统管理员设定（三权分立）。',
      access: ['administrator', 'security_admin'],
      body: ZRuleSetRequest,
      response: { status: 201, description: '已新增' },
      problems: ['bad_request', 'conflict', 'unprocessable', 'forbidden'],
    },
    async ({ body, session }) => {
      const owner = body.process === 'security' ? 'security_admin' : 'administrator';
      if (session!.role !== owner)
        throw new AppError(
          'forbidden',
          owner === 'security_admin'
            ? '安全策略只能由安全管理员设定'
            : '业务规则只能由系统管理员设定',
        );
      if (!jurisdictionChain(deps.config.DISTRICT_CODE).includes(body.jurisdiction)) {
        throw new AppError('unprocessable', `行政区划 ${body.jurisdiction} 不在本机关的规则层级内`);
      }
      const trial = POLICY_SCHEMAS[body.process].safeParse(body.settings);
      if (!trial.success) {
        throw new AppError(
          'unprocessable',
          '规则设置无效',
          trial.error.issues.map((i) => ({
            path: ['body', 'settings', ...i.path.map(String)].join('.'),
            message: i.message,
          })),
        );
      }
      const unknown = unknownKeys(body.settings, trial.data);
      if (unknown.length > 0) {
        throw new AppError(
          'unprocessable',
          '规则设置含有未知的设置项',
          unknown.map((k) => ({ path: `body.settings.${k}`, message: '未知的设置项' })),
        );
      }
      const exists = await db.ruleSet.findUnique({
        where: { process_version: { process: body.process, version: body.version } },
      });
      if (exists)
        throw new AppError('conflict', `版本 ${body.version} 已存在；规则版本不可修改，请新增版本`);
      const created = await db.ruleSet.create({
        data: {
          ...body,
          effectiveFrom: new Date(`${body.effectiveFrom}T00:00:00Z`),
          settings: body.settings as Prisma.InputJsonValue,
          createdById: session!.sub,
        },
      });
      if (body.process === 'security') deps.security.policy.invalidate();
      return created;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/policy/:process',
      tag: '规则',
      summary:
        '今天生效的某一事项规则（登记、评估、创投、购买服务、工作目标；合并各级规则后的完整设置）',
      access: 'signed-in',
      params: z.object({ process: z.enum(POLICY_PROCESSES, '没有该事项的规则') }),
      response: { status: 200, description: '规则' },
      problems: ['bad_request', 'conflict'],
    },
    async ({ params }) => {
      const now = Date.now();
      const calendar = await loadCalendar(db);
      const schema: { safeParse: (s: unknown) => ParseResult } = POLICY_SCHEMAS[params.process];
      const r = await loadRuleLayers(db, params.process, deps.config.DISTRICT_CODE, now, (s) =>
        schema.safeParse(s),
      ).catch((e: unknown) => {
        if (e instanceof RuleSetError) throw new AppError('conflict', e.message);
        throw e;
      });
      return { ruleSet: r.ref, policy: r.policy, calendarYears: Object.keys(calendar.years) };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/holiday-calendars',
      tag: '管理',
      summary: '已载入的节假日安排',
      access: 'signed-in',
      response: { status: 200, description: '各年度' },
    },
    async () => ({ items: Object.values((await loadCalendar(db)).years) }),
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/holiday-calendars/:year',
      tag: '管理',
      summary: '载入或更正某年的节假日和调休上班日；进行中的申请随即按新日历重算期限',
      access: ADMIN,
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: holidayYearSchema,
      response: { status: 200, description: '已载入' },
      problems: ['bad_request', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      if (body.year !== params.year)
        throw new AppError('unprocessable', '路径中的年份与内容不一致');
      await db.holidayCalendarYear.upsert({
        where: { year: body.year },
        create: { ...body, loadedById: session!.sub },
        update: { ...body, loadedById: session!.sub, loadedAt: new Date() },
      });
      const calendar = await loadCalendar(db);
      const open = await db.registration.findMany({
        where: { status: { in: [...OPEN_STATUSES] }, workflowStartedAt: { not: null } },
        select: { id: true },
      });
      const signalled = await deps.registrations.signalCalendar(
        open.map((r) => r.id),
        calendar,
      );
      return { year: body.year, recalculated: signalled };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/outbox',
      tag: '管理',
      summary: '邮件发件箱（含发送状态；“待核实”表示发送中断，需人工确认）',
      access: ADMIN,
      query: z.object({ status: z.enum(['pending', 'sending', 'sent', 'uncertain']).optional() }),
      response: { status: 200, description: '最近200封' },
    },
    async ({ query }) => ({
      items: await db.outboxMail.findMany({
        where: query.status ? { status: query.status } : {},
        orderBy: { createdAt: 'desc' },
        take: 200,
        select: {
          id: true,
          key: true,
          toAddress: true,
          subject: true,
          status: true,
          attempts: true,
          lastError: true,
          createdAt: true,
          sentAt: true,
        },
      }),
    }),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/outbox/:id/resend',
      tag: '管理',
      summary: '核实后重发一封“待核实”的邮件',
      access: ADMIN,
      params: uuidParam,
      response: { status: 200, description: '已重新排队' },
      problems: ['not_found', 'conflict'],
    },
    async ({ params }) => {
      const r = await db.outboxMail.updateMany({
        where: { id: params.id, status: 'uncertain' },
        data: { status: 'pending', nextAttemptAt: new Date() },
      });
      if (r.count === 0) throw new AppError('conflict', '只有“待核实”的邮件可以重发');
      return { id: params.id, status: 'pending' };
    },
  );

  return router;
}
