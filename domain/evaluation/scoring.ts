import type { Aggregation, EvaluationPolicy, IndicatorNode } from './policy';

/** A score sheet as an evaluator fills it: one number per leaf indicator, plus bonus points. */
export interface ScoreSheet {
  scores: Record<string, number>;
  bonus: number;
}

export interface LeafIndicator {
  code: string;
  name: string;
  max: number;
  path: string;
}

/** The leaves of an indicator tree: only leaves take a score, groups are their sums. */
export function leavesOf(tree: IndicatorNode[], prefix = ''): LeafIndicator[] {
  return tree.flatMap((n) => {
    const path = prefix ? `${prefix} / ${n.name}` : n.name;
    return n.children?.length
      ? leavesOf(n.children, path)
      : [{ code: n.code, name: n.name, max: n.max, path }];
  });
}

/** §4.5 rule 5: every leaf between 0 and its maximum; returns the problems, empty when valid. */
export function validateSheet(
  sheet: ScoreSheet,
  tree: IndicatorNode[],
  pol: EvaluationPolicy,
  opts: { complete: boolean },
): string[] {
  const problems: string[] = [];
  const leaves = leavesOf(tree);
  const known = new Set(leaves.map((l) => l.code));
  for (const code of Object.keys(sheet.scores))
    if (!known.has(code)) problems.push(`没有指标“${code}”`);
  for (const l of leaves) {
    const v = sheet.scores[l.code];
    if (v === undefined) {
      if (opts.complete) problems.push(`指标“${l.path}”尚未评分`);
    } else if (!Number.isFinite(v) || v < 0 || v > l.max) {
      problems.push(`指标“${l.path}”的得分须在 0 至 ${l.max} 之间`);
    }
  }
  if (!Number.isFinite(sheet.bonus) || sheet.bonus < 0 || sheet.bonus > pol.scoring.bonusMax)
    problems.push(`加分须在 0 至 ${pol.scoring.bonusMax} 之间`);
  return problems;
}

/** Total of a sheet: sum of the leaves plus bonus, capped at the scale (1,000). */
export function sheetTotal(sheet: ScoreSheet, pol: EvaluationPolicy): number {
  const sum = Object.values(sheet.scores).reduce((a, b) => a + b, 0) + sheet.bonus;
  return round2(Math.min(pol.scoring.scale, sum));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The group's score from its sheets' totals, by the aggregation the policy names. */
export function aggregate(
  totals: number[],
  method: Aggregation,
  trimMinSheets: number,
): { score: number; used: number[] } {
  if (totals.length === 0) throw new RangeError('no sheets to aggregate');
  const sorted = [...totals].sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (method === 'median') {
    const mid = Math.floor(sorted.length / 2);
    const score =
      sorted.length % 2
        ? (sorted[mid] as number)
        : mean([sorted[mid - 1], sorted[mid]] as number[]);
    return { score: round2(score), used: sorted };
  }
  const used =
    method === 'trimmed_mean' && sorted.length >= trimMinSheets ? sorted.slice(1, -1) : sorted;
  return { score: round2(mean(used)), used };
}

/** Disagreement beyond the threshold: the committee looks at the file closely. */
export function disagreement(
  totals: number[],
  threshold: number,
): { spread: number; flagged: boolean } {
  const spread = round2(Math.max(...totals) - Math.min(...totals));
  return { spread, flagged: spread > threshold };
}

/** §4.4: the level from the threshold table in force on the decision date; 0 = below 1A. */
export function levelForScore(score: number, thresholds: EvaluationPolicy['thresholds']): number {
  const sorted = [...thresholds].sort((a, b) => b.min - a.min);
  return sorted.find((t) => score >= t.min)?.level ?? 0;
}
