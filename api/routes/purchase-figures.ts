import { Router } from 'express';
import { localDateOf } from '../../domain/calendar';
import { CATALOGUE_CLASSES } from '../../domain/purchase/catalogue';
import type { AppDeps } from '../app';
import type { RouteRegistry } from '../route';
import { ZFigures, ZFiguresQuery } from '../schemas/purchase';

const AWARDED = ['awarded', 'performing', 'closed', 'terminated'];
const n = (v: bigint | null | undefined) => Number(v ?? 0n);

/** Figures for the bureau (§0.1 dashboard): volume, social-organisation share, timeliness, payments. */
export function createPurchaseFiguresRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchase-figures',
      limit: 'expensive',
      tag: '政府购买服务',
      summary:
        '统计：按目录大类和年度的购买金额、向社会组织购买的比例、按期或逾期完成的合同、已付与预留款项',
      access: ['purchaser', 'finance', 'administrator'],
      query: ZFiguresQuery,
      response: { status: 200, description: '统计数据（金额单位：分）', schema: ZFigures },
    },
    async ({ query }) => {
      const year = query.year ? { budgetYear: query.year } : {};
      const byClass = await db.purchaseProject.groupBy({
        by: ['catalogueClass', 'budgetYear'],
        where: { ...year, contractSignedAt: { not: null } },
        _count: { _all: true },
        _sum: { contractAmountFen: true },
        orderBy: [{ budgetYear: 'asc' }, { catalogueClass: 'asc' }],
      });
      const awarded = await db.purchaseProject.findMany({
        where: { ...year, status: { in: AWARDED }, awardedOrgId: { not: null } },
        select: {
          awardedToSocialOrg: true,
          awardedAmountFen: true,
          status: true,
          closedAt: true,
          contractEndDate: true,
          paidFen: true,
          withheldFen: true,
        },
      });
      const social = awarded.filter((p) => p.awardedToSocialOrg);
      const total = awarded.reduce((s, p) => s + n(p.awardedAmountFen), 0);
      const socialFen = social.reduce((s, p) => s + n(p.awardedAmountFen), 0);
      const today = localDateOf(Date.now());
      const end = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '9999-12-31';
      const closed = awarded.filter((p) => p.status === 'closed');
      const onTime = closed.filter(
        (p) => p.closedAt && localDateOf(p.closedAt.getTime()) <= end(p.contractEndDate),
      );
      const overdueOpen = awarded.filter(
        (p) => p.status === 'performing' && today > end(p.contractEndDate),
      );
      return {
        volumeByClassAndYear: byClass.map((r) => ({
          catalogueClass: r.catalogueClass,
          classLabel:
            CATALOGUE_CLASSES[r.catalogueClass as keyof typeof CATALOGUE_CLASSES] ??
            r.catalogueClass,
          year: r.budgetYear,
          contracts: r._count._all,
          amountFen: n(r._sum.contractAmountFen),
        })),
        socialOrganizationShare: {
          awards: awarded.length,
          toSocialOrganizations: social.length,
          amountFen: total,
          toSocialOrganizationsFen: socialFen,
          shareByAmountPercent: total ? Math.round((socialFen * 10000) / total) / 100 : null,
        },
        contracts: {
          closed: closed.length,
          closedOnTime: onTime.length,
          closedLate: closed.length - onTime.length,
          performingOverdue: overdueOpen.length,
          terminated: awarded.filter((p) => p.status === 'terminated').length,
        },
        payments: {
          paidFen: awarded.reduce((s, p) => s + n(p.paidFen), 0),
          withheldFen: awarded.reduce((s, p) => s + n(p.withheldFen), 0),
        },
      };
    },
  );
  return router;
}
