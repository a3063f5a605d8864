import type { Db, Prisma } from '../../lib/db';
import type { Actor, Phase } from '../../workflows/competition/messages';

/** Writes of one proposal's workflow: each is an upsert on its business key, so a retry is a no-op. */
export function makeProposalRecords(db: Db) {
  const records = {
    async recordProposalStatus(a: { proposalId: string; status: string; note?: string }) {
      await db.competitionProposal.updateMany({
        where: { id: a.proposalId },
        data: { status: a.status, ...(a.note ? { qualificationNote: a.note } : {}) },
      });
    },

    async recordAudit(a: {
      proposalId: string;
      actor: Actor;
      action: string;
      to: string;
      reason: string;
      details?: Record<string, number | string>;
    }) {
      // One decision per action and proposal: the action names the step, so a retry finds its row.
      const existing = await db.auditEntry.findFirst({
        where: { subjectType: 'competition_proposal', subjectId: a.proposalId, action: a.action },
      });
      if (existing) return;
      const seq = await db.auditEntry.count({
        where: { subjectType: 'competition_proposal', subjectId: a.proposalId },
      });
      await db.auditEntry.create({
        data: {
          subjectType: 'competition_proposal',
          subjectId: a.proposalId,
          seq: seq + 1,
          workflowId: `competition-proposal-${a.proposalId}`,
          at: new Date(),
          actorId: a.actor.role === 'system' ? null : a.actor.id,
          actorName: a.actor.name,
          actorRole: a.actor.role,
          action: a.action,
          toStatus: a.to,
          reason: a.reason,
          details: (a.details ?? {}) as Prisma.InputJsonValue,
        },
      });
    },

    async recordDeclaration(a: {
      roundId: string;
      proposalId: string;
      phase: Phase;
      judgeId: string;
      conflict: boolean;
      note: string;
    }) {
      await db.competitionAssignment.update({
        where: {
          proposalId_phase_judgeId: {
            proposalId: a.proposalId,
            phase: a.phase,
            judgeId: a.judgeId,
          },
        },
        data: {
          status: a.conflict ? 'conflicted' : 'declared_clear',
          declaredAt: new Date(),
          note: a.note,
        },
      });
      if (!a.conflict) return;
      const p = await db.competitionProposal.findUniqueOrThrow({ where: { id: a.proposalId } });
      await db.competitionConflict.upsert({
        where: {
          roundId_judgeId_organizationId: {
            roundId: a.roundId,
            judgeId: a.judgeId,
            organizationId: p.organizationId,
          },
        },
        create: {
          roundId: a.roundId,
          judgeId: a.judgeId,
          organizationId: p.organizationId,
          reason: a.note,
        },
        update: {},
      });
    },

    async recordScore(a: {
      roundId: string;
      proposalId: string;
      phase: Phase;
      judgeId: string;
      criteria: Record<string, number>;
      comment: string;
    }) {
      const total = Object.values(a.criteria).reduce((x, y) => x + y, 0);
      const key = { proposalId: a.proposalId, phase: a.phase, judgeId: a.judgeId };
      await db.$transaction([
        db.competitionScore.upsert({
          where: { proposalId_phase_judgeId: key },
          create: {
            ...key,
            roundId: a.roundId,
            criteria: a.criteria,
            total,
            comment: a.comment,
            submittedAt: new Date(),
          },
          update: {},
        }),
        db.competitionAssignment.update({
          where: { proposalId_phase_judgeId: key },
          data: { status: 'scored' },
        }),
      ]);
    },

    async recordPayment(a: {
      roundId: string;
      proposalId: string;
      tranche: number;
      amountFen: number;
      status: 'ordered' | 'paid';
      actorId: string;
    }) {
      const key = { proposalId: a.proposalId, tranche: a.tranche };
      if (a.status === 'ordered') {
        await db.competitionPayment.upsert({
          where: { proposalId_tranche: key },
          create: {
            ...key,
            roundId: a.roundId,
            amountFen: BigInt(a.amountFen),
            status: 'ordered',
            orderedById: a.actorId,
            orderedAt: new Date(),
          },
          update: {},
        });
      } else {
        await db.competitionPayment.updateMany({
          where: { ...key, status: 'ordered' },
          data: { status: 'paid', confirmedById: a.actorId, confirmedAt: new Date() },
        });
      }
    },

    async recordEvaluation(a: {
      roundId: string;
      proposalId: string;
      stage: 'midterm' | 'final';
      score: number;
      grade: string;
      evaluatorId: string;
      report: string;
    }) {
      const key = { proposalId: a.proposalId, stage: a.stage };
      await db.competitionEvaluation.upsert({
        where: { proposalId_stage: key },
        create: {
          ...key,
          roundId: a.roundId,
          score: a.score,
          grade: a.grade,
          evaluatorId: a.evaluatorId,
          report: a.report,
          at: new Date(),
        },
        update: {},
      });
      if (a.stage === 'midterm')
        await db.competitionProposal.update({
          where: { id: a.proposalId },
          data: { midtermGrade: a.grade },
        });
    },
  };
  return records;
}
