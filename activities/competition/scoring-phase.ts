import { aggregatePhase } from '../../domain/competition/aggregate-scores';
import { PHASE_LABEL, type Phase } from '../../domain/competition/stages';
import type { Db } from '../../lib/db';
import { roundSettings } from './round-settings';
import { signalProposals } from './signal-proposals';

type Notify = (input: {
  key: string;
  template: string;
  accountIds: string[];
  context: Record<string, string | number>;
}) => Promise<unknown>;

const CANDIDATE_STATUS: Record<Phase, string> = { first: 'qualified', roadshow: 'shortlisted' };
const CHUNK = 5000;

type Outcome<T> = { ok: true; summary: T } | { ok: false; reason: string };

/**
 * Panel assignment: each proposal gets `minPanelSize` judges of the phase, never one who declared
 * a link to its organisation, least-loaded first (ties by the judge's place in the panel), so the
 * same data always gives the same panels.
 */
function assignPanels(
  proposals: { id: string; organizationId: string }[],
  judges: string[],
  conflicts: Set<string>,
  size: number,
): { panels: Map<string, string[]>; short: string[] } {
  const load = new Map(judges.map((j) => [j, 0]));
  const panels = new Map<string, string[]>();
  const short: string[] = [];
  for (const p of proposals) {
    const free = judges
      .filter((j) => !conflicts.has(`${j}:${p.organizationId}`))
      .sort(
        (a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || judges.indexOf(a) - judges.indexOf(b),
      )
      .slice(0, size);
    if (free.length < size) short.push(p.id);
    for (const j of free) load.set(j, (load.get(j) ?? 0) + 1);
    panels.set(p.id, free);
  }
  return { panels, short };
}

export function makeScoringPhase(db: Db, notify: Notify) {
  async function openScoringPhase(a: {
    roundId: string;
    phase: Phase;
    /** False since the round delivers news in the background (deliverRoundNews). */
    deliver?: boolean;
  }): Promise<Outcome<{ proposals: number; judges: number }>> {
    const { round, policy } = await roundSettings(db, a.roundId);
    if (a.phase === 'first') {
      const pending = await db.competitionProposal.count({
        where: { roundId: a.roundId, status: { in: ['submitting', 'submitted'] } },
      });
      if (pending > 0) return { ok: false, reason: `尚有${pending}个项目未完成资格审查` };
    }
    const proposals = await db.competitionProposal.findMany({
      where: { roundId: a.roundId, status: CANDIDATE_STATUS[a.phase] },
      orderBy: { submittedAt: 'asc' },
      select: { id: true, organizationId: true },
    });
    if (proposals.length === 0) return { ok: false, reason: '没有可评审的项目' };
    const judges = (
      await db.competitionJudge.findMany({
        where: { roundId: a.roundId, phase: a.phase },
        orderBy: { accountId: 'asc' },
      })
    ).map((j) => j.accountId);
    if (judges.length < policy.minPanelSize)
      return {
        ok: false,
        reason: `${PHASE_LABEL[a.phase]}评审专家${judges.length}人，少于每个项目至少${policy.minPanelSize}人的要求`,
      };
    const conflicts = new Set(
      (await db.competitionConflict.findMany({ where: { roundId: a.roundId } })).map(
        (c) => `${c.judgeId}:${c.organizationId}`,
      ),
    );
    const { panels, short } = assignPanels(proposals, judges, conflicts, policy.minPanelSize);
    if (short.length > 0)
      return {
        ok: false,
        reason: `${short.length}个项目回避利益冲突后可用评审不足${policy.minPanelSize}人，请增补评审专家`,
      };
    const rows = [...panels].flatMap(([proposalId, js]) =>
      js.map((judgeId) => ({
        proposalId,
        phase: a.phase,
        judgeId,
        roundId: a.roundId,
        status: 'assigned',
      })),
    );
    for (let i = 0; i < rows.length; i += CHUNK)
      await db.competitionAssignment.createMany({
        data: rows.slice(i, i + CHUNK),
        skipDuplicates: true,
      });
    if (a.deliver !== false)
      await signalProposals(
        [...panels].map(([proposalId, js]) => ({
          proposalId,
          news: { kind: 'panel', phase: a.phase, judges: js },
        })),
      );
    for (const j of judges) {
      const count = rows.filter((r) => r.judgeId === j).length;
      await notify({
        key: `${a.roundId}/${a.phase}/assigned/${j}`,
        template: 'judge_assigned',
        accountIds: [j],
        context: { round: round.title, phase: PHASE_LABEL[a.phase], count },
      });
    }
    return { ok: true, summary: { proposals: proposals.length, judges: judges.length } };
  }

  async function closeScoringPhase(a: {
    roundId: string;
    phase: Phase;
    deliver?: boolean;
  }): Promise<Outcome<Record<string, number | string>>> {
    const { policy } = await roundSettings(db, a.roundId);
    const proposals = await db.competitionProposal.findMany({
      where: { roundId: a.roundId, status: CANDIDATE_STATUS[a.phase] },
      select: { id: true, submittedAt: true, requestedFen: true },
    });
    const scores = await db.competitionScore.findMany({
      where: { roundId: a.roundId, phase: a.phase },
    });
    const counts = new Map<string, number>();
    for (const s of scores) counts.set(s.proposalId, (counts.get(s.proposalId) ?? 0) + 1);
    const short = proposals.filter((p) => (counts.get(p.id) ?? 0) < policy.minPanelSize);
    if (short.length > 0)
      return {
        ok: false,
        reason: `${short.length}个项目的有效评分少于${policy.minPanelSize}份，尚不能汇总`,
      };
    const results = aggregatePhase(
      scores.map((s) => ({
        proposalId: s.proposalId,
        judgeId: s.judgeId,
        criteria: s.criteria as Record<string, number>,
      })),
      proposals.map((p) => ({
        proposalId: p.id,
        submittedAt: p.submittedAt.getTime(),
        requestedFen: Number(p.requestedFen),
      })),
      policy,
    );
    const rows = results.map((r) => ({
      proposalId: r.proposalId,
      phase: a.phase,
      roundId: a.roundId,
      rank: r.rank,
      judges: r.judges,
      method: policy.aggregation.method,
      rawMean: r.rawMean,
      trimmedMean: r.trimmedMean,
      normalised: r.normalised,
      score: r.score,
      outliers: r.outliers,
      criterionMeans: r.criterionMeans,
      tieTrace: r.tieTrace as never,
    }));
    await db.$transaction(
      async (tx) => {
        await tx.competitionResult.deleteMany({ where: { roundId: a.roundId, phase: a.phase } });
        for (let i = 0; i < rows.length; i += CHUNK)
          await tx.competitionResult.createMany({ data: rows.slice(i, i + CHUNK) });
      },
      { timeout: 120_000 },
    );
    const advanced = new Set(
      a.phase === 'first'
        ? results
            .filter((r) => r.score >= policy.passMark)
            .slice(0, policy.shortlistSize)
            .map((r) => r.proposalId)
        : results.map((r) => r.proposalId),
    );
    if (a.phase === 'first') {
      // The round decides the shortlist: the projection changes now, before the next phase reads it.
      const ids = results.map((r) => r.proposalId);
      await db.competitionProposal.updateMany({
        where: { id: { in: ids.filter((i) => advanced.has(i)) } },
        data: { status: 'shortlisted' },
      });
      await db.competitionProposal.updateMany({
        where: { id: { in: ids.filter((i) => !advanced.has(i)) } },
        data: { status: 'not_shortlisted' },
      });
    }
    if (a.deliver !== false)
      await signalProposals(
        results.map((r) => ({
          proposalId: r.proposalId,
          news: {
            kind: 'phase_closed',
            phase: a.phase,
            advanced: advanced.has(r.proposalId),
            rank: r.rank,
            score: r.score,
          },
        })),
      );
    return {
      ok: true,
      summary: {
        proposals: results.length,
        advanced: advanced.size,
        method: policy.aggregation.method,
        topScore: results[0]?.score ?? 0,
        tieSteps: results.reduce((n, r) => n + r.tieTrace.length, 0) / 2,
      },
    };
  }

  /**
   * A judge declared a conflict on opening a proposal: the least-loaded free judge replaces them.
   * The replacement row names whom it replaces, so a retried activity finds it instead of
   * seating a second judge.
   */
  async function replaceJudge(a: {
    roundId: string;
    proposalId: string;
    phase: Phase;
    organizationId: string;
    /** The conflicted judge (histories recorded before this field lack it). */
    replacing?: string;
  }): Promise<string | null> {
    if (a.replacing) {
      const done = await db.competitionAssignment.findFirst({
        where: { proposalId: a.proposalId, phase: a.phase, replacesJudgeId: a.replacing },
      });
      if (done) return done.judgeId;
    }
    const judges = (
      await db.competitionJudge.findMany({
        where: { roundId: a.roundId, phase: a.phase },
        orderBy: { accountId: 'asc' },
      })
    ).map((j) => j.accountId);
    const taken = new Set(
      (
        await db.competitionAssignment.findMany({
          where: { proposalId: a.proposalId, phase: a.phase },
        })
      ).map((x) => x.judgeId),
    );
    const conflicted = new Set(
      (
        await db.competitionConflict.findMany({
          where: { roundId: a.roundId, organizationId: a.organizationId },
        })
      ).map((c) => c.judgeId),
    );
    const free = judges.filter((j) => !taken.has(j) && !conflicted.has(j));
    if (free.length === 0) return null;
    const loads = await db.competitionAssignment.groupBy({
      by: ['judgeId'],
      where: { roundId: a.roundId, phase: a.phase, judgeId: { in: free } },
      _count: { _all: true },
    });
    const load = (j: string) => loads.find((l) => l.judgeId === j)?._count._all ?? 0;
    const pick = [...free].sort(
      (x, y) => load(x) - load(y) || judges.indexOf(x) - judges.indexOf(y),
    )[0] as string;
    await db.competitionAssignment.upsert({
      where: {
        proposalId_phase_judgeId: { proposalId: a.proposalId, phase: a.phase, judgeId: pick },
      },
      create: {
        proposalId: a.proposalId,
        phase: a.phase,
        judgeId: pick,
        roundId: a.roundId,
        status: 'assigned',
        replacesJudgeId: a.replacing ?? null,
      },
      update: {},
    });
    return pick;
  }

  return { openScoringPhase, closeScoringPhase, replaceJudge };
}
