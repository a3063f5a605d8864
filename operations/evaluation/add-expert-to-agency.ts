import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

/** Puts an active evaluator account into an agency's pool (moving it from another agency's). */
export async function addExpertToAgency(
  db: Db,
  input: { agencyId: string; accountId: string; districtCode: string; actor: Actor },
) {
  const agency = await db.evaluationAgency.findFirst({
    where: { id: input.agencyId, districtCode: input.districtCode },
  });
  if (!agency) throw new Refused('not_found', '没有找到该评估机构');
  const acc = await db.account.findFirst({
    where: { id: input.accountId, role: 'evaluator', active: true },
  });
  if (!acc) throw new Refused('unprocessable', '须为在用的评估专家账号');
  await audited(db, {
    subjectType: 'evaluation_agency',
    subjectId: agency.id,
    actor: input.actor,
    action: 'expert_added',
    write: async (tx) => {
      await tx.evaluationExpert.upsert({
        where: { accountId: acc.id },
        create: { accountId: acc.id, agencyId: agency.id },
        update: { agencyId: agency.id, active: true },
      });
      return { value: undefined, details: { accountId: acc.id } };
    },
  });
  return { accountId: acc.id, agencyId: agency.id };
}
