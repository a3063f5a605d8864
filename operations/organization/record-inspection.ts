import { localDateOf } from '../../domain/calendar';
import type { InspectionResult } from '../../domain/organization/profile';
import type { Db } from '../../lib/db';
import { Refused } from '../refused';
import { type Actor, changeOrganization, mustExist } from './change-organization';

/** Records (or corrects) a past year's annual inspection (年检) result. */
export async function recordInspection(
  db: Db,
  input: { id: string; year: number; result: InspectionResult; reason?: string; actor: Actor },
): Promise<void> {
  await mustExist(db, input.id);
  const now = new Date();
  if (input.year >= Number(localDateOf(now.getTime()).slice(0, 4)))
    throw new Refused('unprocessable', `${input.year}年度的年检尚未进行`);
  await changeOrganization(db, {
    id: input.id,
    actor: input.actor,
    action: 'inspection_recorded',
    reason: input.reason ?? null,
    now,
    write: async (tx) => {
      await tx.annualInspection.upsert({
        where: { organizationId_year: { organizationId: input.id, year: input.year } },
        create: {
          organizationId: input.id,
          year: input.year,
          result: input.result,
          recordedById: input.actor.id,
        },
        update: { result: input.result, recordedById: input.actor.id, recordedAt: now },
      });
      return { value: undefined, details: { year: input.year, result: input.result } };
    },
  });
}
