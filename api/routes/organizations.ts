import express, { Router } from 'express';
import { z } from 'zod';
import { signalOrganizationProfileChanged } from '../../client/grade-client';
import { localDateOf } from '../../domain/calendar';
import { buildCreditCode } from '../../domain/credit-code';
import { IMPORT_COLUMNS } from '../../domain/organization/import-row';
import { gradeInForce } from '../../domain/organization/profile';
import { appendAudit } from '../../lib/audit';
import type { Prisma } from '../../lib/db';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import { loadRegistrationRules } from '../../lib/rules/load-registration-rules';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { watchImportedGrades } from '../grade-watch';
import { importOrganizations } from '../organization-import';
import { AppError, hiddenFrom } from '../problem';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import {
  ZBudgetFundingRequest,
  ZFlagsRequest,
  ZImportQuery,
  ZInspectionParams,
  ZInspectionRequest,
  ZListOrganizationsQuery,
  ZPartyOrganizationRequest,
  ZPenaltyExecutedRequest,
  ZPenaltyParams,
  ZPenaltyRequest,
} from '../schemas/organization';
import { literal } from '../search-text';

/** Staff who read any organisation's profile; applicants read their own only. */
const STAFF = ['reviewer', 'section_head', 'bureau_head', 'administrator', 'purchaser', 'finance'];
const READERS = ['applicant', ...STAFF] as never[];
/** Who records inspections, penalties and list flags (the registration authority's staff). */
const KEEPERS = ['administrator', 'section_head'] as const;
const IMPORT_MAX_ROWS = 10_000;

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const actor = (s: Session) => ({ id: s.sub, name: s.name, role: s.role });

/** The profile if this caller may see it; another organisation's answers 404 (no existence leak). */
async function profileFor(deps: AppDeps, id: string, session: Session) {
  if (!STAFF.includes(session.role) && session.org !== id) throw hiddenFrom('未找到');
  const profile = await loadOrganizationProfile(deps.db, id);
  if (!profile) throw new AppError('not_found');
  return profile;
}

async function mustExist(deps: AppDeps, id: string) {
  const org = await deps.db.organization.findUnique({ where: { id }, select: { id: true } });
  if (!org) throw new AppError('not_found', '组织不存在');
}

export function createOrganizationsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  /**
   * A changed inspection, penalty or flag may trigger a grade downgrade (DOMAIN §4.3): the
   * organisation's grade workflow re-reads the profile. The change itself is committed already;
   * if Temporal does not answer, the signal is logged as missed and the change stands.
   */
  const changed = async (id: string) => {
    await signalOrganizationProfileChanged(
      deps.evaluation.client,
      id,
      deps.evaluation.limits,
    ).catch((err) =>
      deps.logger.warn(
        { organizationId: id, err: String(err) },
        'grade workflow not told of a profile change',
      ),
    );
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations',
      tag: '组织档案',
      summary: '组织档案列表',
      access: STAFF as never[],
      query: ZListOrganizationsQuery,
      response: { status: 200, description: '组织' },
    },
    async ({ query }) => {
      const where = {
        ...(query.q
          ? {
              OR: [
                { name: { contains: literal(query.q) } },
                { creditCode: { startsWith: literal(query.q.toUpperCase()) } },
              ],
            }
          : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.legalForm ? { legalForm: query.legalForm } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.graded === undefined
          ? {}
          : {
              grades: query.graded
                ? { some: { status: 'active' as const } }
                : { none: { status: 'active' as const } },
            }),
      };
      const [total, rows] = await Promise.all([
        db.organization.count({ where }),
        db.organization.findMany({
          where,
          orderBy: [{ name: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
          include: { grades: { where: { status: 'active' } } },
        }),
      ]);
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((o) => ({
          id: o.id,
          name: o.name,
          creditCode: o.creditCode,
          status: o.status,
          legalForm: o.legalForm,
          category: o.category,
          registeredOn: o.registeredAt ? localDateOf(o.registeredAt.getTime()) : null,
          activeGrade: o.grades[0]
            ? {
                level: o.grades[0].level,
                expiresOn: o.grades[0].expiresOn.toISOString().slice(0, 10),
              }
            : null,
        })),
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations/:id',
      tag: '组织档案',
      summary: '组织档案：年检、处罚、名录标记与等级',
      access: READERS,
      params: uuidParam,
      response: { status: 200, description: '组织档案' },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const profile = await profileFor(deps, params.id, session!);
      return { ...profile, gradeInForce: gradeInForce(profile, localDateOf(Date.now())) };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations/:id/grades',
      tag: '组织档案',
      summary: '等级评估历史',
      access: READERS,
      params: uuidParam,
      response: { status: 200, description: '等级记录（按授予日期）' },
      problems: ['not_found'],
    },
    async ({ params, session }) => ({
      items: (await profileFor(deps, params.id, session!)).grades,
    }),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations/:id/audit',
      tag: '组织档案',
      summary: '档案变更记录',
      access: STAFF as never[],
      params: uuidParam,
      response: { status: 200, description: '记录' },
      problems: ['not_found'],
    },
    async ({ params }) => {
      await mustExist(deps, params.id);
      const rows = await db.auditEntry.findMany({
        where: { subjectType: 'organization', subjectId: params.id },
        orderBy: { seq: 'asc' },
      });
      // The chain position is a bigint; JSON carries it as a number.
      return { items: rows.map((r) => ({ ...r, chainSeq: Number(r.chainSeq) })) };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/organizations/import-template',
      tag: '组织档案',
      summary: '导入模板（CSV 表头与一行示例）',
      access: KEEPERS,
      response: { status: 200, description: 'CSV', contentType: 'text/csv' },
    },
    async ({ res }) => {
      const header = Object.values(IMPORT_COLUMNS).join(',');
      const code = buildCreditCode({
        legalForm: 'social_group',
        divisionCode: deps.config.DISTRICT_CODE,
        body8: 'MJ000001',
      });
      const sample = `${code},常州市钟楼区示例慈善协会,社会团体,公益慈善类,2015-06-01,常州市钟楼区示例路1号,张三,直接登记,,contact@example.org,,2023:合格;2024:基本合格,3A,2022-12-01,2027-12-01,区`;
      res
        .type('text/csv; charset=utf-8')
        .attachment('organization-import-template.csv')
        .send(`\uFEFF${header}\n${sample}\n`);
      return SENT;
    },
  );

  router.post(
    '/api/admin/organizations/import',
    express.text({ type: ['text/csv', 'text/plain'], limit: deps.config.IMPORT_BODY_LIMIT }),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/organizations/import',
      limit: 'expensive',
      tag: '组织档案',
      summary: '从 CSV 导入存量组织（逐行校验，报告被拒行及原因）',
      description:
        '请求体为 UTF-8 CSV（text/csv），第一行为表头，可用中文列名或字段名。dryRun=true 只校验不写入。按统一社会信用代码更新已有组织，重复导入不产生重复记录。',
      access: KEEPERS,
      query: ZImportQuery,
      body: z.string({ error: '请求体应为 text/csv' }).min(1, 'CSV 为空'),
      bodyContentType: 'text/csv',
      response: { status: 200, description: '导入报告' },
      problems: ['bad_request', 'payload_too_large', 'unprocessable'],
    },
    async ({ query, body, session }) => {
      const now = new Date();
      const rules = await loadRegistrationRules(db, deps.config.DISTRICT_CODE, now.getTime());
      const report = await importOrganizations(db, body, {
        actor: actor(session!),
        now,
        today: localDateOf(now.getTime()),
        dryRun: query.dryRun,
        maxRows: IMPORT_MAX_ROWS,
        position17: rules.policy.creditCode.position17,
      });
      if (report.dryRun || report.imported.length === 0) return report;
      const watched = await watchImportedGrades(
        { db, evaluation: deps.evaluation, districtCode: deps.config.DISTRICT_CODE },
        report.imported,
      );
      return { ...report, gradesWatched: watched };
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/inspections/:year',
      tag: '组织档案',
      summary: '登记某年度年检结果',
      access: KEEPERS,
      params: ZInspectionParams,
      body: ZInspectionRequest,
      response: { status: 200, description: '已登记' },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await mustExist(deps, params.id);
      const now = new Date();
      if (params.year >= Number(localDateOf(now.getTime()).slice(0, 4)))
        throw new AppError('unprocessable', `${params.year}年度的年检尚未进行`);
      await db.$transaction(async (tx) => {
        await tx.annualInspection.upsert({
          where: { organizationId_year: { organizationId: params.id, year: params.year } },
          create: {
            organizationId: params.id,
            year: params.year,
            result: body.result,
            recordedById: session!.sub,
          },
          update: { result: body.result, recordedById: session!.sub, recordedAt: now },
        });
        await appendAudit(tx, {
          subjectType: 'organization',
          subjectId: params.id,
          at: now,
          actor: actor(session!),
          action: 'inspection_recorded',
          reason: body.reason ?? null,
          details: { year: params.year, result: body.result },
        });
      });
      await changed(params.id);
      return loadOrganizationProfile(db, params.id);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/organizations/:id/penalties',
      tag: '组织档案',
      summary: '登记行政处罚',
      access: KEEPERS,
      params: uuidParam,
      body: ZPenaltyRequest,
      response: { status: 201, description: '已登记' },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await mustExist(deps, params.id);
      const now = new Date();
      const today = localDateOf(now.getTime());
      if (body.decidedOn > today || (body.executedOn && body.executedOn > today))
        throw new AppError('unprocessable', '处罚日期不能晚于今天');
      const dup = await db.penalty.findUnique({
        where: {
          organizationId_decisionNo: { organizationId: params.id, decisionNo: body.decisionNo },
        },
      });
      if (dup) throw new AppError('conflict', `处罚决定书 ${body.decisionNo} 已登记`);
      const penalty = await db.$transaction(async (tx) => {
        const p = await tx.penalty.create({
          data: {
            organizationId: params.id,
            decisionNo: body.decisionNo,
            kind: body.kind,
            decidedOn: day(body.decidedOn),
            executedOn: body.executedOn ? day(body.executedOn) : null,
            description: body.description ?? null,
            recordedById: session!.sub,
          },
        });
        await appendAudit(tx, {
          subjectType: 'organization',
          subjectId: params.id,
          at: now,
          actor: actor(session!),
          action: 'penalty_recorded',
          details: {
            penaltyId: p.id,
            decisionNo: p.decisionNo,
            kind: p.kind,
            decidedOn: body.decidedOn,
          },
        });
        return p;
      });
      await changed(params.id);
      return penalty;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/organizations/:id/penalties/:penaltyId/executed',
      tag: '组织档案',
      summary: '登记处罚执行完毕',
      access: KEEPERS,
      params: ZPenaltyParams,
      body: ZPenaltyExecutedRequest,
      response: { status: 200, description: '已登记' },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      const p = await db.penalty.findFirst({
        where: { id: params.penaltyId, organizationId: params.id },
      });
      if (!p) throw new AppError('not_found', '处罚记录不存在');
      if (p.executedOn) throw new AppError('conflict', '该处罚已登记执行完毕');
      const decided = p.decidedOn.toISOString().slice(0, 10);
      const now = new Date();
      if (body.executedOn < decided || body.executedOn > localDateOf(now.getTime()))
        throw new AppError('unprocessable', '执行完毕日期应在处罚决定日期与今天之间');
      const updated = await db.$transaction(async (tx) => {
        const u = await tx.penalty.update({
          where: { id: p.id },
          data: { executedOn: day(body.executedOn) },
        });
        await appendAudit(tx, {
          subjectType: 'organization',
          subjectId: params.id,
          at: now,
          actor: actor(session!),
          action: 'penalty_executed',
          details: { penaltyId: p.id, executedOn: body.executedOn },
        });
        return u;
      });
      await changed(params.id);
      return updated;
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/flags',
      tag: '组织档案',
      summary: '列入或移出活动异常名录、严重违法失信名单，登记立案调查',
      access: KEEPERS,
      params: uuidParam,
      body: ZFlagsRequest,
      response: { status: 200, description: '已变更' },
      problems: ['not_found'],
    },
    async ({ params, body, session }) => {
      await mustExist(deps, params.id);
      const now = new Date();
      const since = (on: boolean | undefined, current: Date | null) =>
        on === undefined ? undefined : on ? (current ?? now) : null;
      await db.$transaction(async (tx) => {
        const org = await tx.organization.findUniqueOrThrow({ where: { id: params.id } });
        await tx.organization.update({
          where: { id: params.id },
          data: {
            abnormalListedAt: since(body.abnormalListed, org.abnormalListedAt),
            dishonestListedAt: since(body.dishonestListed, org.dishonestListedAt),
            underInvestigationSince: since(body.underInvestigation, org.underInvestigationSince),
            ...(body.investigationNote === undefined
              ? {}
              : { investigationNote: body.investigationNote }),
          },
        });
        await appendAudit(tx, {
          subjectType: 'organization',
          subjectId: params.id,
          at: now,
          actor: actor(session!),
          action: 'flags_changed',
          reason: body.reason,
          details: {
            abnormalListed: body.abnormalListed ?? null,
            dishonestListed: body.dishonestListed ?? null,
            underInvestigation: body.underInvestigation ?? null,
          },
        });
      });
      await changed(params.id);
      return loadOrganizationProfile(db, params.id);
    },
  );

  /** One fact an official records on a profile: the columns and the audit entry together. */
  async function recordFact(
    id: string,
    session: Session,
    f: {
      data: (now: Date) => Prisma.OrganizationUpdateInput;
      action: string;
      reason: string;
      details: Prisma.InputJsonObject;
    },
  ) {
    await mustExist(deps, id);
    const now = new Date();
    await db.$transaction(async (tx) => {
      await tx.organization.update({ where: { id }, data: f.data(now) });
      await appendAudit(tx, {
        subjectType: 'organization',
        subjectId: id,
        at: now,
        actor: actor(session),
        action: f.action,
        reason: f.reason,
        details: f.details,
      });
    });
    return loadOrganizationProfile(db, id);
  }

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/party-organization',
      tag: '组织档案',
      summary: '登记是否已建立党组织（评估5A可要求建立党组织）',
      access: KEEPERS,
      params: uuidParam,
      body: ZPartyOrganizationRequest,
      response: { status: 200, description: '已登记' },
      problems: ['not_found', 'unprocessable'],
    },
    ({ params, body, session }) =>
      recordFact(params.id, session!, {
        data: (now) => ({ hasPartyOrganization: body.present, partyOrgRecordedAt: now }),
        action: 'party_organization_recorded',
        reason: body.reason,
        details: { present: body.present },
      }),
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/budget-funding',
      tag: '组织档案',
      summary:
        '登记是否使用事业编制且由财政拨款保障（此类组织不得承接政府购买服务，财政部令第102号第八条）',
      access: KEEPERS,
      params: uuidParam,
      body: ZBudgetFundingRequest,
      response: { status: 200, description: '已登记' },
      problems: ['not_found', 'unprocessable'],
    },
    ({ params, body, session }) =>
      recordFact(params.id, session!, {
        data: (now) => ({ budgetFundedStaffing: body.budgetFunded, budgetFundingRecordedAt: now }),
        action: 'budget_funding_recorded',
        reason: body.reason,
        details: { budgetFunded: body.budgetFunded },
      }),
  );

  return router;
}
