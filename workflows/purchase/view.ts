import { HARD_GATE_WARNING } from '../../domain/purchase/hard-gate';
import { fenToYuan } from '../../domain/purchase/procurement-method';
import { dueAfter } from './deadline';
import { ranking } from './evaluation';
import type { PurchaseState } from './state';
import { PURCHASE_STATUS_LABEL, type PurchaseView } from './view-types';

const AWAITING: Partial<Record<PurchaseView['status'], string>> = {
  need_defined: 'purchaser',
  planned: 'purchaser',
  tendering: 'applicant',
  failed: 'purchaser',
  evaluating: 'evaluator',
  publicity: 'purchaser',
  awarded: 'purchaser',
  performing: 'applicant',
};

/** When each respondent's bid bond is due back; null while the trigger has not happened. */
function bidBondReturns(s: PurchaseState): PurchaseView['bidBondReturns'] {
  const limit = s.policy.bidBond?.returnLimit;
  if (!s.notice?.bidBondFen || !limit) return [];
  const due = (from: string | null | undefined) =>
    from ? new Date(dueAfter(Date.parse(from), limit, s.calendar)).toISOString() : null;
  return s.responses.map((r) => ({
    organizationId: r.organizationId,
    name: r.name,
    dueBy:
      r.organizationId === s.award?.organizationId
        ? due(s.contract?.signedAt)
        : due(s.award?.noticeAt),
  }));
}

/** The Query's answer: the state with what people need computed from it. */
export function buildView(s: PurchaseState): PurchaseView {
  const {
    workflowId: _w,
    policy,
    calendar: _c,
    creditCode: _cc,
    maxHistoryEvents: _m,
    flushedUpTo: _f,
    ...rest
  } = s;
  const warnings: string[] = [];
  if (policy.grade.hardGate) warnings.push(HARD_GATE_WARNING);
  if (policy.methods.openTenderThresholdFen === null) {
    warnings.push('本地区公开招标数额标准尚未配置，系统未校验采购方式与金额的对应关系');
  } else if (s.budgetFen >= policy.methods.openTenderThresholdFen) {
    warnings.push(
      `预算达到公开招标数额标准（${fenToYuan(policy.methods.openTenderThresholdFen)}元）`,
    );
  }
  if (policy.ocds.ocidPrefix === 'ocds-xxxxxx') {
    warnings.push(
      'OCDS 发布前缀为占位值（ocds-xxxxxx），正式发布前须向开放合同伙伴组织登记前缀并在规则中配置',
    );
  }
  const paid = s.tranches.filter((t) => t.status === 'paid').reduce((a, t) => a + t.amountFen, 0);
  const withheld = s.tranches
    .filter(
      (t) => t.gate.kind === 'final_evaluation' && t.status !== 'paid' && t.status !== 'cancelled',
    )
    .reduce((a, t) => a + t.amountFen, 0);
  return {
    ...rest,
    bidBondReturns: bidBondReturns(s),
    statusLabel: PURCHASE_STATUS_LABEL[s.status],
    ranking: ranking(s),
    awaiting: AWAITING[s.status] ?? null,
    warnings,
    paidFen: paid,
    withheldFen: withheld,
  };
}
