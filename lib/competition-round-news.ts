import { PHASES, type Phase, type RoundStage } from '../domain/competition/stages';
import type { RoundNews } from '../workflows/competition/messages';
import type { Db } from './db';

/** Round stages from which the funding list is decided (published, then final). */
const FUNDING_STAGES: readonly RoundStage[] = ['publicity', 'implementing', 'closed'];
const PUBLICITY_OVER: readonly RoundStage[] = ['implementing', 'closed'];

/**
 * What the round has decided about each proposal, as the news its workflow should have heard,
 * read from the projection the round's activities write before they tell anyone. The round pushes
 * this news in the background and a person's action carries it, so neither waits for the other.
 * Only settled facts become news: a first-phase result while the shortlist is still being written
 * (status still `qualified`) is left out rather than guessed.
 */
export async function roundNewsFor(
  db: Db,
  roundId: string,
  proposalIds?: readonly string[],
): Promise<Map<string, RoundNews[]>> {
  const ids = proposalIds ? { in: [...proposalIds] } : undefined;
  const round = await db.competitionRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { stage: true },
  });
  const stage = round.stage as RoundStage;
  const proposals = await db.competitionProposal.findMany({
    where: { roundId, id: ids },
    select: { id: true, status: true, awardFen: true, fundingReason: true },
  });
  const assignments = await db.competitionAssignment.findMany({
    where: { roundId, proposalId: ids, replacesJudgeId: null },
    select: { proposalId: true, phase: true, judgeId: true },
    orderBy: { judgeId: 'asc' },
  });
  const results = await db.competitionResult.findMany({
    where: { roundId, proposalId: ids },
    select: { proposalId: true, phase: true, rank: true, score: true },
  });
  const panels = new Map<string, string[]>();
  for (const a of assignments) {
    const key = `${a.proposalId}:${a.phase}`;
    panels.set(key, [...(panels.get(key) ?? []), a.judgeId]);
  }
  const outcome = new Map(results.map((r) => [`${r.proposalId}:${r.phase}`, r]));

  const out = new Map<string, RoundNews[]>();
  for (const p of proposals) {
    const news: RoundNews[] = [];
    if (stage !== 'call_open') news.push({ kind: 'stage', stage });
    for (const phase of PHASES) {
      const judges = panels.get(`${p.id}:${phase}`);
      if (judges) news.push({ kind: 'panel', phase, judges });
      const r = outcome.get(`${p.id}:${phase}`);
      const advanced = phaseAdvanced(phase, p.status);
      if (r && advanced !== null)
        news.push({ kind: 'phase_closed', phase, advanced, rank: r.rank, score: r.score });
    }
    if (FUNDING_STAGES.includes(stage) && (p.status === 'selected' || p.status === 'not_funded'))
      news.push({
        kind: 'funding',
        selected: p.status === 'selected',
        awardFen: Number(p.awardFen ?? 0),
        reason: p.fundingReason ?? '',
      });
    if (PUBLICITY_OVER.includes(stage)) news.push({ kind: 'publicity_closed' });
    out.set(p.id, news);
  }
  return out;
}

/** Whether a closed phase moved the proposal on; null while the first phase's shortlist is unwritten. */
function phaseAdvanced(phase: Phase, status: string): boolean | null {
  if (phase === 'roadshow') return true;
  if (status === 'qualified') return null;
  return status !== 'not_shortlisted';
}
