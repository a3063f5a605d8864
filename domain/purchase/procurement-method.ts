import type { ProcurementMethod, PurchasePolicy } from './policy';

/** 政府采购法 arts 26–31 and 74号令: the methods, their OCDS mapping and when each may be used. */

export const METHOD_LABEL: Record<ProcurementMethod, string> = {
  open_tender: '公开招标',
  invitational_tender: '邀请招标',
  competitive_negotiation: '竞争性谈判',
  competitive_consultation: '竞争性磋商',
  single_source: '单一来源采购',
  price_enquiry: '询价',
};

/** OCDS `method` codelist; negotiation and consultation → limited is a judgement call (§7.2). */
export const OCDS_METHOD: Record<ProcurementMethod, 'open' | 'selective' | 'limited' | 'direct'> = {
  open_tender: 'open',
  invitational_tender: 'selective',
  competitive_negotiation: 'limited',
  competitive_consultation: 'limited',
  single_source: 'direct',
  price_enquiry: 'limited',
};

/** The statutory situations that justify a method other than an open tender. */
export const METHOD_GROUNDS = {
  limited_suppliers: '只能从有限范围的供应商处采购',
  tender_cost_disproportionate: '公开招标费用占采购项目总价值比例过大',
  tender_failed: '招标后没有供应商投标或者没有合格标的',
  not_specifiable: '技术复杂或者性质特殊，不能确定详细规格或者具体要求',
  urgent: '采用招标所需时间不能满足用户紧急需要',
  price_not_computable: '不能事先计算出价格总额',
  sole_supplier: '只能从唯一供应商处采购',
  emergency: '发生了不可预见的紧急情况不能从其他供应商处采购',
  follow_on: '必须保证原有采购项目一致性或者服务配套的要求，需要继续从原供应商处添购',
  services_policy: '政府购买服务项目（财库〔2014〕214号）',
} as const;
export type MethodGround = keyof typeof METHOD_GROUNDS;

const ALLOWED_GROUNDS: Record<ProcurementMethod, MethodGround[] | null> = {
  open_tender: null,
  invitational_tender: ['limited_suppliers', 'tender_cost_disproportionate'],
  competitive_negotiation: ['tender_failed', 'not_specifiable', 'urgent', 'price_not_computable'],
  competitive_consultation: [
    'services_policy',
    'not_specifiable',
    'price_not_computable',
    'tender_failed',
  ],
  single_source: ['sole_supplier', 'emergency', 'follow_on'],
  price_enquiry: [],
};

export interface MethodChoice {
  method: ProcurementMethod;
  ground?: MethodGround;
  /** 财政部门批准文号: another method at or above the open-tender threshold needs it. */
  approvalRef?: string;
  /** Follow-on single source: the original contract and the add-on, in fen. */
  originalContractFen?: number;
}

/** Why the choice is not allowed, in zh-CN; empty when it is. */
export function checkMethod(
  choice: MethodChoice,
  budgetFen: number,
  policy: PurchasePolicy['methods'],
): string[] {
  const out: string[] = [];
  const { method, ground } = choice;
  if (method === 'price_enquiry') {
    out.push('询价方式仅适用于货物采购（财政部令第74号第三条），政府购买服务不得采用询价');
    return out;
  }
  const grounds = ALLOWED_GROUNDS[method];
  if (grounds && (!ground || !grounds.includes(ground))) {
    out.push(
      `${METHOD_LABEL[method]}须说明适用情形：${(grounds ?? []).map((g) => METHOD_GROUNDS[g]).join('；')}`,
    );
  }
  const threshold = policy.openTenderThresholdFen;
  if (threshold !== null && budgetFen >= threshold && method !== 'open_tender') {
    if (!choice.approvalRef?.trim()) {
      out.push(
        `预算达到公开招标数额标准（${fenToYuan(threshold)}元），采用${METHOD_LABEL[method]}须经财政部门批准并填写批准文号`,
      );
    }
  }
  if (method === 'single_source' && ground === 'follow_on') {
    const original = choice.originalContractFen;
    if (!original || original <= 0) {
      out.push('添购须填写原合同金额');
    } else if (budgetFen * 100 > original * policy.singleSourceAddOnMaxPercent) {
      out.push(`添购资金总额不得超过原合同采购金额的${policy.singleSourceAddOnMaxPercent}%`);
    }
  }
  return out;
}

/** 12345 fen → "123.45" (integer arithmetic only). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
