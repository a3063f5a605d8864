import { Router } from 'express';
import { z } from 'zod';
import type { CatalogueItemSnapshot } from '../../domain/purchase/catalogue';
import type { PurchaseProject } from '../../generated/prisma/client';
import type { Prisma } from '../../lib/db';
import { buildReleasePackage } from '../../lib/ocds/build-release-package';
import { validateReleasePackage } from '../../lib/ocds/validate-release-package';
import { createPurchaseProject } from '../../operations/purchase/create-purchase-project';
import { CONTRACT_STAGE_STATUSES, contractWorkflowId } from '../../workflows/purchase/messages';
import {
  PURCHASE_STATUS_LABEL,
  type PurchaseStatus,
  type PurchaseView,
} from '../../workflows/purchase/view-types';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { registerSeatRoute, seatedEvaluators, seatsOf } from '../evaluator-seats';
import { offeredTo } from '../offers';
import { operate } from '../operations';
import { dateRange, readPage } from '../paging';
import { AppError } from '../problem';
import { purchaseFor, viewFor } from '../purchase-access';
import { temporalUrl } from '../registration-access';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import {
  ZCreateProjectRequest,
  ZOcdsQuery,
  ZProjectDetail,
  ZProjectExportQuery,
  ZProjectList,
  ZProjectListQuery,
  ZProjectSummary,
} from '../schemas/purchase';
import { type Column, exportResponse, sendTable } from '../table-export';
import { PURCHASE_ACTIONS, purchaseActor } from './purchase-actions';
import { toCatalogueJson } from './purchase-catalogue';

const TAG = '政府购买服务';
const READERS = ['purchaser', 'finance', 'administrator', 'evaluator', 'applicant'] as const;

/** Newest first; the id breaks ties so that pages neither repeat nor skip a row. */
const PROJECT_ORDER: Prisma.PurchaseProjectOrderByWithRelationInput[] = [
  { createdAt: 'desc' },
  { id: 'asc' },
];

/**
 * What a caller may list: an applicant the notices open for responses and the projects its
 * organisation answered; an expert those it reviews or evaluates; officials all.
 */
async function projectWhere(
  db: AppDeps['db'],
  query: { status?: string; from?: string; to?: string },
  s: Session,
): Promise<Prisma.PurchaseProjectWhereInput> {
  const scope: Prisma.PurchaseProjectWhereInput =
    s.role === 'applicant'
      ? { OR: [{ status: 'tendering' }, { respondentOrgIds: { has: s.org ?? '-' } }] }
      : s.role === 'evaluator'
        ? {
            OR: [
              { expertIds: { has: s.sub } },
              { id: { in: await seatsOf(db, 'purchase', s.sub) } },
            ],
          }
        : {};
  const createdAt = dateRange(query);
  return {
    AND: [scope, query.status ? { status: query.status } : {}, createdAt ? { createdAt } : {}],
  };
}

const PROJECT_COLUMNS: Column<PurchaseProject>[] = [
  { header: '项目编号', value: (p) => p.projectNo, width: 22 },
  { header: '项目名称', value: (p) => p.title, width: 30 },
  { header: '购买主体', value: (p) => p.department, width: 20 },
  { header: '预算年度', kind: 'count', value: (p) => p.budgetYear },
  { header: '预算金额（元）', kind: 'yuan', value: (p) => p.budgetFen },
  {
    header: '状态',
    value: (p) => PURCHASE_STATUS_LABEL[p.status as PurchaseStatus] ?? p.status,
    width: 26,
  },
  { header: '成交金额（元）', kind: 'yuan', value: (p) => p.awardedAmountFen },
  { header: '确定承接主体时间', kind: 'time', value: (p) => p.awardedAt },
  { header: '合同金额（元）', kind: 'yuan', value: (p) => p.contractAmountFen },
  { header: '合同签订时间', kind: 'time', value: (p) => p.contractSignedAt },
  { header: '已支付（元）', kind: 'yuan', value: (p) => p.paidFen },
  { header: '建立时间', kind: 'time', value: (p) => p.createdAt },
];

const summary = (p: PurchaseProject) => ({
  id: p.id,
  projectNo: p.projectNo,
  ocid: p.ocid,
  title: p.title,
  department: p.department,
  purchaserKind: p.purchaserKind,
  status: p.status,
  method: p.method,
  budgetFen: Number(p.budgetFen),
  budgetYear: p.budgetYear,
  catalogueClass: p.catalogueClass,
});

/** The project's and its contract's workflows in the Temporal Web UI, for administrators. */
function workflowLinks(p: PurchaseProject, session: Session, config: AppDeps['config']) {
  if (session.role !== 'administrator') return {};
  const url = (id: string) => temporalUrl(config.TEMPORAL_UI_URL, config.TEMPORAL_NAMESPACE, id);
  const signed = (CONTRACT_STAGE_STATUSES as readonly string[]).includes(p.status);
  return {
    temporalUrl: url(p.workflowId),
    contractTemporalUrl: signed ? url(contractWorkflowId(p.id)) : null,
  };
}

export function createPurchaseProjectsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;

  /** The live view, or the last projection once the workflow's history is gone or is slow. */
  const liveView = async (p: PurchaseProject): Promise<PurchaseView> => {
    // From signing on, the contract's child workflow holds the project's state.
    const contractStage = (CONTRACT_STAGE_STATUSES as readonly string[]).includes(p.status);
    // A workflow that does not answer quickly (no worker, Temporal away): the stored view.
    const quick = config.LIVE_VIEW_TIMEOUT_MS;
    const live = await Promise.resolve(
      contractStage ? deps.purchases.status(p.id, 'contract', quick) : null,
    )
      .then(async (v) => v ?? (await deps.purchases.status(p.id, 'project', quick)))
      .catch(() => null);
    if (live) return live;
    const stored = p.view as unknown as PurchaseView | null;
    if (!stored) throw new AppError('conflict', '项目流程尚未启动，请稍后重试');
    // The stored view has no trail: it is in the audit log.
    const rows = await db.auditEntry.findMany({
      where: { subjectType: 'purchase', subjectId: p.id },
      orderBy: { seq: 'asc' },
    });
    const trail = rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actor: { id: r.actorId, name: r.actorName, role: r.actorRole },
      action: r.action,
      from: r.fromStatus as PurchaseView['status'],
      to: r.toStatus as PurchaseView['status'],
      ...(r.reason ? { reason: r.reason } : {}),
    }));
    return { ...stored, trail };
  };

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/purchases',
      tag: TAG,
      summary: '购买主体确定需求：从现行目录项目建立购买服务项目（含绩效目标与预算）',
      access: ['purchaser'],
      body: ZCreateProjectRequest,
      response: { status: 201, description: '已建立', schema: ZProjectSummary },
      problems: ['bad_request', 'conflict', 'unprocessable'],
    },
    async ({ body, session, res }) => {
      const { performanceTargets, ...fields } = body;
      const project = await operate(() =>
        createPurchaseProject(db, {
          ...fields,
          districtCode: config.DISTRICT_CODE,
          createdById: session!.sub,
          start: async (p, item, rules) => {
            const { id: itemId, version, ...rest } = toCatalogueJson(item);
            const snapshot = { id: itemId, version, ...rest } as unknown as CatalogueItemSnapshot;
            await deps.purchases.start({
              projectId: p.id,
              projectNo: p.projectNo,
              ocid: p.ocid,
              title: body.title,
              department: body.department,
              createdBy: { id: session!.sub, name: session!.name, role: 'purchaser' },
              item: snapshot,
              budgetFen: body.budgetFen,
              budgetYear: body.budgetYear,
              performanceTargets,
              rules,
              ...(config.WORKFLOW_HISTORY_LIMIT
                ? { maxHistoryEvents: config.WORKFLOW_HISTORY_LIMIT }
                : {}),
            });
          },
        }),
      );
      res.status(201).location(`/api/purchases/${project.id}`).json(summary(project));
      return SENT;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchases',
      tag: TAG,
      summary:
        '购买服务项目列表（承接主体：正在征集响应的和本单位参与的；专家：本人参加评审或被指派绩效评价的）',
      access: READERS,
      query: ZProjectListQuery,
      response: { status: 200, description: '项目', schema: ZProjectList },
    },
    async ({ query, session }) => {
      const where = await projectWhere(db, query, session!);
      return readPage(
        query,
        () => db.purchaseProject.count({ where }),
        (page) => db.purchaseProject.findMany({ where, orderBy: PROJECT_ORDER, ...page }),
        summary,
      );
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchases/export',
      tag: TAG,
      summary: '导出购买服务项目列表（Excel 或 CSV，筛选条件与可见范围与列表相同）',
      description: `金额以元为单位。最多导出${config.EXPORT_MAX_ROWS}行。`,
      access: READERS,
      query: ZProjectExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, session, res }) => {
      const where = await projectWhere(db, query, session!);
      const total = await db.purchaseProject.count({ where });
      if (total > config.EXPORT_MAX_ROWS)
        throw new AppError(
          'unprocessable',
          `符合条件的项目共${total}个，超过单次导出上限${config.EXPORT_MAX_ROWS}个，请缩小筛选范围`,
        );
      const rows = await db.purchaseProject.findMany({ where, orderBy: PROJECT_ORDER });
      await sendTable(
        res,
        query.format,
        '购买服务项目',
        PROJECT_COLUMNS,
        rows,
        config.AUTHORITY_NAME,
      );
      return SENT;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchases/:id',
      tag: TAG,
      summary: '项目详情（流程实时状态）',
      access: READERS,
      params: uuidParam,
      response: { status: 200, description: '项目状态', schema: ZProjectDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const p = await purchaseFor(db, params.id, session!, { allowOpenNotice: true });
      const view = await liveView(p);
      // Offered by the workflow that holds the project now (the contract's from signing on).
      const part = (CONTRACT_STAGE_STATUSES as readonly string[]).includes(view.status)
        ? 'contract'
        : 'project';
      const allowed = await offeredTo(
        () =>
          deps.purchases.offers(p.id, purchaseActor(session!), part, config.LIVE_VIEW_TIMEOUT_MS),
        PURCHASE_ACTIONS,
        session!.role,
      );
      return {
        ...viewFor(view, session!),
        ...allowed,
        ...workflowLinks(p, session!, config),
        ...(session!.role === 'purchaser'
          ? { performanceEvaluators: await seatedEvaluators(db, 'purchase', p.id) }
          : {}),
      };
    },
  );

  registerSeatRoute(router, registry, deps, {
    subject: 'purchase',
    path: '/api/purchases/:id/performance-evaluators',
    tag: TAG,
    summary: '指派第三方绩效评价人员（评审专家之外；只有被指派的人员能查看和评价该项目）',
    access: ['purchaser'],
    find: (id, session) => purchaseFor(db, id, session),
  });

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchases/:id/ocds',
      tag: TAG,
      summary: 'OCDS 1.1 发布包（公开；download=1 时作为附件下载）',
      description: '采购公告发布后公开；发布包在返回前按 OCDS 1.1.5 官方模式校验。',
      access: 'public',
      params: uuidParam,
      query: ZOcdsQuery,
      response: {
        status: 200,
        description: 'OCDS release package',
        schema: z.record(z.string(), z.unknown()),
      },
      problems: ['not_found'],
    },
    async ({ params, query, session, res }) => {
      const p = await db.purchaseProject.findUnique({ where: { id: params.id } });
      const official = session && ['purchaser', 'finance', 'administrator'].includes(session.role);
      if (!p || (!official && ['need_defined', 'planned'].includes(p.status))) {
        throw new AppError('not_found', '没有找到该购买服务项目的公开数据');
      }
      const view = await liveView(p);
      const pkg = buildReleasePackage(view, {
        name: config.AUTHORITY_NAME,
        uri: config.publicUrl,
        packageUri: `${config.publicUrl}/api/purchases/${p.id}/ocds`,
        publishedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      });
      const check = validateReleasePackage(pkg);
      if (!check.valid) throw new Error(`OCDS package invalid: ${check.errors.join('; ')}`);
      if (query.download === '1') {
        res.attachment(`${p.ocid}.json`);
      }
      res
        .status(200)
        .type('application/json')
        .send(JSON.stringify(pkg, null, 2));
      return SENT;
    },
  );
  return router;
}
