import type { Router } from 'express';
import type { PurchaseProject } from '../../generated/prisma/client';
import type { Prisma } from '../../lib/db';
import { PURCHASE_STATUS_LABEL, type PurchaseStatus } from '../../workflows/purchase/view-types';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { seatsOf } from '../evaluator-seats';
import { dateRange, readPage } from '../paging';
import { AppError } from '../problem';
import { PURCHASE_READERS as READERS } from '../purchase-access';
import { type RouteRegistry, SENT } from '../route';
import { ZProjectExportQuery, ZProjectList, ZProjectListQuery } from '../schemas/purchase';
import { type Column, exportResponse, sendTable } from '../table-export';

const TAG = '政府购买服务';
/** Newest first; the id breaks ties so that pages neither repeat nor skip a row. */
const PROJECT_ORDER: Prisma.PurchaseProjectOrderByWithRelationInput[] = [
  { createdAt: 'desc' },
  { id: 'asc' },
];

/**
 * What a caller may list: an applicant the notices open for responses and the projects its
 * organisation answered; an expert those it reviews or evaluates; officials all.
 */
async function projectWhere(
  db: AppDeps['db'],
  query: { status?: string; from?: string; to?: string },
  s: Session,
): Promise<Prisma.PurchaseProjectWhereInput> {
  const scope: Prisma.PurchaseProjectWhereInput =
    s.role === 'applicant'
      ? { OR: [{ status: 'tendering' }, { respondentOrgIds: { has: s.org ?? '-' } }] }
      : s.role === 'evaluator'
        ? {
            OR: [
              { expertIds: { has: s.sub } },
              { id: { in: await seatsOf(db, 'purchase', s.sub) } },
            ],
          }
        : {};
  const createdAt = dateRange(query);
  return {
    AND: [scope, query.status ? { status: query.status } : {}, createdAt ? { createdAt } : {}],
  };
}

const PROJECT_COLUMNS: Column<PurchaseProject>[] = [
  { header: '项目编号', value: (p) => p.projectNo, width: 22 },
  { header: '项目名称', value: (p) => p.title, width: 30 },
  { header: '购买主体', value: (p) => p.department, width: 20 },
  { header: '预算年度', kind: 'count', value: (p) => p.budgetYear },
  { header: '预算金额（元）', kind: 'yuan', value: (p) => p.budgetFen },
  {
    header: '状态',
    value: (p) => PURCHASE_STATUS_LABEL[p.status as PurchaseStatus] ?? p.status,
    width: 26,
  },
  { header: '成交金额（元）', kind: 'yuan', value: (p) => p.awardedAmountFen },
  { header: '确定承接主体时间', kind: 'time', value: (p) => p.awardedAt },
  { header: '合同金额（元）', kind: 'yuan', value: (p) => p.contractAmountFen },
  { header: '合同签订时间', kind: 'time', value: (p) => p.contractSignedAt },
  { header: '已支付（元）', kind: 'yuan', value: (p) => p.paidFen },
  { header: '建立时间', kind: 'time', value: (p) => p.createdAt },
];

/** A project as one row of a list. */
export const projectSummary = (p: PurchaseProject) => ({
  id: p.id,
  projectNo: p.projectNo,
  ocid: p.ocid,
  title: p.title,
  department: p.department,
  purchaserKind: p.purchaserKind,
  status: p.status,
  method: p.method,
  budgetFen: Number(p.budgetFen),
  budgetYear: p.budgetYear,
  catalogueClass: p.catalogueClass,
});

/** The projects a caller may see, as a page or an export. */
export function registerPurchaseList(registry: RouteRegistry, router: Router, deps: AppDeps): void {
  const { db, config } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchases',
      tag: TAG,
      summary:
        '购买服务项目列表（承接主体：正在征集响应的和本单位参与的；专家：本人参加评审或被指派绩效评价的）',
      access: READERS,
      query: ZProjectListQuery,
      response: { status: 200, description: '项目', schema: ZProjectList },
    },
    async ({ query, session }) => {
      const where = await projectWhere(db, query, session!);
      return readPage(
        query,
        () => db.purchaseProject.count({ where }),
        (page) => db.purchaseProject.findMany({ where, orderBy: PROJECT_ORDER, ...page }),
        projectSummary,
      );
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchases/export',
      tag: TAG,
      summary: '导出购买服务项目列表（Excel 或 CSV，筛选条件与可见范围与列表相同）',
      description: `金额以元为单位。最多导出${config.EXPORT_MAX_ROWS}行。`,
      access: READERS,
      query: ZProjectExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, session, res }) => {
      const where = await projectWhere(db, query, session!);
      const total = await db.purchaseProject.count({ where });
      if (total > config.EXPORT_MAX_ROWS)
        throw new AppError(
          'unprocessable',
          `符合条件的项目共${total}个，超过单次导出上限${config.EXPORT_MAX_ROWS}个，请缩小筛选范围`,
        );
      const rows = await db.purchaseProject.findMany({ where, orderBy: PROJECT_ORDER });
      await sendTable(
        res,
        query.format,
        '购买服务项目',
        PROJECT_COLUMNS,
        rows,
        config.AUTHORITY_NAME,
      );
      return SENT;
    },
  );
}
