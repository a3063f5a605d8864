import { Router } from 'express';
import { z } from 'zod';
import { localDateOf, workingDaysBetween } from '../../domain/calendar';
import type { Registration } from '../../generated/prisma/client';
import type { Prisma } from '../../lib/db';
import { loadRegistrationRules } from '../../lib/rules/load-registration-rules';
import type { RegistrationView } from '../../workflows/registration/view-types';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
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
      response: {
        status: 200,
        description: '待办事项',
        schema: z.object({ items: z.array(ZWorkItem) }),
      },
    },
    async ({ session }) => {
      const s = session!;
      const rows = await deps.db.registration.findMany({
        where: whereFor(s),
        orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { filedAt: 'asc' }],
        take: 500,
      });
      // Four-eyes: files whose earlier level this person performed are not theirs to act on.
      const mine = rows.filter(
        (r) =>
          !((r.view as RegistrationView | null)?.awaiting.excludedActorIds ?? []).includes(s.sub),
      );
      const now = Date.now();
      const rules = await loadRegistrationRules(deps.db, deps.config.DISTRICT_CODE, now).catch(
        () => null,
      );
      const lead = rules?.policy.limits.reminderLead;
      const items = mine.map((r) => {
        const left =
          r.dueAt && rules
            ? workingDaysBetween(localDateOf(now), localDateOf(r.dueAt.getTime()), rules.calendar)
                .days
            : null;
        const overdue = r.overdue || (r.dueAt !== null && r.dueAt.getTime() < now);
        const near = lead?.unit === 'workingDays' ? left !== null && left <= lead.amount : false;
        return {
          ...summarize(r, ui, s),
          task: task(r, s),
          urgency: overdue
            ? ('overdue' as const)
            : near
              ? ('near_due' as const)
              : ('normal' as const),
          workingDaysLeft: r.dueAt && r.dueAt.getTime() < now ? 0 : left,
          assigneeId: r.assigneeId,
        };
      });
      return { items };
    },
  );
  return router;
}
