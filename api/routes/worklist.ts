import { Router } from 'express';
import { z } from 'zod';
import { localDateOf, workingDaysBetween } from '../../domain/calendar';
import type { Registration } from '../../generated/prisma/client';
import { Prisma } from '../../lib/db';
import { loadRegistrationRules } from '../../lib/rules/load-registration-rules';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { ZPage } from '../../contract/common';
import { ZPageQuery, readPage } from '../paging';
import { summarize } from '../registration-access';
import type { RouteRegistry } from '../route';
import { ZRegistrationSummary } from '../schemas/registration';

const ZWorkItem = ZRegistrationSummary.extend({
  task: z.string(),
  urgency: z.enum(['overdue', 'near_due', 'normal']),
  workingDaysLeft: z.number().nullable(),
  assigneeId: z.uuid().nullable(),
});

/** The registrations waiting for this person (their role, their files). */
export function whereFor(s: Session): Prisma.RegistrationWhereInput {
  if (s.role === 'applicant')
    return { organizationId: s.org ?? undefined, awaitingRole: 'applicant' };
  if (s.role === 'bureau_head') return { awaitingRole: 'bureau_head' };
  const stages: Prisma.RegistrationWhereInput = {
    status: { in: ['submitted', 'first_review', 'second_review'] },
  };
  if (s.role === 'section_head') return stages;
  return { ...stages, OR: [{ assigneeId: s.sub }, { assigneeId: null }] };
}

/**
 * Four-eyes: files whose earlier level this person performed (the view's
 * `awaiting.excludedActorIds`) are not theirs to act on. In SQL, so that pages and totals count
 * only what the person may do; a file without a view yet, or whose view has no such list,
 * excludes nobody (NOT over the NULL they give would drop them).
 */
export function notExcluded(s: Session): Prisma.RegistrationWhereInput {
  return {
    OR: [
      { view: { equals: Prisma.DbNull } },
      { view: { path: ['awaiting', 'excludedActorIds'], equals: Prisma.DbNull } },
      { NOT: { view: { path: ['awaiting', 'excludedActorIds'], array_contains: [s.sub] } } },
    ],
  };
}

/** What waits on the file, in words. */
export function task(r: Registration, s: Session): string {
  if (r.awaitingRole === 'bureau_head') return '待批准延长审查期限';
  if (r.awaitingRole === 'applicant')
    return r.status === 'preparing' ? '筹备中，待申请成立登记' : '待补正材料';
  const mine = r.assigneeId === s.sub ? '（由您承办）' : r.assigneeId ? '' : '（待认领）';
  return `${{ submitted: '待受理审查', first_review: '待初审', second_review: '待复审' }[r.status as 'submitted'] ?? r.step}${mine}`;
}

/** What waits for the signed-in person, most urgent first. */
export function createWorklistRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const ui = { url: deps.config.TEMPORAL_UI_URL, namespace: deps.config.TEMPORAL_NAMESPACE };
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/worklist',
      tag: '待办',
      summary: '我的待办：按期限排序，标出已逾期和临近到期',
      access: ['applicant', 'reviewer', 'section_head', 'bureau_head'],
      query: ZPageQuery,
      response: {
        status: 200,
        description: '待办事项',
        schema: ZPage(ZWorkItem).extend({
          overdue: z.number().int().meta({ title: '其中已逾期的件数（全部页）' }),
        }),
      },
    },
    async ({ session, query }) => {
      const s = session!;
      const where: Prisma.RegistrationWhereInput = { AND: [whereFor(s), notExcluded(s)] };
      const now = Date.now();
      const rules = await loadRegistrationRules(deps.db, deps.config.DISTRICT_CODE, now).catch(
        () => null,
      );
      const lead = rules?.policy.limits.reminderLead;
      const overdue = deps.db.registration.count({
        where: { AND: [where, { OR: [{ overdue: true }, { dueAt: { lt: new Date(now) } }] }] },
      });
      const page = await readPage(
        query,
        () => deps.db.registration.count({ where }),
        (args) =>
          deps.db.registration.findMany({
            where,
            orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { filedAt: 'asc' }, { id: 'asc' }],
            ...args,
          }),
        (r: Registration) => {
          const left =
            r.dueAt && rules
              ? workingDaysBetween(localDateOf(now), localDateOf(r.dueAt.getTime()), rules.calendar)
                  .days
              : null;
          const late = r.overdue || (r.dueAt !== null && r.dueAt.getTime() < now);
          const near = lead?.unit === 'workingDays' ? left !== null && left <= lead.amount : false;
          return {
            ...summarize(r, ui, s),
            task: task(r, s),
            urgency: late
              ? ('overdue' as const)
              : near
                ? ('near_due' as const)
                : ('normal' as const),
            workingDaysLeft: r.dueAt && r.dueAt.getTime() < now ? 0 : left,
            assigneeId: r.assigneeId,
          };
        },
      );
      return { ...page, overdue: await overdue };
    },
  );
  return router;
}
