import type { CompetitionPolicy } from './policy';

/**
 * Score aggregation of one scoring phase (DOMAIN §5.3): mean, trimmed mean, or per-judge z-score
 * normalisation that removes a judge's leniency or severity. Raw and normalised scores are both
 * kept; ties are settled by the round's written tie-break chain and the trace is returned.
 */

export interface JudgeScore {
  proposalId: string;
  judgeId: string;
  criteria: Record<string, number>;
}

export interface Candidate {
  proposalId: string;
  /** When the proposal was complete (ms). */
  submittedAt: number;
  requestedFen: number;
}

export interface TieStep {
  /** The proposal placed ahead and the one placed behind. */
  ahead: string;
  behind: string;
  /** The key of the chain that decided, or `proposal_id` when every key was equal. */
  decidedBy: string;
  aheadValue: number | string;
  behindValue: number | string;
}

export interface PhaseResult {
  proposalId: string;
  rank: number;
  judges: number;
  rawMean: number;
  trimmedMean: number;
  /** The z-score normalised score on the phase's scale (mean + sd × mean z). */
  normalised: number;
  /** The score of the round's method, rounded to 2 decimals: what is ranked and published. */
  score: number;
  outliers: number;
  criterionMeans: Record<string, number>;
  tieTrace: TieStep[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const total = (s: JudgeScore) => Object.values(s.criteria).reduce((a, b) => a + b, 0);

/** Drops `each` highest and lowest totals when enough remain; otherwise the plain mean. */
export function trimmedMean(totals: number[], each: number): number {
  if (totals.length <= 2 * each) return mean(totals);
  const sorted = [...totals].sort((a, b) => a - b);
  return mean(sorted.slice(each, sorted.length - each));
}

/** Per judge: (total − judge's mean) / judge's sd; a judge who gave one score everywhere adds 0. */
function zScores(scores: JudgeScore[]): Map<JudgeScore, number> {
  const byJudge = new Map<string, JudgeScore[]>();
  for (const s of scores) byJudge.set(s.judgeId, [...(byJudge.get(s.judgeId) ?? []), s]);
  const out = new Map<JudgeScore, number>();
  for (const list of byJudge.values()) {
    const t = list.map(total);
    const m = mean(t);
    const d = sd(t);
    for (const s of list) out.set(s, d > 0 ? (total(s) - m) / d : 0);
  }
  return out;
}

type Key = (r: PhaseResult, c: Candidate) => { value: number | string; better: 'high' | 'low' };

function keyOf(name: string): Key {
  if (name.startsWith('criterion:')) {
    const k = name.slice(10);
    return (r) => ({ value: round2(r.criterionMeans[k] ?? 0), better: 'high' });
  }
  if (name === 'fewer_outliers') return (r) => ({ value: r.outliers, better: 'low' });
  if (name === 'earlier_submission') return (_r, c) => ({ value: c.submittedAt, better: 'low' });
  if (name === 'lower_request') return (_r, c) => ({ value: c.requestedFen, better: 'low' });
  throw new RangeError(`unknown tie-break key ${name}`);
}

function compareTied(
  a: PhaseResult,
  b: PhaseResult,
  cand: Map<string, Candidate>,
  chain: string[],
): { order: number; step: TieStep } {
  const ca = cand.get(a.proposalId) as Candidate;
  const cb = cand.get(b.proposalId) as Candidate;
  for (const name of chain) {
    const ka = keyOf(name)(a, ca);
    const kb = keyOf(name)(b, cb);
    if (ka.value === kb.value) continue;
    const aFirst = ka.better === 'high' ? ka.value > kb.value : ka.value < kb.value;
    const [ahead, behind, av, bv] = aFirst
      ? [a, b, ka.value, kb.value]
      : [b, a, kb.value, ka.value];
    return {
      order: aFirst ? -1 : 1,
      step: {
        ahead: ahead.proposalId,
        behind: behind.proposalId,
        decidedBy: name,
        aheadValue: av,
        behindValue: bv,
      },
    };
  }
  const aFirst = a.proposalId < b.proposalId;
  return {
    order: aFirst ? -1 : 1,
    step: {
      ahead: aFirst ? a.proposalId : b.proposalId,
      behind: aFirst ? b.proposalId : a.proposalId,
      decidedBy: 'proposal_id',
      aheadValue: aFirst ? a.proposalId : b.proposalId,
      behindValue: aFirst ? b.proposalId : a.proposalId,
    },
  };
}

export function aggregatePhase(
  scores: JudgeScore[],
  candidates: Candidate[],
  p: Pick<CompetitionPolicy, 'aggregation' | 'tieBreak' | 'rubric'>,
): PhaseResult[] {
  const z = zScores(scores);
  const allTotals = scores.map(total);
  const M = mean(allTotals);
  const S = sd(allTotals);
  const cand = new Map(candidates.map((c) => [c.proposalId, c]));
  const results: PhaseResult[] = candidates.map((c) => {
    const mine = scores.filter((s) => s.proposalId === c.proposalId);
    const totals = mine.map(total);
    const rawMean = mean(totals);
    const trimmed = trimmedMean(totals, p.aggregation.trimEach);
    const normalised = M + S * mean(mine.map((s) => z.get(s) ?? 0));
    const byMethod = { mean: rawMean, trimmed_mean: trimmed, z_score: normalised };
    const criterionMeans: Record<string, number> = {};
    for (const cr of p.rubric)
      criterionMeans[cr.key] = mean(mine.map((s) => s.criteria[cr.key] ?? 0));
    return {
      proposalId: c.proposalId,
      rank: 0,
      judges: mine.length,
      rawMean,
      trimmedMean: trimmed,
      normalised,
      score: round2(byMethod[p.aggregation.method]),
      outliers: totals.filter((t) => Math.abs(t - rawMean) > p.aggregation.outlierPoints).length,
      criterionMeans,
      tieTrace: [],
    };
  });
  results.sort((a, b) =>
    a.score !== b.score ? b.score - a.score : compareTied(a, b, cand, p.tieBreak).order,
  );
  results.forEach((r, i) => {
    r.rank = i + 1;
    const prev = results[i - 1];
    if (prev && prev.score === r.score) {
      const { step } = compareTied(prev, r, cand, p.tieBreak);
      prev.tieTrace.push(step);
      r.tieTrace.push(step);
    }
  });
  return results;
}
