import type { CompetitionPolicy } from './policy';

export type MidtermGrade = 'A' | 'B' | 'C';

/** Mid-term grade (Zhenjiang: A ≥ 85, B 60–84, C < 60; thresholds per round). */
export function midtermGrade(score: number, t: CompetitionPolicy['midterm']): MidtermGrade {
  if (score >= t.gradeA) return 'A';
  if (score >= t.gradeB) return 'B';
  return 'C';
}

/** Tranche amounts in fen; the last tranche takes the remainder, so they always add up. */
export function splitTranches(awardFen: number, percents: number[]): number[] {
  const out = percents.map((p) => Math.floor((awardFen * p) / 100));
  const rest = awardFen - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] = (out[out.length - 1] ?? 0) + rest;
  return out;
}
