import type { Db, Prisma } from '../../lib/db';
import { type Actor, changeOrganization, mustExist } from './change-organization';

/** A fact an official records on a profile: whether a Party organisation exists. */
export async function recordPartyOrganization(
  db: Db,
  input: { id: string; present: boolean; reason: string; actor: Actor },
): Promise<void> {
  await recordFact(db, input, {
    data: (now) => ({ hasPartyOrganization: input.present, partyOrgRecordedAt: now }),
    action: 'party_organization_recorded',
    details: { present: input.present },
  });
}

/** A fact an official records on a profile: staffed with institution posts, budget-funded. */
export async function recordBudgetFunding(
  db: Db,
  input: { id: string; budgetFunded: boolean; reason: string; actor: Actor },
): Promise<void> {
  await recordFact(db, input, {
    data: (now) => ({ budgetFundedStaffing: input.budgetFunded, budgetFundingRecordedAt: now }),
    action: 'budget_funding_recorded',
    details: { budgetFunded: input.budgetFunded },
  });
}

async function recordFact(
  db: Db,
  input: { id: string; reason: string; actor: Actor },
  f: {
    data: (now: Date) => Prisma.OrganizationUpdateInput;
    action: string;
    details: Prisma.InputJsonObject;
  },
): Promise<void> {
  await mustExist(db, input.id);
  const now = new Date();
  await changeOrganization(db, {
    id: input.id,
    actor: input.actor,
    action: f.action,
    reason: input.reason,
    now,
    write: async (tx) => {
      await tx.organization.update({ where: { id: input.id }, data: f.data(now) });
      return { value: undefined, details: f.details };
    },
  });
}
