import { Router } from 'express';
import { z } from 'zod';
import { awardNoticeKey } from '../../domain/purchase/award-notice';
import type { CatalogueItemSnapshot } from '../../domain/purchase/catalogue';
import type { PurchaseProject } from '../../generated/prisma/client';
import { buildReleasePackage } from '../../lib/ocds/build-release-package';
import { validateReleasePackage } from '../../lib/ocds/validate-release-package';
import { createPurchaseProject } from '../../operations/purchase/create-purchase-project';
import { CONTRACT_STAGE_STATUSES, contractWorkflowId } from '../../workflows/purchase/messages';
import type { PurchaseView } from '../../workflows/purchase/view-types';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { registerSeatRoute, seatedEvaluators } from '../evaluator-seats';
import { offeredTo } from '../offers';
import { operate } from '../operations';
import { AppError } from '../problem';
import { purchaseFor, PURCHASE_READERS as READERS, viewFor } from '../purchase-access';
import { temporalUrl } from '../registration-access';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import {
  ZCreateProjectRequest,
  ZOcdsQuery,
  ZProjectDetail,
  ZProjectSummary,
} from '../schemas/purchase';
import { sealLink } from '../seal-link';
import { PURCHASE_ACTIONS, purchaseActor } from './purchase-actions';
import { toCatalogueJson } from './purchase-catalogue';
import { registerPurchaseList, projectSummary as summary } from './purchase-project-list';

const TAG = '政府购买服务';

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

/** The live view, or the last projection once the workflow's history is gone or is slow. */
function liveViewOf(deps: AppDeps): (p: PurchaseProject) => Promise<PurchaseView> {
  const { db, config } = deps;
  return async (p: PurchaseProject): Promise<PurchaseView> => {
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
}

export function createPurchaseProjectsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registerPurchaseCreation(registry, router, deps);
  registerPurchaseList(registry, router, deps);
  registerPurchaseDetail(registry, router, deps);
  registerPerformanceEvaluators(registry, router, deps);
  registerPurchaseOcds(registry, router, deps);
  return router;
}

/** A purchaser creates a project. */
export function registerPurchaseCreation(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db, config } = deps;

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
}

/** One project's view, with the actions offered to the caller. */
export function registerPurchaseDetail(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db, config } = deps;
  const liveView = liveViewOf(deps);

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
        awardSeal: await sealLink(db, config.publicUrl, { documentKey: awardNoticeKey(p.id) }),
      };
    },
  );
}

/** Third-party performance evaluators seated on a project. */
export function registerPerformanceEvaluators(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registerSeatRoute(router, registry, deps, {
    subject: 'purchase',
    path: '/api/purchases/:id/performance-evaluators',
    tag: TAG,
    summary: '指派第三方绩效评价人员（评审专家之外；只有被指派的人员能查看和评价该项目）',
    access: ['purchaser'],
    find: (id, session) => purchaseFor(db, id, session),
  });
}

/** A project's OCDS release package. */
export function registerPurchaseOcds(registry: RouteRegistry, router: Router, deps: AppDeps): void {
  const { db, config } = deps;
  const liveView = liveViewOf(deps);

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
}
