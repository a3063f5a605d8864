import { type Phase, PROPOSAL_FINAL, type RoundStage } from '../../domain/competition/stages';
import { roundNewsFor } from '../../lib/competition-round-news';
import type { Db } from '../../lib/db';
import type { RoundNews } from '../../workflows/competition/messages';
import { type FundingDecisionIssuer, numberFundingDecisions } from './number-funding-decisions';
import { signalProposals } from './signal-proposals';

/**
 * The round's stage in the projection, and the stage news to its proposals. Reaching
 * `implementing` makes the funding list final: its decisions get their numbers then.
 */
export function makeRoundStage(
  db: Db,
  issuer: FundingDecisionIssuer,
  now: () => number = Date.now,
) {
  return {
    async recordRoundStage(a: {
      roundId: string;
      stage: RoundStage;
      publicityEndsAt: number | null;
    }) {
      await db.competitionRound.update({
        where: { id: a.roundId },
        data: {
          stage: a.stage,
          publicityEndsAt: a.publicityEndsAt === null ? null : new Date(a.publicityEndsAt),
        },
      });
      if (a.stage === 'implementing')
        await numberFundingDecisions(db, { ...issuer, roundId: a.roundId, at: now() });
    },

    async broadcastStage(a: { roundId: string; stage: RoundStage; statuses: string[] }) {
      const ps = await db.competitionProposal.findMany({
        where: { roundId: a.roundId, status: { in: a.statuses } },
        select: { id: true },
      });
      return signalProposals(
        ps.map((p) => ({ proposalId: p.id, news: { kind: 'stage', stage: a.stage } })),
      );
    },

    /**
     * Tells the round's proposals one kind of news in the background (rounds since the patch
     * `round-news-in-background`): the people acting on a proposal carry the same news, so the
     * round need not wait, and a retry re-sends what the proposals take only once.
     */
    async deliverRoundNews(a: { roundId: string; kind: DeliveredKind; phase?: Phase }) {
      const ids = await deliveryTargets(db, a.roundId, a.kind, a.phase);
      const news = await roundNewsFor(db, a.roundId, ids);
      return signalProposals(
        ids.flatMap((proposalId) =>
          (news.get(proposalId) ?? [])
            .filter((n) => n.kind === a.kind && (!('phase' in n) || n.phase === a.phase))
            .map((n) => ({ proposalId, news: n })),
        ),
      );
    },

    /** Publicity is over: the selected may sign, the others' workflows end. */
    async closePublicity(a: { roundId: string }) {
      const ps = await db.competitionProposal.findMany({
        where: { roundId: a.roundId, status: { in: ['selected', 'not_funded'] } },
        select: { id: true },
      });
      return signalProposals(
        ps.map((p) => ({ proposalId: p.id, news: { kind: 'publicity_closed' } })),
      );
    },

    async checkRoundClosable(a: {
      roundId: string;
    }): Promise<{ ok: true } | { ok: false; reason: string }> {
      const open = await db.competitionProposal.count({
        where: { roundId: a.roundId, status: { notIn: [...PROPOSAL_FINAL, 'not_funded'] } },
      });
      return open > 0 ? { ok: false, reason: `尚有${open}个项目未结项` } : { ok: true };
    },
  };
}

type DeliveredKind = RoundNews['kind'];

/** The proposals one kind of news concerns. */
async function deliveryTargets(
  db: Db,
  roundId: string,
  kind: DeliveredKind,
  phase: Phase | undefined,
): Promise<string[]> {
  if (kind === 'panel' || kind === 'phase_closed') {
    const where = { roundId, phase: phase ?? 'first' };
    const rows =
      kind === 'panel'
        ? await db.competitionAssignment.findMany({
            where,
            distinct: ['proposalId'],
            select: { proposalId: true },
          })
        : await db.competitionResult.findMany({ where, select: { proposalId: true } });
    return rows.map((r) => r.proposalId);
  }
  const statuses = kind === 'stage' ? ['submitting', 'submitted'] : ['selected', 'not_funded'];
  const ps = await db.competitionProposal.findMany({
    where: { roundId, status: { in: statuses } },
    select: { id: true },
  });
  return ps.map((p) => p.id);
}
