import { formatYuan } from '../../domain/competition/policy';
import { rankFunding } from '../../domain/competition/rank-funding';
import { addDuration } from '../../domain/deadlines';
import type { Db } from '../../lib/db';
import { loadCalendar } from '../../lib/rules/load-registration-rules';
import { roundSettings } from './round-settings';
import { signalProposals } from './signal-proposals';

type Notify = (input: {
  key: string;
  template: string;
  accountIds: string[];
  context: Record<string, string | number>;
}) => Promise<unknown>;

/**
 * The funding decision and its publicity: ranking within the budget and quotas, the projection
 * of each decision, and the news to each proposal. Re-run after an upheld objection.
 */
export function makeFunding(db: Db, notify: Notify) {
  async function decide(roundId: string, panelAmounts: Record<string, number>, deliver = true) {
    const { policy } = await roundSettings(db, roundId);
    const proposals = await db.competitionProposal.findMany({
      where: { roundId, status: { in: ['shortlisted', 'selected', 'not_funded'] } },
    });
    const results = await db.competitionResult.findMany({ where: { roundId, phase: 'roadshow' } });
    const upheld = new Set(
      (await db.competitionObjection.findMany({ where: { roundId, status: 'upheld' } })).map(
        (o) => o.proposalId,
      ),
    );
    const byId = new Map(proposals.map((p) => [p.id, p]));
    const decisions = rankFunding(
      results
        .filter((r) => byId.has(r.proposalId))
        .map((r) => {
          const p = byId.get(r.proposalId)!;
          const set =
            panelAmounts[r.proposalId] ??
            (p.awardFen !== null && p.fundingReason?.startsWith('评审会核定')
              ? Number(p.awardFen)
              : undefined);
          return {
            proposalId: r.proposalId,
            rank: r.rank,
            score: r.score,
            category: p.category,
            requestedFen: Number(p.requestedFen),
            capFen: Number(p.capFen),
            panelAmountFen: set,
            excluded: upheld.has(r.proposalId),
          };
        }),
      policy,
    );
    const changed = decisions.filter((d) => {
      const p = byId.get(d.proposalId)!;
      return (
        p.status !== (d.selected ? 'selected' : 'not_funded') ||
        Number(p.awardFen ?? 0) !== d.awardFen
      );
    });
    await db.$transaction(
      changed.map((d) =>
        db.competitionProposal.update({
          where: { id: d.proposalId },
          data: {
            status: d.selected ? 'selected' : 'not_funded',
            awardFen: d.selected ? BigInt(d.awardFen) : null,
            fundingReason:
              panelAmounts[d.proposalId] !== undefined && d.selected
                ? `评审会核定：${d.reason}`
                : d.reason,
          },
        }),
      ),
    );
    if (deliver)
      await signalProposals(
        changed.map((d) => ({
          proposalId: d.proposalId,
          news: { kind: 'funding', selected: d.selected, awardFen: d.awardFen, reason: d.reason },
        })),
      );
    const selected = decisions.filter((d) => d.selected);
    return {
      selected: selected.length,
      notFunded: decisions.length - selected.length,
      committedFen: selected.reduce((a, d) => a + d.awardFen, 0),
      budgetFen: policy.budgetFen,
    };
  }

  /** The publicity (公示) of the funding list: a first-class announcement with its end (§8). */
  async function publishList(roundId: string, title: string, at: number, endsAt: number) {
    const selected = await db.competitionProposal.findMany({
      where: { roundId, status: 'selected' },
      orderBy: { awardFen: 'desc' },
    });
    const lines = selected.map((p, i) => `${i + 1}. ${p.title}：${formatYuan(Number(p.awardFen))}`);
    const body = `${title}拟资助项目名单如下，公示期至 ${new Date(endsAt).toISOString()}。公示期内对名单有异议的，可通过系统提出。\n${lines.join('\n')}`;
    await db.announcement.upsert({
      where: { key: `competition-publicity-${roundId}` },
      create: {
        key: `competition-publicity-${roundId}`,
        kind: 'competition_publicity',
        subjectType: 'competition_round',
        subjectId: roundId,
        title: `${title}拟资助项目公示`,
        body,
        channels: ['portal'],
        publishedAt: new Date(at),
      },
      update: {},
    });
  }

  async function decideFunding(a: {
    roundId: string;
    panelAmounts: Record<string, number>;
    at: number;
    /** False since the round delivers news in the background (deliverRoundNews). */
    deliver?: boolean;
  }) {
    const { policy } = await roundSettings(db, a.roundId);
    const summary = await decide(a.roundId, a.panelAmounts, a.deliver !== false);
    const publicityEndsAt = addDuration(a.at, policy.publicity, await loadCalendar(db)).at;
    const round = await db.competitionRound.update({
      where: { id: a.roundId },
      data: { publicityEndsAt: new Date(publicityEndsAt) },
    });
    await publishList(a.roundId, round.title, a.at, publicityEndsAt);
    return { summary, publicityEndsAt };
  }

  async function recordObjection(a: {
    roundId: string;
    objectionId: string;
    proposalId: string;
    text: string;
    filedById: string;
    at: number;
  }) {
    await db.competitionObjection.upsert({
      where: { id: a.objectionId },
      create: {
        id: a.objectionId,
        roundId: a.roundId,
        proposalId: a.proposalId,
        filedById: a.filedById,
        text: a.text,
        status: 'pending',
        filedAt: new Date(a.at),
      },
      update: {},
    });
  }

  async function decideObjection(a: {
    roundId: string;
    objectionId: string;
    uphold: boolean;
    decision: string;
    actorId: string;
    at: number;
    deliver?: boolean;
  }) {
    const o = await db.competitionObjection.update({
      where: { id: a.objectionId },
      data: {
        status: a.uphold ? 'upheld' : 'dismissed',
        decision: a.decision,
        decidedById: a.actorId,
        decidedAt: new Date(a.at),
      },
    });
    const summary = await decide(a.roundId, {}, a.deliver !== false);
    const { round } = await roundSettings(db, a.roundId);
    await notify({
      key: `${a.roundId}/objection/${a.objectionId}`,
      template: 'objection_decided',
      accountIds: [o.filedById],
      context: {
        round: round.title,
        result: a.uphold ? '异议成立，取消该项目资助并重新确定资助名单' : '异议不成立',
        decision: a.decision,
      },
    });
    return { summary: { ...summary, committed: formatYuan(summary.committedFen) } };
  }

  return { decideFunding, recordObjection, decideObjection };
}
