import { REQUIRED_CLAUSES } from '../../../domain/purchase/contract-terms';
import { contractTermsSchema } from '../../../domain/purchase/contract-terms-schema';
import type { FieldErrors } from '../forms/use-form-state';
import { yuanToFen } from '../money';
import type { PurchaseView } from './types';

/** What the contract form holds, as typed, and the terms the API takes from it. */

export type GateKind = 'signing' | 'milestone' | 'final_evaluation';
export interface Milestone {
  title: string;
  dueDate: string;
}
export interface Tranche {
  percent: string;
  gate: GateKind;
  /** Index of the milestone whose acceptance releases it. */
  milestone: number;
}
export interface ContractDraft {
  clauses: Record<string, string>;
  startDate: string;
  endDate: string;
  justification: string;
  amount: string;
  bond: string;
  milestones: Milestone[];
  tranches: Tranche[];
}

const milestoneId = (i: number) => `M${i + 1}`;
const toYuan = (fen: number) => (fen / 100).toFixed(2);

export function initialClauses(v: PurchaseView): Record<string, string> {
  return {
    serviceContent: v.item.serviceStandard,
    duration: '',
    quantity: '',
    quality: v.item.serviceStandard,
    price: '',
    settlement: '按付款计划分期结算',
    rightsAndDuties: '甲方监督考核，乙方按约提供服务，不得转包',
    breachLiability: '乙方违约或转包的，甲方有权解除合同并追回已付款项',
  };
}

/** A new contract's form: the award's amount, one milestone, a 50/30/20 payment plan. */
export function initialDraft(v: PurchaseView): ContractDraft {
  return {
    clauses: initialClauses(v),
    startDate: '',
    endDate: '',
    justification: '',
    amount: toYuan(v.award?.amountFen ?? v.budgetFen),
    bond: '0.00',
    milestones: [{ title: '年度服务', dueDate: '' }],
    tranches: [
      { percent: '50', gate: 'signing', milestone: 0 },
      { percent: '30', gate: 'milestone', milestone: 0 },
      { percent: '20', gate: 'final_evaluation', milestone: 0 },
    ],
  };
}

/** The terms as the API takes them; milestones get their codes from their places. */
export function termsOf(d: ContractDraft) {
  return {
    clauses: d.clauses,
    startDate: d.startDate,
    endDate: d.endDate,
    ...(d.justification.trim() ? { longTermJustification: d.justification.trim() } : {}),
    amountFen: yuanToFen(d.amount),
    performanceBondFen: yuanToFen(d.bond || '0'),
    milestones: d.milestones.map((m, i) => ({ id: milestoneId(i), ...m })),
    tranches: d.tranches.map((t) => ({
      percent: Number(t.percent),
      gate:
        t.gate === 'milestone'
          ? { kind: 'milestone' as const, milestoneId: milestoneId(t.milestone) }
          : { kind: t.gate },
    })),
  };
}

/** What the browser can tell before sending: the schema's checks, amounts, the plan's sum. */
export function checkDraft(d: ContractDraft): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, label] of Object.entries(REQUIRED_CLAUSES))
    if (!d.clauses[k]?.trim()) out[`clauses.${k}`] = `请填写${label}`;
  if (Number.isNaN(yuanToFen(d.amount)))
    out.amountFen = `「${d.amount}」不是有效的金额（元，最多两位小数）`;
  if (Number.isNaN(yuanToFen(d.bond || '0')))
    out.performanceBondFen = `「${d.bond}」不是有效的金额（元，最多两位小数）`;
  d.tranches.forEach((t, i) => {
    if (!/^\d+$/.test(t.percent.trim()))
      out[`tranches.${i}.percent`] = t.percent.trim() ? `「${t.percent}」不是整数` : '请填写';
  });
  const parsed = contractTermsSchema.safeParse(termsOf(d));
  if (!parsed.success) for (const i of parsed.error.issues) out[i.path.join('.')] ??= i.message;
  if (d.startDate && d.endDate && d.endDate < d.startDate) out.endDate = '结束日期早于开始日期';
  const sum = d.tranches.reduce((s, t) => s + (Number(t.percent) || 0), 0);
  if (sum !== 100) out.tranches = `各期比例合计应为100%，现为${sum}%`;
  return out;
}

/** A milestone removed: instalments tied to later ones follow them, to it fall back to the first. */
export function withoutMilestone(d: ContractDraft, i: number): ContractDraft {
  return {
    ...d,
    milestones: d.milestones.filter((_, j) => j !== i),
    tranches: d.tranches.map((t) => ({
      ...t,
      milestone: t.milestone > i ? t.milestone - 1 : t.milestone === i ? 0 : t.milestone,
    })),
  };
}
