import type { UpdateDefinition } from '@temporalio/common';
import { Router } from 'express';
import type { z } from 'zod';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import * as m from '../../workflows/purchase/messages';
import { FINAL_PURCHASE_STATUSES } from '../../workflows/purchase/view-types';
import type { AppDeps } from '../app';
import type { Role, Session } from '../auth/session';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { AppError } from '../problem';
import { purchaseFor, viewFor } from '../purchase-access';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/purchase';

interface ActionRoute<B extends z.ZodType> {
  path: string;
  summary: string;
  access: readonly Role[];
  body: B;
  update: m.PurchaseUpdate;
  /** Decisions on a signed contract go to its child workflow. */
  contract?: boolean;
  /** An undertaker may act on a notice it has not answered yet (its response). */
  openNotice?: boolean;
  /** Turns the request into the Update's arguments (the actor is added for every action). */
  args?: (body: z.infer<B>, ctx: { deps: AppDeps; session: Session }) => Promise<object> | object;
}

const action = <B extends z.ZodType>(a: ActionRoute<B>) => a as unknown as ActionRoute<z.ZodType>;

/** Every decision's route: the Update it sends and who may send it (see api/offers.ts). */
export const PURCHASE_ACTIONS = [
  action({
    path: 'plan',
    summary: '确定采购方式（询价不适用于服务）',
    access: ['purchaser'],
    body: S.ZPlanRequest,
    update: m.planProcurementUpdate,
  }),
  action({
    path: 'notice',
    summary: '发布采购公告',
    access: ['purchaser'],
    body: S.ZNoticeRequest,
    update: m.publishNoticeUpdate,
  }),
  action({
    path: 'responses',
    summary: '承接主体提交响应（按组织档案审查资格）',
    access: ['applicant'],
    body: S.ZResponseRequest,
    update: m.submitResponseUpdate,
    openNotice: true,
    args: async (b, { deps, session }) => {
      const profile = session.org ? await loadOrganizationProfile(deps.db, session.org) : null;
      if (!profile) throw new AppError('unprocessable', '账号未关联承接主体组织');
      return { ...b, profile };
    },
  }),
  action({
    path: 'cancel',
    summary: '撤销项目',
    access: ['purchaser'],
    body: S.ZReasonRequest,
    update: m.cancelProjectUpdate,
  }),
  action({
    path: 'panel',
    summary: '组建评审委员会（选定评审专家）',
    access: ['purchaser'],
    body: S.ZPanelRequest,
    update: m.appointPanelUpdate,
    args: async (b, { deps }) => {
      const ids = [...new Set(b.expertIds)];
      const accs = await deps.db.account.findMany({
        where: { id: { in: ids }, role: 'evaluator', active: true },
      });
      if (accs.length !== ids.length)
        throw new AppError('unprocessable', '所选账号不是在用的评审专家');
      return { experts: accs.map((a) => ({ id: a.id, name: a.displayName })) };
    },
  }),
  action({
    path: 'declaration',
    summary: '评审专家作出利益冲突声明（有冲突的回避）',
    access: ['evaluator'],
    body: S.ZDeclarationRequest,
    update: m.declareConflictUpdate,
  }),
  action({
    path: 'scores',
    summary: '评审专家评分',
    access: ['evaluator'],
    body: S.ZScoresRequest,
    update: m.scoreResponsesUpdate,
  }),
  action({
    path: 'award',
    summary: '确定成交承接主体并公示',
    access: ['purchaser'],
    body: S.ZAwardRequest,
    update: m.awardUpdate,
  }),
  action({
    path: 'challenges',
    summary: '公示期内提出质疑',
    access: ['applicant'],
    body: S.ZReasonRequest,
    update: m.challengeUpdate,
    args: (b) => ({ reason: b.reason }),
  }),
  action({
    path: 'challenge-answers',
    summary: '答复质疑',
    access: ['purchaser'],
    body: S.ZAnswerChallengeRequest,
    update: m.answerChallengeUpdate,
  }),
  action({
    path: 'contract',
    summary: '签订合同（校验必备条款、期限、金额、保证金和付款计划）',
    access: ['purchaser'],
    body: S.ZContractRequest,
    update: m.signContractUpdate,
  }),
  action({
    path: 'deliverables',
    contract: true,
    summary: '承接主体提交里程碑成果',
    access: ['applicant'],
    body: S.ZDeliverableRequest,
    update: m.submitDeliverableUpdate,
  }),
  action({
    path: 'deliverable-reviews',
    contract: true,
    summary: '验收或退回里程碑成果',
    access: ['purchaser'],
    body: S.ZReviewRequest,
    update: m.reviewDeliverableUpdate,
  }),
  action({
    path: 'payment-requests',
    contract: true,
    summary: '申请支付一期款项',
    access: ['purchaser'],
    body: S.ZPaymentRequest,
    update: m.requestPaymentUpdate,
  }),
  action({
    path: 'payments',
    contract: true,
    summary: '财务复核并支付（第二人）',
    access: ['finance'],
    body: S.ZReleaseRequest,
    update: m.releasePaymentUpdate,
  }),
  action({
    path: 'performance-evaluations',
    contract: true,
    summary: '第三方绩效评价',
    access: ['evaluator'],
    body: S.ZEvaluationRequest,
    update: m.recordPerformanceEvaluationUpdate,
  }),
  action({
    path: 'amendments',
    contract: true,
    summary: '合同变更（须说明理由）',
    access: ['purchaser'],
    body: S.ZAmendRequest,
    update: m.amendContractUpdate,
  }),
  action({
    path: 'termination',
    contract: true,
    summary: '解除合同（违约、转包等，须说明理由）',
    access: ['purchaser'],
    body: S.ZTerminateRequest,
    update: m.terminateContractUpdate,
  }),
];

/** The person as the purchase workflow knows them. */
export const purchaseActor = (s: Session): m.Actor => ({
  id: s.sub,
  name: s.name,
  role: s.role as m.Actor['role'],
  organizationId: s.org,
});

/** Every decision on a project: one POST per action, answered with the new view or 409/422. */
export function createPurchaseActionsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  for (const a of PURCHASE_ACTIONS) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/purchases/:id/${a.path}`,
        tag: '政府购买服务',
        summary: a.summary,
        access: a.access,
        params: uuidParam,
        body: a.body,
        headers: DECISION_HEADERS,
        response: { status: 200, description: '办理后的项目状态', schema: S.ZPurchaseView },
        problems: ['bad_request', 'not_found', 'conflict', 'unprocessable', 'unavailable'],
      },
      async ({ params, body, session, req }) => {
        const s = session!;
        const p = await purchaseFor(deps.db, params.id, s, { allowOpenNotice: a.openNotice });
        const key = await claimDecisionKey(deps.db, { req, params, body, session: s });
        if (!key?.replay && (FINAL_PURCHASE_STATUSES as readonly string[]).includes(p.status)) {
          throw new AppError('conflict', `项目已办结（${p.status}），不能再办理`);
        }
        const args = a.args ? await a.args(body, { deps, session: s }) : (body as object);
        const actor = purchaseActor(s);
        const view = await deps.purchases.update(
          p.id,
          a.update as UpdateDefinition<m.PurchaseView, [object]>,
          { ...args, actor },
          a.contract ? 'contract' : 'project',
          key?.updateId,
        );
        return viewFor(view, s);
      },
    );
  }
  return router;
}
