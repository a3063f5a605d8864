import { Router } from 'express';
import type { EvaluationClient } from '../../client/evaluation-client';
import * as E from '../../contract/evaluation';
import { applyForEvaluation } from '../../operations/evaluation/apply-for-evaluation';
import { openCampaign } from '../../operations/evaluation/open-campaign';
import * as m from '../../workflows/evaluation/messages';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { actorOf } from '../evaluation-access';
import {
  CAMPAIGN_COLUMNS,
  CAMPAIGN_ORDER,
  campaignLookupWhere,
  campaignRows,
  campaignWhere,
  ZCampaignExportQuery,
  ZCampaignListQuery,
  ZCampaignLookupQuery,
} from '../evaluation-campaign-list';
import { loadCampaignStages } from '../evaluation-campaign-stages';
import { readLookup } from '../lookup';
import { operate } from '../operations';
import { pageArgs } from '../paging';
import { AppError } from '../problem';
import { adminWorkflowLink } from '../registration-access';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
import { exportList, exportResponse } from '../table-export';

export type EvaluationDeps = AppDeps & { evaluation: EvaluationClient };

const TAG = '等级评估';

/** Campaigns: an administrator opens one per year; organisations apply inside its window. */
export function createEvaluationCampaignsRouter(
  registry: RouteRegistry,
  deps: EvaluationDeps,
): Router {
  const router = Router();
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

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/campaigns',
      tag: TAG,
      summary: '评估活动列表（可按阶段、年度、通知发布日期筛选）',
      access: 'signed-in',
      query: ZCampaignListQuery,
      response: { status: 200, description: '一页评估活动', schema: E.ZCampaignList },
    },
    async ({ query, session }) => {
      const where = campaignWhere(config.DISTRICT_CODE, query);
      const [total, rows] = await Promise.all([
        db.evaluationCampaign.count({ where }),
        db.evaluationCampaign.findMany({ where, orderBy: CAMPAIGN_ORDER, ...pageArgs(query) }),
      ]);
      const items = await Promise.all(rows.map((r) => campaignBody(deps, r.id, session!)));
      return { items, page: query.page, pageSize: query.pageSize, total };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/campaigns/lookup',
      tag: TAG,
      summary: `选择评估活动（按名称查找，最多${config.LOOKUP_MAX}项）`,
      access: 'signed-in',
      query: ZCampaignLookupQuery,
      response: { status: 200, description: '评估活动', schema: E.ZCampaignLookup },
    },
    async ({ query }) =>
      readLookup(
        config.LOOKUP_MAX,
        (take) =>
          db.evaluationCampaign.findMany({
            where: campaignLookupWhere(config.DISTRICT_CODE, query.q),
            orderBy: CAMPAIGN_ORDER,
            take,
          }),
        (c) => ({ id: c.id, title: c.title, year: c.year }),
      ),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/campaigns/export',
      tag: TAG,
      summary: '导出评估活动列表（Excel 或 CSV，筛选条件与列表相同）',
      description: `最多导出${config.EXPORT_MAX_ROWS}行。`,
      access: ['administrator', 'section_head', 'agency'],
      query: ZCampaignExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, res }) => {
      const where = campaignWhere(config.DISTRICT_CODE, query);
      const opts = { format: query.format, title: '评估活动', creator: config.AUTHORITY_NAME };
      await exportList(res, { ...opts, maxRows: config.EXPORT_MAX_ROWS }, CAMPAIGN_COLUMNS, {
        count: () => db.evaluationCampaign.count({ where }),
        read: async () =>
          campaignRows(
            db,
            await db.evaluationCampaign.findMany({ where, orderBy: CAMPAIGN_ORDER }),
          ),
      });
      return SENT;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/campaigns/:id',
      tag: TAG,
      summary: '评估活动详情与进度',
      access: 'signed-in',
      params: uuidParam,
      response: { status: 200, description: '评估活动', schema: E.ZCampaign },
      problems: ['not_found'],
    },
    async ({ params, session }) => campaignBody(deps, params.id, session!),
  );

  for (const [path, def, summary] of [
    ['close-applications', m.closeApplicationsUpdate, '截止申报，开始资格审查和评估'],
    ['close', m.closeCampaignUpdate, '结束评估活动'],
  ] as const) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/evaluation/campaigns/:id/${path}`,
        tag: TAG,
        summary,
        access: ['administrator'],
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

  return router;
}

async function campaignRow(deps: EvaluationDeps, id: string) {
  const c = await deps.db.evaluationCampaign.findUnique({ where: { id } });
  if (!c || c.districtCode !== deps.config.DISTRICT_CODE)
    throw new AppError('not_found', '没有找到该评估活动');
  return c;
}

/** Who sees who sits on the committees: the evaluation office and the committees. */
const INSIDERS = new Set(['administrator', 'section_head', 'agency', 'committee_member']);

/**
 * The campaign with its progress counted from the files' projection. The committees' member
 * ids go to the evaluation office and the committee members only, the workflow's address to the
 * administrators; everyone else (applicants above all) sees how many members there are.
 */
async function campaignBody(deps: EvaluationDeps, id: string, session: Session) {
  const c = await campaignRow(deps, id);
  const insider = INSIDERS.has(session.role);
  const files = await deps.db.evaluationFile.findMany({
    where: { campaignId: id },
    select: { status: true, finalScore: true, decidedLevel: true, reviewRequestedAt: true },
  });
  const notice = await deps.db.announcement.findUnique({
    where: { key: `evaluation-notice:${c.id}` },
    select: { id: true, title: true, publishedAt: true },
  });
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    phase: c.phase,
    noticeAt: c.noticeAt.toISOString(),
    windowOpensAt: c.windowOpensAt.toISOString(),
    windowClosesAt: c.windowClosesAt.toISOString(),
    applicationsClosedAt: c.applicationsClosedAt?.toISOString() ?? null,
    committeeSize: c.committeeIds.length,
    reviewCommitteeSize: c.reviewCommitteeIds.length,
    ...(insider ? { committeeIds: c.committeeIds, reviewCommitteeIds: c.reviewCommitteeIds } : {}),
    closedAt: c.closedAt?.toISOString() ?? null,
    /** The published notice (公告), readable by anyone at /api/announcements/{id}. */
    notice: notice && {
      id: notice.id,
      title: notice.title,
      publishedAt: notice.publishedAt.toISOString(),
    },
    /** §4.3 ROUND phases with their dates, the current one marked. */
    stages: await loadCampaignStages(
      deps.db,
      c,
      files.map((f) => f.status),
    ),
    progress: campaignProgress(files),
    ...adminWorkflowLink(
      { url: deps.config.TEMPORAL_UI_URL, namespace: deps.config.TEMPORAL_NAMESPACE },
      session,
      c.workflowId,
    ),
  };
}

/**
 * Applied, assessed (eligibility decided), scored, decided, objected, disqualified. A
 * disqualified file's score and level no longer count.
 */
export function campaignProgress(
  files: {
    status: string;
    finalScore: number | null;
    decidedLevel: number | null;
    reviewRequestedAt: Date | null;
  }[],
) {
  const counting = files.filter((f) => f.status !== 'disqualified');
  return {
    applied: files.length,
    assessed: files.filter((f) => f.status !== 'applied').length,
    ineligible: files.filter((f) => f.status === 'ineligible').length,
    scored: counting.filter((f) => f.finalScore !== null).length,
    decided: counting.filter((f) => f.decidedLevel !== null || f.status === 'not_graded').length,
    objected: files.filter((f) => f.reviewRequestedAt !== null).length,
    confirmed: files.filter((f) => f.status === 'confirmed').length,
    disqualified: files.length - counting.length,
  };
}
