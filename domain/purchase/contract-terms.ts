import { addCalendarDays, addCalendarMonths } from '../calendar';
import type { PurchasePolicy } from './policy';
import { fenToYuan } from './procurement-method';

/** §6.5: the clauses every service contract must hold. */
export const REQUIRED_CLAUSES = {
  serviceContent: '服务内容',
  duration: '服务期限',
  quantity: '服务数量',
  quality: '服务质量',
  price: '价款',
  settlement: '结算方式',
  rightsAndDuties: '双方的权利义务',
  breachLiability: '违约责任',
} as const;
export type ClauseKey = keyof typeof REQUIRED_CLAUSES;

export type TrancheGate =
  | { kind: 'signing' }
  | { kind: 'milestone'; milestoneId: string }
  | { kind: 'final_evaluation' };

/** A service contract's terms (§6.5); validated at the boundary by contract-terms-schema.ts. */
export interface ContractTerms {
  clauses: Record<string, string>;
  startDate: string;
  endDate: string;
  /** Required for a term over the normal year (§6.5: budget secured, stable, low price variation). */
  longTermJustification?: string | undefined;
  amountFen: number;
  performanceBondFen: number;
  milestones: { id: string; title: string; dueDate: string }[];
  tranches: { percent: number; gate: TrancheGate }[];
}

/** Everything wrong with the terms (§6.6 rule 5), in zh-CN; empty when they are valid. */
export function checkContractTerms(
  t: ContractTerms,
  budgetFen: number,
  policy: PurchasePolicy['contract'],
): string[] {
  const out: string[] = [];
  for (const [key, label] of Object.entries(REQUIRED_CLAUSES)) {
    if (!t.clauses[key]?.trim()) out.push(`缺少必备条款：${label}`);
  }
  const normalEnd = addCalendarDays(addCalendarMonths(t.startDate, policy.normalTermMonths), -1);
  const maxEnd = addCalendarDays(addCalendarMonths(t.startDate, policy.maxTermMonths), -1);
  if (t.endDate < t.startDate) out.push('服务期限的结束日期早于开始日期');
  else if (t.endDate > maxEnd) out.push(`合同期限不得超过${policy.maxTermMonths}个月`);
  else if (t.endDate > normalEnd && !t.longTermJustification?.trim()) {
    out.push(
      `合同期限超过${policy.normalTermMonths}个月的，须记录理由（预算有保障、服务稳定持续、价格波动小）`,
    );
  }
  if (t.amountFen > budgetFen)
    out.push(`合同金额${fenToYuan(t.amountFen)}元超过预算${fenToYuan(budgetFen)}元`);
  if (t.performanceBondFen * 100 > t.amountFen * policy.performanceBondMaxPercent) {
    out.push(`履约保证金不得超过合同金额的${policy.performanceBondMaxPercent}%`);
  }
  const ids = new Set<string>();
  for (const m of t.milestones) {
    if (ids.has(m.id)) out.push(`里程碑编号重复：${m.id}`);
    ids.add(m.id);
    if (m.dueDate < t.startDate || m.dueDate > t.endDate)
      out.push(`里程碑“${m.title}”的期限不在服务期限内`);
  }
  const total = t.tranches.reduce((s, x) => s + x.percent, 0);
  if (total !== 100) out.push(`付款计划合计应为100%，实际为${total}%`);
  t.tranches.forEach((x, i) => {
    if (i > 0 && x.gate.kind === 'signing')
      out.push(`第${i + 1}期付款须以里程碑验收或绩效评价为条件`);
    if (x.gate.kind === 'milestone' && !ids.has(x.gate.milestoneId)) {
      out.push(`第${i + 1}期付款关联的里程碑“${x.gate.milestoneId}”不存在`);
    }
  });
  const withheld = t.tranches
    .filter((x) => x.gate.kind === 'final_evaluation')
    .reduce((s, x) => s + x.percent, 0);
  if (withheld < policy.minWithheldPercent) {
    out.push(
      `至少${policy.minWithheldPercent}%的合同款须在最终绩效评价合格后支付（当前${withheld}%）`,
    );
  }
  return out;
}

/** Tranche amounts in fen; the last takes the rounding remainder, so they add up exactly. */
export function trancheAmounts(amountFen: number, percents: number[]): number[] {
  const out = percents.map((p) => Math.floor((amountFen * p) / 100));
  const rest = amountFen - out.reduce((s, x) => s + x, 0);
  if (out.length > 0) out[out.length - 1] = (out[out.length - 1] as number) + rest;
  return out;
}
