import type { Router } from 'express';
import * as E from '../../contract/evaluation';
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
import { readLookup } from '../lookup';
import { pageArgs } from '../paging';
import { type RouteRegistry, SENT } from '../route';
import { exportList, exportResponse } from '../table-export';
import { campaignBody } from './evaluation-campaign-body';
import type { EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估';

/** Campaigns as a page, a lookup or an export. */
export function registerCampaignListing(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, config } = deps;

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
}
