import { type ExpertFacts, visibleConflict } from '../domain/evaluation/conflicts';
import type { Db } from './db';

type Tx = Pick<
  Db,
  'evaluationExpert' | 'account' | 'expertEmployment' | 'evaluationAssignment' | 'evaluationAgency'
>;

export interface ExpertCandidate {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  /** Files the expert sits on now (assigned or cleared). */
  load: number;
  /** The conflict the system sees with the organisation (§4.1), or null. */
  conflict: string | null;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The district's active expert pool as candidates for one organisation's file: everyone not
 * in `exclude` (never seated on the file before), with their load and any conflict the system
 * can see, least loaded first. The office picks replacements from it; the activity that seats
 * them checks the same facts again inside its transaction.
 */
export async function expertCandidates(
  tx: Tx,
  input: {
    districtCode: string;
    organizationId: string;
    day: string;
    lookbackYears: number;
    exclude: string[];
    only?: string[];
  },
): Promise<ExpertCandidate[]> {
  const experts = await tx.evaluationExpert.findMany({
    where: {
      active: true,
      agency: { districtCode: input.districtCode, active: true },
      accountId: { notIn: input.exclude, ...(input.only ? { in: input.only } : {}) },
    },
    include: { agency: true },
  });
  const ids = experts.map((e) => e.accountId);
  const [accounts, jobs, loads] = await Promise.all([
    tx.account.findMany({ where: { id: { in: ids }, active: true, role: 'evaluator' } }),
    tx.expertEmployment.findMany({ where: { accountId: { in: ids } } }),
    tx.evaluationAssignment.groupBy({
      by: ['evaluatorId'],
      where: { evaluatorId: { in: ids }, status: { in: ['assigned', 'cleared'] } },
      _count: { _all: true },
    }),
  ]);
  const load = new Map(loads.map((l) => [l.evaluatorId, l._count._all]));
  return experts
    .flatMap((e) => {
      const acc = accounts.find((a) => a.id === e.accountId);
      if (!acc) return [];
      const facts: ExpertFacts = {
        accountId: acc.id,
        organizationId: acc.organizationId,
        employments: jobs
          .filter((j) => j.accountId === acc.id)
          .map((j) => ({
            organizationId: j.organizationId,
            startedOn: day(j.startedOn) as string,
            endedOn: day(j.endedOn),
          })),
      };
      return [
        {
          id: acc.id,
          name: acc.displayName,
          agencyId: e.agencyId,
          agencyName: e.agency.name,
          load: load.get(acc.id) ?? 0,
          conflict: visibleConflict(facts, input.organizationId, input.day, input.lookbackYears),
        },
      ];
    })
    .sort((a, b) => a.load - b.load || a.id.localeCompare(b.id));
}
