import { Router } from 'express';
import { z } from 'zod';
import { addCalendarMonths, localDateOf, startOfLocalDay, yearOf } from '../../domain/calendar';
import { CATEGORIES, LEGAL_FORMS } from '../../domain/organization-types';
import { type TargetsPolicy, targetsPolicySchema } from '../../domain/targets/policy';
import { loadRuleLayers, RuleSetError } from '../../lib/rules/load-rule-layers';
import { OPEN_STATUSES } from '../../workflows/registration/view-types';
import type { AppDeps } from '../app';
import type { RouteRegistry } from '../route';

/** The targets in force today; without any rule version, the defaults of DOMAIN.md §0.1. */
async function targetsInForce(deps: AppDeps): Promise<TargetsPolicy> {
  try {
    const r = await loadRuleLayers(deps.db, 'targets', deps.config.DISTRICT_CODE, Date.now(), (s) =>
      targetsPolicySchema.safeParse(s),
    );
    return r.policy;
  } catch (e) {
    if (e instanceof RuleSetError && e.kind === 'missing') return targetsPolicySchema.parse({});
    throw e;
  }
}

const ZDashboard = z
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
    grades: z.object({ target: z.number(), rated: z.number(), due: z.number() }),
  })
  .meta({ id: 'Dashboard' });

const count = <K extends string>(keys: readonly K[], values: K[]) =>
  Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<
    K,
    number
  >;

/** The figures of the district's targets, this calendar year in China Standard Time. */
export function createDashboardRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/dashboard',
      tag: '管理',
      summary: '本年度工作目标完成情况：新登记组织数、有效等级组织占比',
      access: ['administrator', 'section_head', 'bureau_head'],
      response: { status: 200, description: '统计', schema: ZDashboard },
    },
    async () => {
      const targets = await targetsInForce(deps);
      const today = localDateOf(Date.now());
      const year = yearOf(today);
      const from = new Date(startOfLocalDay(`${year}-01-01`));
      const to = new Date(startOfLocalDay(`${year + 1}-01-01`));
      const twoYearsAgo = new Date(startOfLocalDay(addCalendarMonths(today, -24)));
      const [approved, filed, open, overdue] = await Promise.all([
        db.registration.findMany({
          where: { status: 'approved', decidedAt: { gte: from, lt: to } },
          select: { decidedAt: true, legalForm: true, category: true },
        }),
        db.registration.count({ where: { filedAt: { gte: from, lt: to } } }),
        db.registration.count({ where: { status: { in: [...OPEN_STATUSES] } } }),
        db.registration.count({ where: { status: { in: [...OPEN_STATUSES] }, overdue: true } }),
      ]);
      // Due for evaluation: registered for two full years (DOMAIN.md §4.2).
      const due = {
        status: 'registered' as const,
        OR: [{ registeredAt: null }, { registeredAt: { lte: twoYearsAgo } }],
      };
      const validGrade = {
        some: { status: 'active' as const, expiresOn: { gte: new Date(`${today}T00:00:00Z`) } },
      };
      const [dueCount, rated] = await Promise.all([
        db.organization.count({ where: due }),
        db.organization.count({ where: { ...due, grades: validGrade } }),
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
        grades: { target: targets.ratedShareOfDue, rated, due: dueCount },
      };
    },
  );
  return router;
}
