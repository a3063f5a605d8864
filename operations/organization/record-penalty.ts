import { localDateOf } from '../../domain/calendar';
import type { Db } from '../../lib/db';
import { Refused } from '../refused';
import { type Actor, changeOrganization, day, mustExist } from './change-organization';

/** Records an administrative penalty (行政处罚) by its decision number, once. */
export async function recordPenalty(
  db: Db,
  input: {
    id: string;
    decisionNo: string;
    kind: string;
    decidedOn: string;
    executedOn?: string;
    description?: string;
    actor: Actor;
  },
) {
  await mustExist(db, input.id);
  const now = new Date();
  const today = localDateOf(now.getTime());
  if (input.decidedOn > today || (input.executedOn && input.executedOn > today))
    throw new Refused('unprocessable', '处罚日期不能晚于今天');
  const dup = await db.penalty.findUnique({
    where: {
      organizationId_decisionNo: { organizationId: input.id, decisionNo: input.decisionNo },
    },
  });
  if (dup) throw new Refused('conflict', `处罚决定书 ${input.decisionNo} 已登记`);
  return changeOrganization(db, {
    id: input.id,
    actor: input.actor,
    action: 'penalty_recorded',
    now,
    write: async (tx) => {
      const p = await tx.penalty.create({
        data: {
          organizationId: input.id,
          decisionNo: input.decisionNo,
          kind: input.kind,
          decidedOn: day(input.decidedOn),
          executedOn: input.executedOn ? day(input.executedOn) : null,
          description: input.description ?? null,
          recordedById: input.actor.id,
        },
      });
      return {
        value: p,
        details: {
          penaltyId: p.id,
          decisionNo: p.decisionNo,
          kind: p.kind,
          decidedOn: input.decidedOn,
        },
      };
    },
  });
}
