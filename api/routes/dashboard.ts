import { Router } from 'express';
import { z } from 'zod';
import { localDateOf, startOfLocalDay, yearOf } from '../../domain/calendar';
import { CATEGORIES, LEGAL_FORMS } from '../../domain/organization-types';
import { loadTargets } from '../../lib/rules/load-targets';
import { OPEN_STATUSES } from '../../workflows/registration/view-types';
import type { AppDeps } from '../app';
import { gradeFigures } from '../grade-figures';
import { type RouteRegistry, SENT } from '../route';
import { exportResponse, exportShape, sendTable } from '../table-export';
import { FIGURE_COLUMNS, figureRows } from './dashboard-rows';

export const ZDashboard = z
  .object({
    year: z.number(),
    registrations: z.object({
      target: z.number(),
      approved: z.number(),
      byMonth: z.array(z.number()).length(12),
      byLegalForm: z.record(z.string(), z.number()),
      byCategory: z.record(z.string(), z.number()),
      filed: z.number(),
      open: z.number(),
      overdue: z.number(),
    }),
    competition: z.object({
      rounds: z.number(),
      proposals: z.number(),
      funded: z.number(),
      budgetFen: z.number(),
      committedFen: z.number(),
      paidFen: z.number(),
    }),
    purchase: z.object({
      projects: z.number(),
      contracts: z.number(),
      contractFen: z.number(),
      toSocialOrganizationsFen: z.number(),
      paidFen: z.number(),
    }),
    grades: z.object({
      target: z.number(),
      rated: z.number(),
      due: z.number(),
      byLevel: z.record(z.string(), z.number()),
      expiringWithin12Months: z.number(),
    }),
  })
  .meta({ id: 'Dashboard' });

const count = <K extends string>(keys: readonly K[], values: K[]) =>
  Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<
    K,
    number
  >;

const fen = (v: bigint | null | undefined) => Number(v ?? 0n);

/** Venture-philanthropy rounds opened this year: proposals, funded projects, money. */
async function competitionFigures(db: AppDeps['db'], from: Date, to: Date) {
  const rounds = await db.competitionRound.findMany({
    where: { callOpensAt: { gte: from, lt: to } },
    select: { id: true, budgetFen: true },
  });
  const roundId = { in: rounds.map((r) => r.id) };
  const [proposals, funded, paid] = await Promise.all([
    db.competitionProposal.count({ where: { roundId } }),
    db.competitionProposal.aggregate({
      where: { roundId, awardFen: { not: null } },
      _count: { _all: true },
      _sum: { awardFen: true },
    }),
    db.competitionPayment.aggregate({
      where: { roundId, status: 'paid' },
      _sum: { amountFen: true },
    }),
  ]);
  return {
    rounds: rounds.length,
    proposals,
    funded: funded._count._all,
    budgetFen: rounds.reduce((a, r) => a + fen(r.budgetFen), 0),
    committedFen: fen(funded._sum.awardFen),
    paidFen: fen(paid._sum.amountFen),
  };
}

/** Purchase projects of this budget year: contracts signed, the share to social organisations. */
async function purchaseFigures(db: AppDeps['db'], from: Date, to: Date) {
  const year = Number(localDateOf(from.getTime() + 12 * 3600_000).slice(0, 4));
  const [projects, signed, social, paid] = await Promise.all([
    db.purchaseProject.count({ where: { budgetYear: year } }),
    db.purchaseProject.aggregate({
      where: { contractSignedAt: { gte: from, lt: to } },
      _count: { _all: true },
      _sum: { contractAmountFen: true },
    }),
    db.purchaseProject.aggregate({
      where: { contractSignedAt: { gte: from, lt: to }, awardedToSocialOrg: true },
      _sum: { contractAmountFen: true },
    }),
    db.purchaseProject.aggregate({
      where: { contractSignedAt: { gte: from, lt: to } },
      _sum: { paidFen: true },
    }),
  ]);
  return {
    projects,
    contracts: signed._count._all,
    contractFen: fen(signed._sum.contractAmountFen),
    toSocialOrganizationsFen: fen(social._sum.contractAmountFen),
    paidFen: fen(paid._sum.paidFen),
  };
}

/** This calendar year's figures (China Standard Time). */
async function dashboardFigures(deps: AppDeps): Promise<z.infer<typeof ZDashboard>> {
  const { db } = deps;
  const targets = await loadTargets(db, deps.config.DISTRICT_CODE, Date.now());
  const today = localDateOf(Date.now());
  const year = yearOf(today);
  const from = new Date(startOfLocalDay(`${year}-01-01`));
  const to = new Date(startOfLocalDay(`${year + 1}-01-01`));
  const [approved, filed, open, overdue] = await Promise.all([
    db.registration.findMany({
      where: { status: 'approved', decidedAt: { gte: from, lt: to } },
      select: { decidedAt: true, legalForm: true, category: true },
    }),
    db.registration.count({ where: { filedAt: { gte: from, lt: to } } }),
    db.registration.count({ where: { status: { in: [...OPEN_STATUSES] } } }),
    db.registration.count({ where: { status: { in: [...OPEN_STATUSES] }, overdue: true } }),
  ]);
  const grades = await gradeFigures(db, deps.config.DISTRICT_CODE, Date.now());
  const [competition, purchase] = await Promise.all([
    competitionFigures(db, from, to),
    purchaseFigures(db, from, to),
  ]);
  const byMonth = Array.from({ length: 12 }, () => 0);
  for (const r of approved) {
    const month = Number(localDateOf(r.decidedAt!.getTime()).slice(5, 7));
    byMonth[month - 1] = (byMonth[month - 1] ?? 0) + 1;
  }
  return {
    year,
    registrations: {
      target: targets.newRegistrationsPerYear,
      approved: approved.length,
      byMonth,
      byLegalForm: count(
        LEGAL_FORMS,
        approved.map((r) => r.legalForm),
      ),
      byCategory: count(
        CATEGORIES,
        approved.map((r) => r.category),
      ),
      filed,
      open,
      overdue,
    },
    competition,
    purchase,
    grades: {
      target: grades.target,
      rated: grades.withValidGrade,
      due: grades.dueForEvaluation,
      byLevel: grades.byLevel,
      expiringWithin12Months: grades.expiringWithin12Months,
    },
  };
}

/** The figures of the district's targets, this calendar year in China Standard Time. */
export function createDashboardRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/dashboard',
      limit: 'expensive',
      tag: '管理',
      summary: '本年度工作目标完成情况：新登记组织数、有效等级组织占比',
      access: ['administrator', 'section_head', 'bureau_head'],
      response: { status: 200, description: '统计', schema: ZDashboard },
    },
    () => dashboardFigures(deps),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/dashboard/export',
      limit: 'expensive',
      tag: '管理',
      summary: '导出本年度工作目标完成情况（Excel 或 CSV）',
      access: ['administrator', 'section_head', 'bureau_head'],
      query: z.object(exportShape),
      response: exportResponse,
    },
    async ({ query, res }) => {
      const rows = figureRows(await dashboardFigures(deps));
      await sendTable(
        res,
        query.format,
        '工作目标完成情况',
        FIGURE_COLUMNS,
        rows,
        deps.config.AUTHORITY_NAME,
      );
      return SENT;
    },
  );
  return router;
}
