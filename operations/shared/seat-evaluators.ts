import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

/**
 * Seats evaluators on one project's performance evaluation (a purchase project, a funded
 * competition proposal), replacing those before: an evaluator sees and evaluates only where
 * seated. The seats have a trail of their own (`evaluator_seats_<subject>`, by the project's
 * id): the project's trail is its workflow's.
 */
export async function seatEvaluators(
  db: Db,
  input: {
    subject: 'purchase' | 'competition_proposal';
    subjectId: string;
    evaluatorIds: string[];
    actor: Actor;
  },
): Promise<void> {
  const ids = [...new Set(input.evaluatorIds)];
  const found = await db.account.count({
    where: { id: { in: ids }, role: 'evaluator', active: true },
  });
  if (found !== ids.length) throw new Refused('unprocessable', '所选账号不是在用的评估人员');
  const key = { subjectType: input.subject, subjectId: input.subjectId };
  await audited(db, {
    subjectType: `evaluator_seats_${input.subject}`,
    subjectId: input.subjectId,
    actor: input.actor,
    action: 'evaluators_seated',
    write: async (tx) => {
      await tx.evaluatorSeat.deleteMany({ where: { ...key, accountId: { notIn: ids } } });
      await tx.evaluatorSeat.createMany({
        skipDuplicates: true,
        data: ids.map((accountId) => ({ ...key, accountId, assignedById: input.actor.id })),
      });
      return { value: undefined, details: { evaluatorIds: ids } };
    },
  });
}
