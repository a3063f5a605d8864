import { z } from 'zod';
import { ROUND_STAGE_LABEL, ROUND_STAGES } from '../domain/competition/stages';
import type { CompetitionRound } from '../generated/prisma/client';
import type { Prisma } from '../lib/db';
import { lookupShape } from './lookup';
import { dateRange, dateRangeShape, pagedQuery } from './paging';
import { literal } from './search-text';
import { type Column, exportShape } from './table-export';

/**
 * The list of competition rounds (创投轮次) as it pages, exports and fills a dropdown; every
 * signed-in person sees every round (the calls are public).
 */

export const roundFilters = {
  stage: z.enum(ROUND_STAGES, { error: '阶段不正确' }).optional().meta({ title: '阶段' }),
  q: z.string().trim().max(100).optional().meta({ title: '轮次名称' }),
  ...dateRangeShape,
};
type RoundFilters = z.infer<z.ZodObject<typeof roundFilters>>;
export const ZRoundListQuery = pagedQuery(roundFilters);
export const ZRoundExportQuery = z.object({ ...roundFilters, ...exportShape });
export const ZRoundLookupQuery = z.object(lookupShape);

/** Newest first; the id breaks ties. */
export const ROUND_ORDER: Prisma.CompetitionRoundOrderByWithRelationInput[] = [
  { createdAt: 'desc' },
  { id: 'asc' },
];

/** `from`/`to` are the days the call opened. */
export function roundWhere(q: RoundFilters): Prisma.CompetitionRoundWhereInput {
  const callOpensAt = dateRange(q);
  return {
    ...(q.stage ? { stage: q.stage } : {}),
    ...(q.q ? { title: { contains: literal(q.q) } } : {}),
    ...(callOpensAt ? { callOpensAt } : {}),
  };
}

export function summarizeRound(r: CompetitionRound) {
  return {
    id: r.id,
    title: r.title,
    stage: r.stage,
    budgetFen: Number(r.budgetFen),
    callOpensAt: r.callOpensAt.toISOString(),
    callClosesAt: r.callClosesAt.toISOString(),
  };
}

export const ROUND_COLUMNS: Column<CompetitionRound>[] = [
  { header: '轮次', value: (r) => r.title, width: 30 },
  {
    header: '阶段',
    value: (r) => ROUND_STAGE_LABEL[r.stage as keyof typeof ROUND_STAGE_LABEL] ?? r.stage,
  },
  { header: '征集开始', kind: 'time', value: (r) => r.callOpensAt },
  { header: '征集截止', kind: 'time', value: (r) => r.callClosesAt },
  { header: '资助预算（元）', kind: 'yuan', value: (r) => r.budgetFen },
  { header: '建立时间', kind: 'time', value: (r) => r.createdAt },
];
