import express, { Router } from 'express';
import { z } from 'zod';
import { signalOrganizationProfileChanged } from '../../client/grade-client';
import * as O from '../../contract/organization';
import { localDateOf } from '../../domain/calendar';
import { buildCreditCode } from '../../domain/credit-code';
import { IMPORT_COLUMNS } from '../../domain/organization/import-row';
import { gradeInForce } from '../../domain/organization/profile';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import { loadRegistrationRules } from '../../lib/rules/load-registration-rules';
import { changeOrganizationFlags } from '../../operations/organization/change-organization-flags';
import { importOrganizations } from '../../operations/organization/import-organizations';
import { recordInspection } from '../../operations/organization/record-inspection';
import {
  recordBudgetFunding,
  recordPartyOrganization,
} from '../../operations/organization/record-organization-fact';
import { recordPenalty } from '../../operations/organization/record-penalty';
import { recordPenaltyExecuted } from '../../operations/organization/record-penalty-executed';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { watchImportedGrades } from '../grade-watch';
import { operate } from '../operations';
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
      response: { status: 200, description: '组织', schema: O.ZOrganizationPage },
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
      response: { status: 200, description: '组织档案', schema: O.ZOrganizationDetail },
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
      response: {
        status: 200,
        description: '等级记录（按授予日期）',
        schema: O.ZOrganizationGrades,
      },
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
      response: { status: 200, description: '记录', schema: O.ZOrganizationAudit },
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
      response: { status: 200, description: '导入报告', schema: O.ZImportReport },
      problems: ['bad_request', 'payload_too_large', 'unprocessable'],
    },
    async ({ query, body, session }) => {
      const now = new Date();
      const rules = await loadRegistrationRules(db, deps.config.DISTRICT_CODE, now.getTime());
      const report = await operate(() =>
        importOrganizations(db, body, {
          actor: actor(session!),
          now,
          today: localDateOf(now.getTime()),
          dryRun: query.dryRun,
          maxRows: IMPORT_MAX_ROWS,
          position17: rules.policy.creditCode.position17,
        }),
      );
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
      response: { status: 200, description: '已登记', schema: O.ZOrganizationProfile },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        recordInspection(db, { ...body, id: params.id, year: params.year, actor: actor(session!) }),
      );
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
      response: { status: 201, description: '已登记', schema: O.ZPenalty },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      const penalty = await operate(() =>
        recordPenalty(db, { ...body, id: params.id, actor: actor(session!) }),
      );
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
      response: { status: 200, description: '已登记', schema: O.ZPenalty },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      const updated = await operate(() =>
        recordPenaltyExecuted(db, {
          id: params.id,
          penaltyId: params.penaltyId,
          executedOn: body.executedOn,
          actor: actor(session!),
        }),
      );
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
      response: { status: 200, description: '已变更', schema: O.ZOrganizationProfile },
      problems: ['not_found'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        changeOrganizationFlags(db, { ...body, id: params.id, actor: actor(session!) }),
      );
      await changed(params.id);
      return loadOrganizationProfile(db, params.id);
    },
  );

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
      response: { status: 200, description: '已登记', schema: O.ZOrganizationProfile },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        recordPartyOrganization(db, { ...body, id: params.id, actor: actor(session!) }),
      );
      return loadOrganizationProfile(db, params.id);
    },
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
      response: { status: 200, description: '已登记', schema: O.ZOrganizationProfile },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        recordBudgetFunding(db, { ...body, id: params.id, actor: actor(session!) }),
      );
      return loadOrganizationProfile(db, params.id);
    },
  );

  return router;
}
