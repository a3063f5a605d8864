import type { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../lib/db';
import { seatEvaluators } from '../operations/shared/seat-evaluators';
import type { AppDeps } from './app';
import type { Role, Session } from './auth/session';
import { operate, operatorOf } from './operations';
import { type RouteRegistry, uuidParam } from './route';

/**
 * Evaluators seated on one project's performance evaluation (a purchase project, a funded
 * competition proposal): an evaluator sees and evaluates only where seated (issue 13 point 7).
 */
export type SeatSubject = 'purchase' | 'competition_proposal';

export async function isSeated(db: Db, subject: SeatSubject, id: string, accountId: string) {
  const seat = await db.evaluatorSeat.findUnique({
    where: { subjectType_subjectId_accountId: { subjectType: subject, subjectId: id, accountId } },
  });
  return seat !== null;
}

/** The subjects an evaluator is seated on. */
export async function seatsOf(db: Db, subject: SeatSubject, accountId: string): Promise<string[]> {
  const rows = await db.evaluatorSeat.findMany({
    where: { subjectType: subject, accountId },
    select: { subjectId: true },
  });
  return rows.map((r) => r.subjectId);
}

export async function seatedEvaluators(db: Db, subject: SeatSubject, id: string) {
  const rows = await db.evaluatorSeat.findMany({ where: { subjectType: subject, subjectId: id } });
  const accounts = await db.account.findMany({
    where: { id: { in: rows.map((r) => r.accountId) } },
    select: { id: true, displayName: true },
    orderBy: { displayName: 'asc' },
  });
  return accounts.map((a) => ({ id: a.id, name: a.displayName }));
}

/** `PUT …/:id/<path>`: the evaluators seated on one subject, replacing those before. */
export function registerSeatRoute(
  router: Router,
  registry: RouteRegistry,
  deps: AppDeps,
  route: {
    subject: SeatSubject;
    path: string;
    tag: string;
    summary: string;
    access: readonly Role[];
    /** Finds the subject the caller may act on, or throws (404). */
    find: (id: string, session: Session) => Promise<unknown>;
  },
): void {
  registry.add(
    router,
    {
      method: 'put',
      path: route.path,
      tag: route.tag,
      summary: route.summary,
      access: route.access,
      params: uuidParam,
      body: z.object({ evaluatorIds: z.array(z.uuid()).max(10) }),
      response: {
        status: 200,
        description: '已指派的评估人员',
        schema: z.object({ evaluators: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
      },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await route.find(params.id, session!);
      await operate(() =>
        seatEvaluators(deps.db, {
          subject: route.subject,
          subjectId: params.id,
          evaluatorIds: body.evaluatorIds,
          actor: operatorOf(session!),
        }),
      );
      return { evaluators: await seatedEvaluators(deps.db, route.subject, params.id) };
    },
  );
}
