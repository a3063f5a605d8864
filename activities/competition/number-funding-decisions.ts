import { localDateOf } from '../../domain/calendar';
import {
  FUNDING_DECISION_TITLE,
  FUNDING_DECISION_WORD,
  fundingDecisionKey,
} from '../../domain/competition/funding-decision';
import { nextCounterIn } from '../../lib/counter';
import type { Db, Prisma } from '../../lib/db';
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
    // The round's row lock queues a stage activity and the worker's backfill on the same round,
    // so the second finds the first's numbers and seals.
    await tx.$queryRaw`SELECT id FROM "CompetitionRound" WHERE id = ${a.roundId}::uuid FOR UPDATE`;
    const funded = await tx.competitionProposal.findMany({
      where: {
        roundId: a.roundId,
        awardFen: { not: null },
        status: { notIn: ['not_funded', 'rejected', 'not_shortlisted', 'start_failed'] },
      },
      orderBy: [{ awardFen: 'desc' }, { submittedAt: 'asc' }],
      select: { id: true, organizationId: true, decisionNo: true, decidedAt: true },
    });
    const sealed = new Set(
      (
        await tx.documentSeal.findMany({
          where: { documentKey: { in: funded.map((p) => fundingDecisionKey(p.id)) } },
          select: { documentKey: true },
        })
      ).map((s) => s.documentKey),
    );
    const year = localDateOf(a.at).slice(0, 4);
    let numbered = 0;
    for (const p of funded) {
      let { decisionNo, decidedAt } = p;
      if (!decisionNo || !decidedAt) {
        const seq = await nextCounterIn(tx, `competition-funding-decision:${year}`);
        decisionNo = `${a.shortName}${FUNDING_DECISION_WORD}字〔${year}〕第${String(seq).padStart(4, '0')}号`;
        decidedAt = new Date(a.at);
        await tx.competitionProposal.update({
          where: { id: p.id },
          data: { decisionNo, decidedAt },
        });
        numbered++;
      }
      // A decision numbered before decisions were sealed is sealed as of its own date.
      if (a.sealer && !sealed.has(fundingDecisionKey(p.id)))
        await sealDecision(tx, a, p, decisionNo, decidedAt);
    }
    return numbered;
  });
}

async function sealDecision(
  tx: Prisma.TransactionClient,
  issuer: FundingDecisionIssuer & { sealer?: Sealer | undefined },
  p: { id: string; organizationId: string },
  decisionNo: string,
  decidedAt: Date,
): Promise<void> {
  if (!issuer.sealer) return;
  const org = await tx.organization.findUnique({
    where: { id: p.organizationId },
    select: { name: true, creditCode: true },
  });
  const seal = prepareSeal(issuer.sealer, {
    documentKey: fundingDecisionKey(p.id),
    kind: 'competition_funding_decision',
    subjectType: 'competition_proposal',
    subjectId: p.id,
    issuedAt: decidedAt,
    data: {
      title: FUNDING_DECISION_TITLE,
      docNo: decisionNo,
      holder: org?.name ?? '',
      ...(org?.creditCode ? { creditCode: org.creditCode } : {}),
      issuedOn: localDateOf(decidedAt.getTime()),
      authority: issuer.authority,
    },
  });
  await storeSeal(tx, seal, null);
}

/** Stages at which a round's funding list is final (activities/competition/round-stage.ts). */
const FINAL_LIST_STAGES = ['implementing', 'closed'];

/**
 * Numbers and seals the funding decisions of rounds whose list became final before decisions
 * were numbered or sealed (issue 15 point 11): each such round as `numberFundingDecisions` would
 * have at its stage, so running it again (every worker start) changes nothing.
 */
export async function backfillFundingDecisions(
  db: Db,
  issuer: FundingDecisionIssuer,
  at: number = Date.now(),
): Promise<{ rounds: number; numbered: number }> {
  const rounds = await db.competitionRound.findMany({
    where: {
      stage: { in: FINAL_LIST_STAGES },
      proposals: { some: { awardFen: { not: null } } },
    },
    select: { id: true },
  });
  let numbered = 0;
  for (const r of rounds)
    numbered += await numberFundingDecisions(db, { ...issuer, roundId: r.id, at });
  return { rounds: rounds.length, numbered };
}
