import { PROCUREMENT_METHODS } from '../../../domain/purchase/policy';
import { METHOD_GROUNDS, METHOD_LABEL } from '../../../domain/purchase/procurement-method';
import { yuanToFen } from '../money';
import { amendmentBody, fenToYuanText, type OfferSpec, offered } from './offered-actions';
import type { ProjectDetail } from './types';

/** The purchasing department's decisions, from the method to the contract's end. */

const REASON = { kind: 'textarea' as const, required: true };

/** 确定采购方式, 发布公告. */
function methodAndNoticeSpecs(): OfferSpec[] {
  return [
    {
      key: 'plan',
      label: '确定采购方式',
      path: 'plan',
      fields: [
        {
          name: 'method',
          label: '采购方式',
          kind: 'select',
          options: PROCUREMENT_METHODS.map((m) => [m, METHOD_LABEL[m]]),
          initial: 'open_tender',
        },
        {
          name: 'ground',
          label: '适用情形（公开招标以外须选择）',
          kind: 'select',
          options: [['', '—'], ...Object.entries(METHOD_GROUNDS)],
        },
        { name: 'approvalRef', label: '财政部门批准文号（达到公开招标数额时）' },
      ],
      body: (x) => ({
        method: x.method,
        ...(x.ground ? { ground: x.ground } : {}),
        ...(x.approvalRef ? { approvalRef: x.approvalRef } : {}),
      }),
    },
    {
      key: 'notice',
      label: '发布采购公告',
      path: 'notice',
      fields: [
        {
          name: 'closesAt',
          label: '响应截止时间',
          kind: 'datetime',
          required: true,
          hint: '公开招标、邀请招标自公告发布起不少于20日，竞争性磋商不少于10日，竞争性谈判不少于3个工作日。',
        },
        { name: 'requirements', label: '对承接主体的要求', ...REASON },
        {
          name: 'bidBond',
          label: '投标（响应）保证金（元，可不收取）',
          kind: 'yuan',
          hint: '不得超过采购项目预算的2%；未成交的于成交通知后5个工作日内退还，成交的于签订合同后5个工作日内退还。',
        },
      ],
      body: (x) => ({
        closesAt: x.closesAt ? new Date(x.closesAt).toISOString() : '',
        requirements: x.requirements,
        ...(x.bidBond?.trim() ? { bidBondFen: yuanToFen(x.bidBond) } : {}),
      }),
    },
  ];
}

/** 确定采购方式 … 撤销项目: the purchasing department's decisions up to the award. */
export function procurementSpecs(
  v: ProjectDetail,
  experts: { id: string; name: string }[],
): OfferSpec[] {
  return [
    ...methodAndNoticeSpecs(),
    {
      key: 'panel',
      label: '组建评审委员会',
      path: 'panel',
      fields: experts.map((x) => ({ name: x.id, label: x.name, kind: 'checkbox' as const })),
      body: (x) => ({ expertIds: Object.keys(x).filter((k) => x[k] === 'true') }),
      prompt: '勾选参加本项目评审的专家。',
    },
    {
      key: 'award',
      label: '确定成交承接主体',
      path: 'award',
      fields: [{ name: 'opinion', label: '确定意见', ...REASON }],
    },
    ...v.challenges.map(
      (c, i): OfferSpec => ({
        key: `ch-${c.id}`,
        label: `答复质疑（${i + 1}）`,
        path: 'challenge-answers',
        fields: [
          { name: 'upheld', label: '质疑成立', kind: 'checkbox' },
          { name: 'reply', label: '答复', ...REASON },
        ],
        body: (x) => ({ challengeId: c.id, upheld: x.upheld === 'true', reply: x.reply }),
        about: { challengeId: c.id },
      }),
    ),
    {
      key: 'cancel',
      label: '撤销项目',
      path: 'cancel',
      fields: [{ name: 'reason', label: '撤销理由', ...REASON }],
      tone: 'danger',
    },
  ];
}

/** 合同变更: the term, the amount or the scope, each shown as it stands now. */
function amendmentSpec(v: ProjectDetail): OfferSpec {
  const c = v.contract;
  return {
    key: 'amend',
    label: '合同变更',
    path: 'amendments',
    fields: [
      { name: 'startDate', label: '服务期限开始日期', kind: 'date', initial: c?.startDate ?? '' },
      { name: 'endDate', label: '服务期限结束日期', kind: 'date', initial: c?.endDate ?? '' },
      {
        name: 'amount',
        label: '合同金额（元）',
        kind: 'yuan',
        initial: c ? fenToYuanText(c.amountFen) : '',
        hint: '追加后不得超过原合同金额的110%，也不得低于已申请和已支付的款项。',
      },
      {
        name: 'scope',
        label: '服务内容',
        kind: 'textarea',
        initial: c?.clauses.serviceContent ?? '',
      },
      { name: 'reason', label: '变更理由', ...REASON },
    ],
    body: (x) => amendmentBody(v, x),
  };
}

/** 验收 (an explicit choice), 申请支付, 合同变更, 解除合同. */
export function performanceSpecs(v: ProjectDetail): OfferSpec[] {
  return [
    ...v.milestones.map(
      (m): OfferSpec => ({
        key: `rv-${m.id}`,
        label: `验收 ${m.title}`,
        path: 'deliverable-reviews',
        fields: [
          {
            name: 'accept',
            label: '验收结论',
            kind: 'radio',
            required: true,
            options: [
              ['accept', '验收通过'],
              ['return', '不通过，退回修改'],
            ],
          },
          { name: 'reason', label: '验收意见或退回理由', kind: 'textarea' },
        ],
        body: (x) => ({ milestoneId: m.id, accept: x.accept === 'accept', reason: x.reason }),
        about: { milestoneId: m.id },
      }),
    ),
    ...v.tranches.map(
      (t): OfferSpec => ({
        key: `pay-${t.no}`,
        label: `申请支付第${t.no}期`,
        path: 'payment-requests',
        body: () => ({ trancheNo: t.no }),
        prompt: `第${t.no}期 ${t.percent}%，由财务复核后支付。`,
        about: { trancheNo: t.no },
      }),
    ),
    amendmentSpec(v),
    {
      key: 'term',
      label: '解除合同',
      path: 'termination',
      fields: [
        {
          name: 'ground',
          label: '解除原因',
          kind: 'select',
          options: [
            ['breach', '违约'],
            ['subcontracting', '转包'],
            ['agreement', '协商一致'],
            ['other', '其他'],
          ],
          initial: 'breach',
        },
        { name: 'reason', label: '理由', ...REASON },
      ],
      tone: 'danger',
    },
  ];
}

/** Whether the purchaser is offered a panel to appoint (the expert list is loaded only then). */
export const picksPanel = (v: ProjectDetail) => offered(v, 'panel');
