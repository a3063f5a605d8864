import { describe, expect, it } from '@jest/globals';
import { aggregatePhase, type JudgeScore } from '../../domain/competition/aggregate-scores';
import { competitionPolicySchema } from '../../domain/competition/policy';

/**
 * Three judges score three proposals; J1 is lenient, J3 severe. Hand computation:
 *   totals     P   Q   R     judge mean  judge sd
 *   J1        90  80  70        80       √(200/3)
 *   J2        70  80  60        70       √(200/3)
 *   J3        60  50  70        60       √(200/3)
 * mean:        P 73.33, Q 70, R 66.67
 * trimmed (drop 1 each side = median): P 70, Q 80, R 70 → P and R tie
 * z-score: mean z P = +√(3/2)/3, Q = 0, R = −√(3/2)/3; phase mean 70, phase sd √(400/3)
 *   normalised P = 70 + √(400/3)·√(3/2)/3 = 70 + 10√2/3 = 74.71; Q 70; R 65.29
 * outliers (> 15 points from the proposal's mean): P has 90 (16.67 away), Q has 50 (20 away), R none.
 */

const crit = (total: number) => ({
  need: 20,
  design: 20,
  innovation: 15,
  sustainability: 15,
  team: 15,
  budget: total - 85,
});
const T: [string, string, number][] = [
  ['P', 'J1', 90],
  ['Q', 'J1', 80],
  ['R', 'J1', 70],
  ['P', 'J2', 70],
  ['Q', 'J2', 80],
  ['R', 'J2', 60],
  ['P', 'J3', 60],
  ['Q', 'J3', 50],
  ['R', 'J3', 70],
];
// Totals below 85 lower the first criteria instead, keeping design at 20.
function criteria(total: number): Record<string, number> {
  if (total >= 85) return crit(total);
  const c = { need: 20, design: 20, innovation: 15, sustainability: 15, team: 15, budget: 0 };
  let over = 85 - total;
  for (const k of ['need', 'innovation', 'sustainability', 'team'] as const) {
    const cut = Math.min(c[k], over);
    c[k] -= cut;
    over -= cut;
  }
  return c;
}
const scores: JudgeScore[] = T.map(([proposalId, judgeId, total]) => ({
  proposalId,
  judgeId,
  criteria: criteria(total),
}));
const candidates = [
  { proposalId: 'P', submittedAt: 1000, requestedFen: 100 },
  { proposalId: 'Q', submittedAt: 2000, requestedFen: 100 },
  { proposalId: 'R', submittedAt: 3000, requestedFen: 100 },
];
const policy = (method: 'mean' | 'trimmed_mean' | 'z_score') =>
  competitionPolicySchema.parse({ aggregation: { method } });

describe('score aggregation of a phase', () => {
  it('given the mean method, then scores are the plain means and raw and normalised scores are both kept', () => {
    const r = aggregatePhase(scores, candidates, policy('mean'));
    expect(r.map((x) => [x.proposalId, x.score])).toEqual([
      ['P', 73.33],
      ['Q', 70],
      ['R', 66.67],
    ]);
    expect(r[0]!.normalised).toBeCloseTo(70 + (10 * Math.SQRT2) / 3, 9);
    expect(r.map((x) => x.outliers)).toEqual([1, 1, 0]);
  });

  it('given the trimmed mean, when P and R tie at 70, then the chain decides by fewer outliers (design is equal) and the trace says so', () => {
    const r = aggregatePhase(scores, candidates, policy('trimmed_mean'));
    expect(r.map((x) => [x.proposalId, x.score])).toEqual([
      ['Q', 80],
      ['R', 70],
      ['P', 70],
    ]);
    const step = {
      ahead: 'R',
      behind: 'P',
      decidedBy: 'fewer_outliers',
      aheadValue: 0,
      behindValue: 1,
    };
    expect(r[1]!.tieTrace).toEqual([step]);
    expect(r[2]!.tieTrace).toEqual([step]);
    expect(r[0]!.tieTrace).toEqual([]);
  });

  it('given z-score normalisation, then each judge’s leniency is removed: P 74.71, Q 70, R 65.29', () => {
    const r = aggregatePhase(scores, candidates, policy('z_score'));
    expect(r.map((x) => [x.proposalId, x.score])).toEqual([
      ['P', 74.71],
      ['Q', 70],
      ['R', 65.29],
    ]);
    expect(r.find((x) => x.proposalId === 'P')!.rawMean).toBeCloseTo(73.3333, 4);
  });

  it('given a tie on every key of the chain, then the earlier complete submission goes first', () => {
    const same = ['A', 'B'].flatMap((p) =>
      ['J1', 'J2'].map((j) => ({ proposalId: p, judgeId: j, criteria: criteria(80) })),
    );
    const r = aggregatePhase(
      same,
      [
        { proposalId: 'A', submittedAt: 5000, requestedFen: 1 },
        { proposalId: 'B', submittedAt: 4000, requestedFen: 1 },
      ],
      policy('mean'),
    );
    expect(r.map((x) => x.proposalId)).toEqual(['B', 'A']);
    expect(r[0]!.tieTrace[0]!.decidedBy).toBe('earlier_submission');
  });
});
