import { addCalendarDays, addCalendarMonths, isLocalDate } from '../../domain/calendar';
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
});

/** 合同变更: a decision with its reason; the term rule applies to the new end date. */
export const amendContract = action<m.WithActor & { reason: string; endDate: string }>({
  check: (s, a) => {
    const c = s.contract;
    const r = firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'performing'),
      typeof a.endDate === 'string' && isLocalDate(a.endDate)
        ? null
        : refuse('InvalidInput', '日期格式不正确'),
      a.reason.trim() ? null : refuse('InvalidInput', '变更须说明理由'),
    );
    if (r || !c) return r;
    const max = addCalendarDays(
      addCalendarMonths(c.startDate, s.policy.contract.maxTermMonths),
      -1,
    );
    const normal = addCalendarDays(
      addCalendarMonths(c.startDate, s.policy.contract.normalTermMonths),
      -1,
    );
    if (a.endDate < c.startDate || a.endDate > max)
      return refuse('InvalidInput', '变更后的期限不符合合同期限规定');
    if (a.endDate > normal && !c.longTermJustification) {
      return refuse(
        'InvalidInput',
        `合同期限超过${s.policy.contract.normalTermMonths}个月的，须记录理由`,
      );
    }
    return null;
  },
  apply: (s, a, now) => {
    if (s.contract) s.contract.endDate = a.endDate;
    s.amendments.push({
      at: iso(now),
      reason: a.reason,
      endDate: a.endDate,
      by: { id: a.actor.id, name: a.actor.name, role: a.actor.role },
    });
    record(s, now, a.actor, 'amend_contract', null, {
      reason: a.reason,
      details: { endDate: a.endDate },
    });
    return [
      {
        kind: 'notify',
        template: 'contract_amended',
        audience: [{ kind: 'organizations', organizationIds: [s.award?.organizationId ?? ''] }],
      },
    ];
  },
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
});
