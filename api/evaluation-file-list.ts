import { z } from 'zod';
import { FILE_STATUSES } from '../contract/evaluation';
import { FILE_STATUS_LABEL } from '../domain/evaluation/status-labels';
import type { EvaluationFile } from '../generated/prisma/client';
import type { Db, Prisma } from '../lib/db';
import type { Session } from './auth/session';
import { organizationNames, visibleFilesWhere } from './evaluation-access';
import { dateRange, dateRangeShape, pagedQuery } from './paging';
import { literal } from './search-text';
import { type Column, exportShape } from './table-export';

/**
 * The list of evaluation files (评估事项) as it pages and exports: who sees which files is
 * api/evaluation-access.ts's rule (an evaluator its seats, an organisation its own, a committee
 * member its campaigns' files), then the list's filters.
 */

export const fileFilters = {
  campaignId: z.uuid().optional().meta({ title: '评估活动' }),
  status: z.enum(FILE_STATUSES, { error: '状态不正确' }).optional().meta({ title: '状态' }),
  q: z.string().trim().max(100).optional().meta({ title: '评估编号或组织名称' }),
  ...dateRangeShape,
};
type FileFilters = z.infer<z.ZodObject<typeof fileFilters>>;
export const ZFileListQuery = pagedQuery(fileFilters);
export const ZFileExportQuery = z.object({ ...fileFilters, ...exportShape });

/** In the order of application; the id breaks ties so that pages neither repeat nor skip. */
export const FILE_ORDER: Prisma.EvaluationFileOrderByWithRelationInput[] = [
  { appliedAt: 'asc' },
  { id: 'asc' },
];

export async function fileWhere(
  db: Db,
  q: FileFilters,
  session: Session,
): Promise<Prisma.EvaluationFileWhereInput> {
  const appliedAt = dateRange(q);
  const named = q.q
    ? (
        await db.organization.findMany({
          where: { name: { contains: literal(q.q) } },
          select: { id: true },
          take: 1000,
        })
      ).map((o) => o.id)
    : [];
  return {
    AND: [
      await visibleFilesWhere(db, session),
      q.campaignId ? { campaignId: q.campaignId } : {},
      q.status ? { status: q.status } : {},
      appliedAt ? { appliedAt } : {},
      q.q
        ? { OR: [{ fileNo: { contains: literal(q.q) } }, { organizationId: { in: named } }] }
        : {},
    ],
  };
}

/** A file with what its export row names: the organisation and the campaign. */
export interface FileRow {
  file: EvaluationFile & { campaign: { title: string } };
  organizationName: string | null;
}

export async function fileRows(
  db: Db,
  files: (EvaluationFile & { campaign: { title: string } })[],
): Promise<FileRow[]> {
  const names = await organizationNames(
    db,
    files.map((f) => f.organizationId),
  );
  return files.map((file) => ({ file, organizationName: names.get(file.organizationId) ?? null }));
}

const level = (n: number | null) => (n ? `${n}A` : null);

export const FILE_COLUMNS: Column<FileRow>[] = [
  { header: '评估编号', value: (r) => r.file.fileNo, width: 20 },
  { header: '社会组织', value: (r) => r.organizationName, width: 30 },
  { header: '评估活动', value: (r) => r.file.campaign.title, width: 28 },
  { header: '状态', value: (r) => FILE_STATUS_LABEL[r.file.status] ?? r.file.status },
  { header: '申报时间', kind: 'time', value: (r) => r.file.appliedAt },
  { header: '评估得分', kind: 'count', value: (r) => r.file.finalScore },
  { header: '拟评定等级', value: (r) => level(r.file.proposedLevel) },
  { header: '评定等级', value: (r) => level(r.file.decidedLevel) },
  { header: '评分分歧较大', value: (r) => (r.file.flagged ? '是' : '否') },
  { header: '不予受理理由', value: (r) => r.file.ineligibleReason, width: 30 },
];
