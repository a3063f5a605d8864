import { PROPOSAL_FINAL, type RoundStage } from '../../domain/competition/stages';
import type { Db } from '../../lib/db';
import { signalProposals } from './signal-proposals';

/** The round's stage in the projection, and the stage news to its proposals. */
export function makeRoundStage(db: Db) {
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
