import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** Records where an expert worked, and when: the ground for recusal. */
export async function recordExpertEmployment(
  db: Db,
  input: {
    accountId: string;
    organizationId: string;
    startedOn: string;
    endedOn: string | null;
    actor: Actor;
  },
) {
  const expert = await db.evaluationExpert.findUnique({ where: { accountId: input.accountId } });
  if (!expert) throw new Refused('not_found', '没有找到该评估专家');
  if (input.endedOn !== null && input.endedOn < input.startedOn)
    throw new Refused('unprocessable', '离职日期不能早于入职日期');
  const org = await db.organization.findUnique({ where: { id: input.organizationId } });
  if (!org) throw new Refused('unprocessable', '没有找到该组织');
  return audited(db, {
    subjectType: 'evaluation_expert',
    subjectId: input.accountId,
    actor: input.actor,
    action: 'employment_recorded',
    write: async (tx) => {
      const e = await tx.expertEmployment.create({
        data: {
          accountId: input.accountId,
          organizationId: input.organizationId,
          startedOn: day(input.startedOn),
          endedOn: input.endedOn ? day(input.endedOn) : null,
        },
      });
      return {
        value: e,
        details: {
          employmentId: e.id,
          organizationId: input.organizationId,
          startedOn: input.startedOn,
          endedOn: input.endedOn,
        },
      };
    },
  });
}
