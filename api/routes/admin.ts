import { Router } from 'express';
import { z } from 'zod';
import {
  ZHolidayCalendarsResponse,
  ZHolidayLoadedResponse,
  ZOutboxMail,
  ZOutboxResendResponse,
  ZPolicyResponse,
} from '../../contract/admin';
import { holidayYearSchema } from '../../domain/calendar-schema';
import { loadCalendar } from '../../lib/rules/load-registration-rules';
import { loadRuleLayers, RuleSetError } from '../../lib/rules/load-rule-layers';
import { POLICY_PROCESSES, POLICY_SCHEMAS } from '../../lib/rules/policy-schemas';
import { loadHolidayYear } from '../../operations/admin/load-holiday-year';
import { resendOutboxMail } from '../../operations/admin/resend-outbox-mail';
import { OPEN_STATUSES } from '../../workflows/registration/view-types';
import type { AppContext } from '../app';
import { operate, operatorOf } from '../operations';
import { dateRange, dateRangeShape, pagedQuery, readPage, ZPage } from '../paging';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';

const ADMIN = ['administrator'] as const;

/** Any process's parse result: the policy is shown as it is, whatever its shape. */
type ParseResult =
  | { success: true; data: unknown }
  | { success: false; error: { message: string } };

export function createAdminRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db } = deps;

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
      response: { status: 200, description: '规则', schema: ZPolicyResponse },
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
      response: { status: 200, description: '各年度', schema: ZHolidayCalendarsResponse },
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
      response: { status: 200, description: '已载入', schema: ZHolidayLoadedResponse },
      problems: ['bad_request', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        loadHolidayYear(db, { pathYear: params.year, year: body, actor: operatorOf(session!) }),
      );
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
      query: pagedQuery({
        status: z.enum(['pending', 'sending', 'sent', 'uncertain']).optional(),
        /** Queued on or after / on or before these days (China Standard Time). */
        ...dateRangeShape,
      }),
      response: { status: 200, description: '一页邮件，最新的在前', schema: ZPage(ZOutboxMail) },
    },
    async ({ query }) => {
      const createdAt = dateRange(query);
      const where = {
        ...(query.status ? { status: query.status } : {}),
        ...(createdAt ? { createdAt } : {}),
      };
      return readPage(
        query,
        () => db.outboxMail.count({ where }),
        (page) =>
          db.outboxMail.findMany({
            where,
            orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
            ...page,
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
        (m) => m,
      );
    },
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
      response: { status: 200, description: '已重新排队', schema: ZOutboxResendResponse },
      problems: ['not_found', 'conflict'],
    },
    async ({ params, session }) =>
      operate(() => resendOutboxMail(db, { id: params.id, actor: operatorOf(session!) })),
  );

  return router;
}
