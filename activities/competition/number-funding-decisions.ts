import { localDateOf } from '../../domain/calendar';
import {
  FUNDING_DECISION_TITLE,
  FUNDING_DECISION_WORD,
  fundingDecisionKey,
} from '../../domain/competition/funding-decision';
import { nextCounterIn } from '../../lib/counter';
import type { Db } from '../../lib/db';
import { prepareSeal, type Sealer, storeSeal } from '../documents/seal-document';

/** Who issues the decisions: the authority's names and, when documents are sealed, its sealer. */
export interface FundingDecisionIssuer {
  shortName: string;
  authority: string;
  sealer?: Sealer | undefined;
}

/**
 * Gives each funded proposal of a round its funding decision number (资助决定书文号), once the
 * funding list is final: publicity is over and every objection is decided. A proposal that
 * already has a number keeps it, so a retried activity or a replayed stage numbers nothing twice;
 * numbers run per year without gaps (the counter row is locked in the same transaction). With a
 * sealer, each decision is sealed in the same transaction (its QR code names the seal's code).
 */
export async function numberFundingDecisions(
  db: Db,
  a: { roundId: string; at: number } & FundingDecisionIssuer,
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
      select: { id: true, organizationId: true },
    });
    const today = localDateOf(a.at);
    const year = today.slice(0, 4);
    for (const p of funded) {
      const seq = await nextCounterIn(tx, `competition-funding-decision:${year}`);
      const decisionNo = `${a.shortName}${FUNDING_DECISION_WORD}字〔${year}〕第${String(seq).padStart(4, '0')}号`;
      await tx.competitionProposal.update({
        where: { id: p.id },
        data: { decisionNo, decidedAt: new Date(a.at) },
      });
      if (!a.sealer) continue;
      const org = await tx.organization.findUnique({
        where: { id: p.organizationId },
        select: { name: true, creditCode: true },
      });
      const seal = prepareSeal(a.sealer, {
        documentKey: fundingDecisionKey(p.id),
        kind: 'competition_funding_decision',
        subjectType: 'competition_proposal',
        subjectId: p.id,
        issuedAt: new Date(a.at),
        data: {
          title: FUNDING_DECISION_TITLE,
          docNo: decisionNo,
          holder: org?.name ?? '',
          ...(org?.creditCode ? { creditCode: org.creditCode } : {}),
          issuedOn: today,
          authority: a.authority,
        },
      });
      await storeSeal(tx, seal, null);
    }
    return funded.length;
  });
}
