import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';

/** Registers a third-party evaluation agency (第三方评估机构) in the district. */
export async function registerAgency(
  db: Db,
  input: { name: string; districtCode: string; actor: Actor },
) {
  return audited(db, {
    subjectType: 'evaluation_agency',
    actor: input.actor,
    action: 'agency_registered',
    write: async (tx) => {
      const a = await tx.evaluationAgency.create({
        data: { name: input.name, districtCode: input.districtCode },
      });
      return { value: a, subjectId: a.id, details: { name: a.name } };
    },
  });
}
