import {
  type ContractTerms,
  checkContractTerms,
  trancheAmounts,
} from '../../domain/purchase/contract-terms';
import { dueAfter } from './deadline';
import type * as m from './messages';
import { action, firstOf, iso, record, refuse, requirePurchaser, requireStatus } from './state';

/** 签订合同: validated against §6.6 rule 5, within the signing limit after the award notice. */
export const signContract = action<m.WithActor & { terms: ContractTerms }>({
  check: (s, a, now) => {
    const r = firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'awarded'),
      s.award?.signBy && now > Date.parse(s.award.signBy)
        ? refuse('IllegalTransition', '已超过中标（成交）通知书发出之日起的合同签订期限')
        : null,
      a.terms.amountFen <= (s.award?.amountFen ?? 0)
        ? null
        : refuse('InvalidInput', '合同金额不得超过成交金额'),
    );
    if (r) return r;
    const problems = checkContractTerms(a.terms, s.budgetFen, s.policy.contract);
    return problems.length
      ? refuse('InvalidInput', `合同不符合要求：${problems.join('；')}`)
      : null;
  },
  apply: (s, a, now) => {
    const t = a.terms;
    s.contract = {
      id: `${s.projectNo}-HT`,
      signedAt: iso(now),
      publishBy: iso(dueAfter(now, s.policy.contract.publicationLimit, s.calendar)),
      startDate: t.startDate,
      endDate: t.endDate,
      longTermJustification: t.longTermJustification ?? null,
      amountFen: t.amountFen,
      originalAmountFen: t.amountFen,
      performanceBondFen: t.performanceBondFen,
      clauses: t.clauses,
    };
    s.milestones = t.milestones.map((x) => ({
      ...x,
      status: 'pending',
      submissions: [],
      reviews: [],
    }));
    const amounts = trancheAmounts(
      t.amountFen,
      t.tranches.map((x) => x.percent),
    );
    s.tranches = t.tranches.map((x, i) => ({
      no: i + 1,
      percent: x.percent,
      amountFen: amounts[i] ?? 0,
      gate: x.gate,
      status: 'pending',
      requestedBy: null,
      requestedAt: null,
      releasedBy: null,
      paidAt: null,
      voucherNo: null,
    }));
    record(s, now, a.actor, 'sign_contract', 'performing', {
      details: { amountFen: t.amountFen, startDate: t.startDate, endDate: t.endDate },
      legalBasis: '《政府购买服务管理办法》（财政部令第102号）第二十二条至第二十五条',
    });
    return [
      { kind: 'announce', announcement: 'contract' },
      {
        kind: 'notify',
        template: 'contract_signed',
        audience: [{ kind: 'organizations', organizationIds: [s.award?.organizationId ?? ''] }],
      },
    ];
  },
  probes: () => [{ terms: {} }],
});

const GROUND_LABEL = {
  breach: '承接主体违约',
  subcontracting: '承接主体将服务转包（严禁转包）',
  agreement: '双方协商一致',
  other: '其他法定情形',
} as const;

/** 解除合同: unpaid tranches are cancelled; the reason is evidence. */
export const terminateContract = action<
  m.WithActor & { ground: keyof typeof GROUND_LABEL; reason: string }
>({
  check: (s, a) =>
    firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'performing'),
      a.reason.trim() ? null : refuse('InvalidInput', '解除合同须说明理由'),
    ),
  apply: (s, a, now) => {
    for (const t of s.tranches) if (t.status !== 'paid') t.status = 'cancelled';
    s.termination = {
      at: iso(now),
      ground: a.ground,
      reason: a.reason,
      by: { id: a.actor.id, name: a.actor.name, role: a.actor.role },
    };
    record(s, now, a.actor, 'terminate_contract', 'terminated', {
      reason: `${GROUND_LABEL[a.ground]}：${a.reason}`,
      legalBasis:
        '《政府购买服务管理办法》（财政部令第102号）第二十四条；《中华人民共和国民法典》第五百六十三条',
    });
    return [
      { kind: 'announce', announcement: 'termination' },
      {
        kind: 'notify',
        template: 'contract_terminated',
        audience: [{ kind: 'organizations', organizationIds: [s.award?.organizationId ?? ''] }],
        extra: { ground: GROUND_LABEL[a.ground] },
      },
    ];
  },
  probes: () => [{ ground: 'other', reason: '' }],
});

export { amendContract } from './contract-amendment';
