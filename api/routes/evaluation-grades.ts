import { Router } from 'express';
import { z } from 'zod';
import {
  cancelGrade,
  gradeOffers,
  gradeStatus,
  recordCertificateReturned,
} from '../../client/grade-client';
import * as E from '../../contract/evaluation';
import * as m from '../../workflows/evaluation/messages';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { actorOf } from '../evaluation-access';
import { gradeFigures } from '../grade-figures';
import { offeredTo } from '../offers';
import { AppError, hiddenFrom } from '../problem';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/evaluation';
import { campaignProgress, type EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估';
const orgParam = z.object({ organizationId: z.uuid('编号格式不正确') });

/** The grade's decisions and who may send them, for its offers (the routes below). */
const GRADE_ROUTES = [
  { update: m.cancelGradeUpdate, access: ['administrator'] },
  { update: m.certificateReturnedUpdate, access: ['administrator'] },
] as const;

/** The active grade's life (cancel, certificate returned) and the district's figures. */
export function createEvaluationGradesRouter(
  registry: RouteRegistry,
  deps: EvaluationDeps,
): Router {
  const router = Router();
  const { db, evaluation, config } = deps;
  const temporal = evaluation.client;

  const activeGradeOf = async (organizationId: string, orgOnly?: string | null) => {
    if (orgOnly !== undefined && orgOnly !== organizationId) throw hiddenFrom('没有找到该组织');
    const status = await gradeStatus(temporal, organizationId, evaluation.limits);
    if (!status) throw new AppError('not_found', '该组织没有正在管理的评估等级');
    return status;
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/organizations/:organizationId/grade',
      tag: TAG,
      summary: '组织当前评估等级的动态管理状态',
      access: ['administrator', 'agency', 'applicant'],
      params: orgParam,
      response: { status: 200, description: '等级状态与可办理的决定', schema: E.ZGradeDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const s = session!;
      const status = await activeGradeOf(
        params.organizationId,
        s.role === 'applicant' ? s.org : undefined,
      );
      const ask = () => gradeOffers(temporal, params.organizationId, actorOf(s), evaluation.limits);
      return { ...status, ...(await offeredTo(ask, GRADE_ROUTES, s.role)) };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/organizations/:organizationId/grade/cancel',
      tag: TAG,
      summary: '取消评估等级（民政部门决定，须说明理由）',
      access: GRADE_ROUTES[0].access,
      params: orgParam,
      body: S.ZCancelGradeRequest,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '已取消', schema: E.ZGradeView },
      problems: ['not_found', 'conflict', 'unavailable'],
    },
    async ({ params, body, session, req }) => {
      const key = await claimDecisionKey(db, { req, params, body, session: session! });
      // A retry under its key collects the first outcome, even when that one ended the grade.
      if (!key?.replay) await activeGradeOf(params.organizationId);
      return cancelGrade(temporal, params.organizationId, actorOf(session!), body.reason, {
        limits: evaluation.limits,
        updateId: key?.updateId,
      });
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/organizations/:organizationId/grade/certificate-returned',
      tag: TAG,
      summary: '登记降级后原证书和牌匾已交回',
      access: GRADE_ROUTES[1].access,
      params: orgParam,
      body: S.ZEmptyRequest,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '已登记', schema: E.ZGradeView },
      problems: ['not_found', 'conflict', 'unavailable'],
    },
    async ({ params, body, session, req }) => {
      const key = await claimDecisionKey(db, { req, params, body, session: session! });
      if (!key?.replay) await activeGradeOf(params.organizationId);
      return recordCertificateReturned(temporal, params.organizationId, actorOf(session!), {
        limits: evaluation.limits,
        updateId: key?.updateId,
      });
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/figures',
      limit: 'expensive',
      tag: TAG,
      summary: '本区评估统计：持有有效等级的比例、各等级数量、12个月内到期数、评估进度',
      access: ['administrator', 'agency'],
      query: S.ZFiguresQuery,
      response: { status: 200, description: '统计数字', schema: E.ZEvaluationFigures },
    },
    async ({ query }) => {
      const now = Date.now();
      const figures = await gradeFigures(db, config.DISTRICT_CODE, now);
      const campaign = query.campaignId
        ? await db.evaluationCampaign.findFirst({
            where: { id: query.campaignId, districtCode: config.DISTRICT_CODE },
          })
        : await db.evaluationCampaign.findFirst({
            where: { districtCode: config.DISTRICT_CODE },
            orderBy: { year: 'desc' },
          });
      const files = campaign
        ? await db.evaluationFile.findMany({
            where: { campaignId: campaign.id },
            select: { status: true, finalScore: true, decidedLevel: true, reviewRequestedAt: true },
          })
        : [];
      return {
        ...figures,
        campaign: campaign
          ? { id: campaign.id, year: campaign.year, progress: campaignProgress(files) }
          : null,
      };
    },
  );

  return router;
}
