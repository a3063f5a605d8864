import { z } from 'zod';
import { isEvaluationOffice } from '../domain/evaluation/office';
import { COMPLAINT_STATUS_LABEL } from '../domain/evaluation/status-labels';
import type { EvaluationComplaint } from '../generated/prisma/client';
import type { Db, Prisma } from '../lib/db';
import type { Session } from './auth/session';
import { type ComplaintExtras, complaintExtras } from './evaluation-complaint-extras';
import { dateRange, dateRangeShape, pagedQuery } from './paging';
import { type Column, exportShape } from './table-export';

/**
 * The list of complaints (举报) as it pages and exports: the evaluation office sees every
 * complaint, a review committee member those before their committee, a complainant their own.
 * A public complainant's contact details are never exported.
 */

const STATUSES = ['filed', 'verified', 'dismissed', 'upheld', 'rejected'] as const;
const CLOSED = ['dismissed', 'upheld', 'rejected'];

export const complaintFilters = {
  status: z.enum(STATUSES, { error: '状态不正确' }).optional().meta({ title: '状态' }),
  fileId: z.uuid().optional().meta({ title: '评估事项' }),
  /** Finished ones only: dismissed, upheld or rejected. */
  closed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ title: '已办结' }),
  ...dateRangeShape,
};
type ComplaintFilters = z.infer<z.ZodObject<typeof complaintFilters>>;
export const ZComplaintListQuery = pagedQuery(complaintFilters);
export const ZComplaintExportQuery = z.object({ ...complaintFilters, ...exportShape });

/** Newest first; the id breaks ties. */
export const COMPLAINT_ORDER: Prisma.EvaluationComplaintOrderByWithRelationInput[] = [
  { filedAt: 'desc' },
  { id: 'asc' },
];

/** `from`/`to` are filing days. */
export function complaintWhere(
  q: ComplaintFilters,
  session: Session,
): Prisma.EvaluationComplaintWhereInput {
  const filedAt = dateRange(q);
  return {
    ...(isEvaluationOffice(session.role)
      ? {}
      : { OR: [{ reviewCommitteeIds: { has: session.sub } }, { complainantId: session.sub }] }),
    ...(q.status
      ? { status: q.status }
      : q.closed !== undefined
        ? { status: q.closed ? { in: CLOSED } : { notIn: CLOSED } }
        : {}),
    ...(q.fileId ? { fileId: q.fileId } : {}),
    ...(filedAt ? { filedAt } : {}),
  };
}

export type ComplaintRow = EvaluationComplaint & Partial<ComplaintExtras>;

export async function complaintRows(
  db: Db,
  rows: EvaluationComplaint[],
  session: Session,
): Promise<ComplaintRow[]> {
  const extras = await complaintExtras(db, rows, session);
  return rows.map((r) => ({ ...r, ...extras.get(r.id) }));
}

const MEASURE: Record<string, string> = {
  file_disqualified: '取消本次评估资格',
  grade_cancelled: '撤销评估等级',
  none: '不再另行处理',
};

export const COMPLAINT_COLUMNS: Column<ComplaintRow>[] = [
  { header: '被举报组织', value: (r) => r.organizationName, width: 30 },
  { header: '评估编号', value: (r) => r.fileNo, width: 20 },
  { header: '举报对象', value: (r) => (r.subjectType === 'file' ? '评估事项' : '评估等级') },
  { header: '渠道', value: (r) => (r.complainantId ? '登录提交' : '公开举报') },
  { header: '状态', value: (r) => COMPLAINT_STATUS_LABEL[r.status] ?? r.status },
  { header: '提交时间', kind: 'time', value: (r) => r.filedAt },
  { header: '核实期限', kind: 'time', value: (r) => r.verificationDueAt },
  { header: '核实时间', kind: 'time', value: (r) => r.verifiedAt },
  { header: '裁定时间', kind: 'time', value: (r) => r.ruledAt },
  { header: '处理结果', value: (r) => (r.measure ? (MEASURE[r.measure] ?? r.measure) : null) },
  { header: '不予受理理由', value: (r) => r.dismissReason, width: 30 },
  { header: '举报的事实和理由', value: (r) => r.content, width: 50 },
];
