import { leavesOf } from '../../../domain/evaluation/scoring';
import type { IndicatorNode } from './types';

/** Form values as typed: one text per leaf code, and the bonus. */
export interface SheetValues {
  scores: Record<string, string>;
  bonus: string;
}

export type SheetErrors = Record<string, string>;

/** The key of the bonus field in SheetErrors (leaf codes never contain a space). */
export const BONUS = 'bonus points';

/**
 * Checks every typed value against its maximum before anything is sent; the same words as the
 * server's check (domain/evaluation/scoring.ts), so either refusal reads the same.
 */
export function checkSheet(v: SheetValues, tree: IndicatorNode[], bonusMax: number): SheetErrors {
  const errors: SheetErrors = {};
  for (const l of leavesOf(tree)) {
    const raw = v.scores[l.code]?.trim() ?? '';
    if (raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > l.max)
      errors[l.code] = `指标“${l.path}”的得分须在 0 至 ${l.max} 之间`;
  }
  const b = v.bonus.trim() === '' ? 0 : Number(v.bonus);
  if (!Number.isFinite(b) || b < 0 || b > bonusMax)
    errors[BONUS] = `加分须在 0 至 ${bonusMax} 之间`;
  return errors;
}

/** The numbers to send: empty leaves are left out (a draft may be partial). */
export function sheetBody(v: SheetValues) {
  const scores: Record<string, number> = {};
  for (const [code, raw] of Object.entries(v.scores))
    if (raw.trim() !== '') scores[code] = Number(raw);
  return { scores, bonus: v.bonus.trim() === '' ? 0 : Number(v.bonus) };
}

/**
 * The server joins its problems with '；' in the 422's detail; each names its indicator by path,
 * so each is put back next to its own field. What names no field stays in `rest`.
 */
export function placeServerProblems(
  detail: string,
  tree: IndicatorNode[],
): { errors: SheetErrors; rest: string[] } {
  const errors: SheetErrors = {};
  const rest: string[] = [];
  const leaves = leavesOf(tree);
  for (const p of detail.split('；').filter(Boolean)) {
    const leaf = leaves.find((l) => p.includes(`指标“${l.path}”`));
    if (leaf) errors[leaf.code] ??= p;
    else if (p.startsWith('加分')) errors[BONUS] ??= p;
    else rest.push(p);
  }
  return { errors, rest };
}

export const sumOf = (v: SheetValues) => {
  const b = sheetBody(v);
  const total = Object.values(b.scores).reduce((a, x) => a + x, 0) + b.bonus;
  return Number.isFinite(total) ? Math.round(total * 100) / 100 : null;
};
