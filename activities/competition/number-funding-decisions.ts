import { localDateOf } from '../../domain/calendar';
import { nextCounterIn } from '../../lib/counter';
import type { Db } from '../../lib/db';

/** 资助决定书 numbers: the word between the authority's short name and the year. */
export const FUNDING_DECISION_WORD = '创资';

/**
 * Gives each funded proposal of a round its funding decision number (资助决定书文号), once the
 * funding list is final: publicity is over and every objection is decided. A proposal that
 * already has a number keeps it, so a retried activity or a replayed stage numbers nothing twice;
 * numbers run per year without gaps (the counter row is locked in the same transaction).
 */
export async function numberFundingDecisions(
  db: Db,
  a: { roundId: string; shortName: string; at: number },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const funded = await tx.competitionProposal.findMany({
      where: {
        roundId: a.roundId,
        decisionNo: null,
        awardFen: { not: null },
        status: { notIn: ['not_funded', 'rejected', 'not_shortlisted', 'start_failed'] },
      },
      orderBy: [{ awardFen: 'desc' }, { submittedAt: 'asc' }],
      select: { id: true },
    });
    const year = localDateOf(a.at).slice(0, 4);
    for (const p of funded) {
      const seq = await nextCounterIn(tx, `competition-funding-decision:${year}`);
      await tx.competitionProposal.update({
        where: { id: p.id },
        data: {
          decisionNo: `${a.shortName}${FUNDING_DECISION_WORD}字〔${year}〕第${String(seq).padStart(4, '0')}号`,
          decidedAt: new Date(a.at),
        },
      });
    }
    return funded.length;
  });
}
