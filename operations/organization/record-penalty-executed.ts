import { localDateOf } from '../../domain/calendar';
import type { Db } from '../../lib/db';
import { Refused } from '../refused';
import { type Actor, changeOrganization, day } from './change-organization';

/** Records the day a penalty was fully carried out (执行完毕), once. */
export async function recordPenaltyExecuted(
  db: Db,
  input: { id: string; penaltyId: string; executedOn: string; actor: Actor },
) {
  const p = await db.penalty.findFirst({
    where: { id: input.penaltyId, organizationId: input.id },
  });
  if (!p) throw new Refused('not_found', '处罚记录不存在');
  if (p.executedOn) throw new Refused('conflict', '该处罚已登记执行完毕');
  const decided = p.decidedOn.toISOString().slice(0, 10);
  const now = new Date();
  if (input.executedOn < decided || input.executedOn > localDateOf(now.getTime()))
    throw new Refused('unprocessable', '执行完毕日期应在处罚决定日期与今天之间');
  return changeOrganization(db, {
    id: input.id,
    actor: input.actor,
    action: 'penalty_executed',
    now,
    write: async (tx) => ({
      value: await tx.penalty.update({
        where: { id: p.id },
        data: { executedOn: day(input.executedOn) },
      }),
      details: { penaltyId: p.id, executedOn: input.executedOn },
    }),
  });
}
