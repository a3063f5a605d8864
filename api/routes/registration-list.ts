import type { Router } from 'express';
import type { z } from 'zod';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../domain/organization-types';
import type { Registration } from '../../generated/prisma/client';
import type { Prisma } from '../../lib/db';
import { type RegistrationStatus, STATUS_LABEL } from '../../workflows/registration/view-types';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { dateRange, readPage } from '../paging';
import { AppError } from '../problem';
import { isStaff, REGISTRATION_READERS as READERS, summarize } from '../registration-access';
import { type RouteRegistry, SENT } from '../route';
import {
  ZExportRegistrationsQuery,
  ZListRegistrationsQuery,
  ZRegistrationList,
} from '../schemas/registration';
import { literal } from '../search-text';
import { type Column, exportResponse, sendTable } from '../table-export';

/** Newest first; the id breaks ties so that pages neither repeat nor skip a row. */
const REGISTRATION_ORDER: Prisma.RegistrationOrderByWithRelationInput[] = [
  { filedAt: 'desc' },
  { id: 'asc' },
];

/** The list's filters; an applicant sees only its own organisation's files. */
function registrationWhere(
  query: Omit<z.infer<typeof ZExportRegistrationsQuery>, 'format'>,
  session: Session,
): Prisma.RegistrationWhereInput {
  const filedAt = dateRange(query);
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.legalForm ? { legalForm: query.legalForm } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(filedAt ? { filedAt } : {}),
    ...(query.q
      ? {
          OR: [
            { proposedName: { contains: literal(query.q) } },
            { applicationNo: { contains: literal(query.q) } },
          ],
        }
      : {}),
    ...(isStaff(session)
      ? {}
      : { organizationId: session.org ?? '00000000-0000-0000-0000-000000000000' }),
  };
}

const REGISTRATION_COLUMNS: Column<Registration>[] = [
  { header: '申请编号', value: (r) => r.applicationNo, width: 22 },
  { header: '拟定名称', value: (r) => r.proposedName, width: 30 },
  { header: '组织形式', value: (r) => LEGAL_FORM_LABEL[r.legalForm] },
  { header: '类别', value: (r) => CATEGORY_LABEL[r.category] },
  { header: '状态', value: (r) => STATUS_LABEL[r.status as RegistrationStatus] ?? '已提交' },
  { header: '受理通知书文号', value: (r) => r.receiptNo, width: 26 },
  { header: '提交时间', kind: 'time', value: (r) => r.filedAt },
  { header: '办理期限', kind: 'date', value: (r) => r.dueAt },
  { header: '是否逾期', value: (r) => (r.overdue ? '是' : '否') },
  { header: '决定时间', kind: 'time', value: (r) => r.decidedAt },
  { header: '统一社会信用代码', value: (r) => r.creditCode, width: 22 },
];

/** The registrations a caller may see, as a page or an export. */
export function registerRegistrationList(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db, config } = deps;
  const ui = { url: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations',
      tag: '登记',
      summary: '登记申请列表（可按状态、类别、组织形式、是否逾期筛选）',
      access: READERS,
      query: ZListRegistrationsQuery,
      response: { status: 200, description: '一页结果', schema: ZRegistrationList },
    },
    async ({ query, session }) =>
      readPage(
        query,
        () => db.registration.count({ where: registrationWhere(query, session!) }),
        (page) =>
          db.registration.findMany({
            where: registrationWhere(query, session!),
            orderBy: REGISTRATION_ORDER,
            ...page,
          }),
        (r) => summarize(r, ui, session!),
      ),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations/export',
      tag: '登记',
      summary: '导出登记申请列表（Excel 或 CSV，筛选条件与列表相同）',
      description: `申请人只能导出本组织的申请。最多导出${config.EXPORT_MAX_ROWS}行，超过时请缩小筛选范围。`,
      access: READERS,
      query: ZExportRegistrationsQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, session, res }) => {
      const where = registrationWhere(query, session!);
      const total = await db.registration.count({ where });
      if (total > config.EXPORT_MAX_ROWS)
        throw new AppError(
          'unprocessable',
          `符合条件的申请共${total}件，超过单次导出上限${config.EXPORT_MAX_ROWS}件，请缩小筛选范围`,
        );
      const rows = await db.registration.findMany({ where, orderBy: REGISTRATION_ORDER });
      await sendTable(
        res,
        query.format,
        '登记申请',
        REGISTRATION_COLUMNS,
        rows,
        config.AUTHORITY_NAME,
      );
      return SENT;
    },
  );
}
