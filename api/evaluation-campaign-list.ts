import { z } from 'zod';
import { CAMPAIGN_PHASE_LABEL } from '../domain/evaluation/status-labels';
import type { EvaluationCampaign } from '../generated/prisma/client';
import type { Db, Prisma } from '../lib/db';
import { lookupShape } from './lookup';
import { dateRange, dateRangeShape, pagedQuery } from './paging';
import { literal } from './search-text';
import { type Column, exportShape } from './table-export';

/**
 * The list of evaluation campaigns (评估活动) as it pages, exports and fills a dropdown. Every
 * signed-in person sees the district's campaigns (their notices are public).
 */

const PHASES = ['notice', 'application_window', 'assessment', 'closed'] as const;

export const campaignFilters = {
  phase: z.enum(PHASES, { error: '阶段不正确' }).optional().meta({ title: '阶段' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  ...dateRangeShape,
};
type CampaignFilters = z.infer<z.ZodObject<typeof campaignFilters>>;
export const ZCampaignListQuery = pagedQuery(campaignFilters);
export const ZCampaignExportQuery = z.object({ ...campaignFilters, ...exportShape });
export const ZCampaignLookupQuery = z.object(lookupShape);

/** Newest year first; the id breaks ties. */
export const CAMPAIGN_ORDER: Prisma.EvaluationCampaignOrderByWithRelationInput[] = [
  { year: 'desc' },
  { id: 'asc' },
];

/** `from`/`to` are the days the notice went out. */
export function campaignWhere(
  districtCode: string,
  q: CampaignFilters,
): Prisma.EvaluationCampaignWhereInput {
  const noticeAt = dateRange(q);
  return {
    districtCode,
    ...(q.phase ? { phase: q.phase } : {}),
    ...(q.year ? { year: q.year } : {}),
    ...(noticeAt ? { noticeAt } : {}),
  };
}

export function campaignLookupWhere(
  districtCode: string,
  q: string | undefined,
): Prisma.EvaluationCampaignWhereInput {
  return { districtCode, ...(q ? { title: { contains: literal(q) } } : {}) };
}

export interface CampaignRow {
  campaign: EvaluationCampaign;
  applied: number;
  confirmed: number;
}

/** Each campaign with its number of files and of grades confirmed, counted in one query. */
export async function campaignRows(
  db: Db,
  campaigns: EvaluationCampaign[],
): Promise<CampaignRow[]> {
  const counts = await db.evaluationFile.groupBy({
    by: ['campaignId', 'status'],
    where: { campaignId: { in: campaigns.map((c) => c.id) } },
    _count: { _all: true },
  });
  const of = (id: string, status?: string) =>
    counts
      .filter((c) => c.campaignId === id && (!status || c.status === status))
      .reduce((n, c) => n + c._count._all, 0);
  return campaigns.map((campaign) => ({
    campaign,
    applied: of(campaign.id),
    confirmed: of(campaign.id, 'confirmed'),
  }));
}

export const CAMPAIGN_COLUMNS: Column<CampaignRow>[] = [
  { header: '年度', kind: 'count', value: (r) => r.campaign.year },
  { header: '评估活动', value: (r) => r.campaign.title, width: 30 },
  { header: '阶段', value: (r) => CAMPAIGN_PHASE_LABEL[r.campaign.phase] ?? r.campaign.phase },
  { header: '通知发布时间', kind: 'time', value: (r) => r.campaign.noticeAt },
  { header: '申报开始', kind: 'time', value: (r) => r.campaign.windowOpensAt },
  { header: '申报截止', kind: 'time', value: (r) => r.campaign.windowClosesAt },
  { header: '申报组织数', kind: 'count', value: (r) => r.applied },
  { header: '已确认等级数', kind: 'count', value: (r) => r.confirmed },
  { header: '结束时间', kind: 'time', value: (r) => r.campaign.closedAt },
];
