import type { Db } from '../../lib/db';
import { type Actor, changeOrganization, mustExist } from './change-organization';

/**
 * Lists or unlists an organisation (活动异常名录, 严重违法失信名单) or records an investigation
 * (立案调查); a flag already set keeps the day it was first set.
 */
export async function changeOrganizationFlags(
  db: Db,
  input: {
    id: string;
    abnormalListed?: boolean;
    dishonestListed?: boolean;
    underInvestigation?: boolean;
    investigationNote?: string;
    reason: string;
    actor: Actor;
  },
): Promise<void> {
  await mustExist(db, input.id);
  const now = new Date();
  const since = (on: boolean | undefined, current: Date | null) =>
    on === undefined ? undefined : on ? (current ?? now) : null;
  await changeOrganization(db, {
    id: input.id,
    actor: input.actor,
    action: 'flags_changed',
    reason: input.reason,
    now,
    write: async (tx) => {
      const org = await tx.organization.findUniqueOrThrow({ where: { id: input.id } });
      await tx.organization.update({
        where: { id: input.id },
        data: {
          abnormalListedAt: since(input.abnormalListed, org.abnormalListedAt),
          dishonestListedAt: since(input.dishonestListed, org.dishonestListedAt),
          underInvestigationSince: since(input.underInvestigation, org.underInvestigationSince),
          ...(input.investigationNote === undefined
            ? {}
            : { investigationNote: input.investigationNote }),
        },
      });
      return {
        value: undefined,
        details: {
          abnormalListed: input.abnormalListed ?? null,
          dishonestListed: input.dishonestListed ?? null,
          underInvestigation: input.underInvestigation ?? null,
        },
      };
    },
  });
}
