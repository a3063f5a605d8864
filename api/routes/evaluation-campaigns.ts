import { Router } from 'express';
import type { EvaluationClient } from '../../client/evaluation-client';
import * as E from '../../contract/evaluation';
import { applyForEvaluation } from '../../operations/evaluation/apply-for-evaluation';
import { openCampaign } from '../../operations/evaluation/open-campaign';
import * as m from '../../workflows/evaluation/messages';
import type { AppDeps } from '../app';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { actorOf } from '../evaluation-access';
import { allowedFor } from '../offers';
import { operate } from '../operations';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
import { campaignBody, campaignRow } from './evaluation-campaign-body';
import { registerCampaignListing } from './evaluation-campaign-listing';

export type EvaluationDeps = AppDeps & { evaluation: EvaluationClient };

/** Read by the grades routes and the unit tests. */
export { campaignProgress } from './evaluation-campaign-body';

const TAG = '等级评估';

/** Campaigns: an administrator opens one per year; organisations apply inside its window. */
export function createEvaluationCampaignsRouter(
  registry: RouteRegistry,
  deps: EvaluationDeps,
): Router {
  const router = Router();
  registerCampaignOpening(registry, router, deps);
  registerCampaignListing(registry, router, deps);
  registerCampaignDetail(registry, router, deps);
  registerCampaignClosing(registry, router, deps);
  registerCampaignApplications(registry, router, deps);
  return router;
}

/** An administrator opens a campaign. */
export function registerCampaignOpening(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, config, evaluation } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/campaigns',
      tag: TAG,
      summary: '发布评估通知，开启年度评估活动',
      access: ['administrator'],
      body: S.ZOpenCampaignRequest,
      response: { status: 201, description: '已开启', schema: E.ZCampaign },
      problems: ['bad_request', 'conflict', 'unprocessable'],
    },
    async ({ body, session, res }) => {
      const opens = Date.parse(body.windowOpensAt);
      const closes = Date.parse(body.windowClosesAt);
      const { id } = await operate(() =>
        openCampaign(db, {
          ...body,
          districtCode: config.DISTRICT_CODE,
          windowOpensAt: opens,
          windowClosesAt: closes,
          openedById: session!.sub,
          workflowIdOf: m.campaignWorkflowId,
        }),
      );
      await evaluation.startCampaign({
        campaignId: id,
        year: body.year,
        title: body.title,
        noticeAt: Date.now(),
        windowOpensAt: opens,
        windowClosesAt: closes,
        committeeIds: body.committeeIds,
        reviewCommitteeIds: body.reviewCommitteeIds,
        openedBy: actorOf(session!),
      });
      res.status(201);
      return campaignBody(deps, id, session!);
    },
  );
}

/** One campaign with its stages and progress. */
export function registerCampaignDetail(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/campaigns/:id',
      tag: TAG,
      summary: '评估活动详情与进度',
      access: 'signed-in',
      params: uuidParam,
      response: { status: 200, description: '评估活动与可办理的决定', schema: E.ZCampaignDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const s = session!;
      const body = await campaignBody(deps, params.id, s);
      const offered = await deps.evaluation.campaignOffers(params.id, actorOf(s));
      return { ...body, ...allowedFor(offered, CAMPAIGN_DECISIONS, s.role) };
    },
  );
}

/** The campaign's decisions: their routes below and what its page offers, from one table. */
const CAMPAIGN_DECISIONS = [
  {
    path: 'close-applications',
    update: m.closeApplicationsUpdate,
    summary: '截止申报，开始资格审查和评估',
    access: ['administrator'],
  },
  {
    path: 'close',
    update: m.closeCampaignUpdate,
    summary: '结束评估活动',
    access: ['administrator'],
  },
] as const;

/** Closing the applications, then the campaign, as workflow Updates. */
export function registerCampaignClosing(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, evaluation } = deps;

  for (const { path, update: def, summary, access } of CAMPAIGN_DECISIONS) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/evaluation/campaigns/:id/${path}`,
        tag: TAG,
        summary,
        access,
        params: uuidParam,
        body: S.ZEmptyRequest,
        headers: DECISION_HEADERS,
        response: { status: 200, description: '已办理', schema: E.ZCampaign },
        problems: ['not_found', 'conflict', 'unavailable'],
      },
      async ({ params, body, session, req }) => {
        await campaignRow(deps, params.id);
        const key = await claimDecisionKey(db, { req, params, body, session: session! });
        await evaluation.updateCampaign(
          params.id,
          def,
          { actor: actorOf(session!) },
          key?.updateId,
        );
        return campaignBody(deps, params.id, session!);
      },
    );
  }
}

/** An organisation applies inside the window. */
export function registerCampaignApplications(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, config } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/campaigns/:id/applications',
      tag: TAG,
      summary:
        '社会组织在申报期内提交评估申请（自评与证明材料）；不符合申报条件的当即不予受理并列明全部理由',
      access: ['applicant'],
      params: uuidParam,
      body: S.ZApplyRequest,
      response: { status: 201, description: '已申报', schema: E.ZApplied },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session, res }) => {
      const c = await campaignRow(deps, params.id);
      const f = await operate(() =>
        applyForEvaluation(db, {
          ...body,
          campaign: c,
          organizationId: session!.org ?? null,
          appliedById: session!.sub,
          districtCode: config.DISTRICT_CODE,
          workflowIdOf: m.fileWorkflowId,
        }),
      );
      res.status(201);
      return {
        id: f.id,
        fileNo: f.fileNo,
        campaignId: c.id,
        status: f.status,
        appliedAt: f.appliedAt.toISOString(),
      };
    },
  );
}
