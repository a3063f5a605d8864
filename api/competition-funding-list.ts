import type { Db } from '../lib/db';

/*
 * A round's funding list as it is made public (公示), the same for the signed-in publicity page
 * (routes/competition-objections.ts) and the public lists (public-listings.ts).
 */

/** Round stages from which the funding list is public. */
export const FUNDING_LIST_PUBLIC_STAGES = ['publicity', 'implementing', 'closed'];

/** Statuses of a project on the funding list (selected, then signed and under way). */
const LISTED = [
  'selected',
  'agreement_signed',
  'in_progress',
  'midterm_passed',
  'suspended',
  'terminated',
  'final_passed',
  'final_tranche_withheld',
  'closed',
];

/** The listed projects of these rounds, largest award first, with their organisations' names. */
export async function fundingList(db: Db, roundIds: string[]) {
  const proposals = await db.competitionProposal.findMany({
    where: { roundId: { in: roundIds }, status: { in: LISTED } },
    select: {
      id: true,
      roundId: true,
      title: true,
      category: true,
      organizationId: true,
      awardFen: true,
      status: true,
    },
    orderBy: [{ awardFen: 'desc' }, { submittedAt: 'asc' }],
  });
  const orgs = await db.organization.findMany({
    where: { id: { in: [...new Set(proposals.map((p) => p.organizationId))] } },
    select: { id: true, name: true },
  });
  return { proposals, names: new Map(orgs.map((o) => [o.id, o.name])) };
}
