import type { Effect } from './effects';
import type * as m from './messages';
import {
  action,
  actorRef,
  firstOf,
  iso,
  type PurchaseState,
  record,
  refuse,
  requirePurchaser,
  requireRole,
  requireStatus,
  SYSTEM,
} from './state';
import type { TrancheRecord } from './view-types';

const winner = (s: PurchaseState) => [
  { kind: 'organizations' as const, organizationIds: [s.award?.organizationId ?? ''] },
];
const finalPassed = (s: PurchaseState) =>
  s.evaluations.some((e) => e.stage === 'final' && e.passed);

export const submitDeliverable = action<m.WithActor & { milestoneId: string; summary: string }>({
  check: (s, a) => {
    const ms = s.milestones.find((x) => x.id === a.milestoneId);
    return firstOf(
      a.actor.role === 'applicant' && a.actor.organizationId === s.award?.organizationId
        ? null
        : refuse('Forbidden', '只有承接主体可以提交成果'),
      requireStatus(s, 'performing'),
      ms ? null : refuse('InvalidInput', '没有该里程碑'),
      ms && (ms.status === 'pending' || ms.status === 'returned')
        ? null
        : refuse('IllegalTransition', '该里程碑成果已提交或已验收'),
    );
  },
  apply: (s, a, now) => {
    const ms = s.milestones.find((x) => x.id === a.milestoneId);
    if (!ms) return [];
    ms.status = 'submitted';
    ms.submissions.push({ at: iso(now), summary: a.summary });
    record(s, now, a.actor, 'submit_deliverable', null, { details: { milestoneId: ms.id } });
    return [
      {
        kind: 'notify',
        template: 'deliverable_submitted',
        audience: [{ kind: 'role', role: 'purchaser' }],
        extra: { milestone: ms.title },
      },
    ];
  },
  probes: (s) => s.milestones.map((x) => ({ milestoneId: x.id, summary: '' })),
});

export const reviewDeliverable = action<
  m.WithActor & { milestoneId: string; accept: boolean; reason: string }
>({
  check: (s, a) => {
    const ms = s.milestones.find((x) => x.id === a.milestoneId);
    return firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'performing'),
      ms ? null : refuse('InvalidInput', '没有该里程碑'),
      ms && ms.status !== 'submitted'
        ? refuse('IllegalTransition', '该里程碑没有待验收的成果')
        : null,
      !a.accept && !a.reason.trim() ? refuse('InvalidInput', '退回须说明理由') : null,
    );
  },
  apply: (s, a, now) => {
    const ms = s.milestones.find((x) => x.id === a.milestoneId);
    if (!ms) return [];
    ms.status = a.accept ? 'accepted' : 'returned';
    ms.reviews.push({ at: iso(now), accepted: a.accept, reason: a.reason });
    record(s, now, a.actor, a.accept ? 'accept_deliverable' : 'return_deliverable', null, {
      reason: a.reason,
      details: { milestoneId: ms.id },
    });
    return [
      {
        kind: 'notify',
        template: 'deliverable_reviewed',
        audience: winner(s),
        extra: { milestone: ms.title, result: a.accept ? '验收通过' : '退回' },
      },
    ];
  },
  probes: (s) => s.milestones.map((x) => ({ milestoneId: x.id, accept: true, reason: '' })),
});

/** Why a tranche may not be paid yet (its gate), or null. */
export function gateBlocks(s: PurchaseState, t: TrancheRecord): string | null {
  if (t.gate.kind === 'signing') return null;
  if (t.gate.kind === 'final_evaluation')
    return finalPassed(s) ? null : '最终绩效评价尚未合格，预留款项暂不支付';
  const id = t.gate.milestoneId;
  const ms = s.milestones.find((x) => x.id === id);
  return ms?.status === 'accepted'
    ? null
    : `里程碑“${ms?.title ?? id}”尚未验收通过，该期款项暂不支付`;
}

export const requestPayment = action<m.WithActor & { trancheNo: number }>({
  check: (s, a) => {
    const t = s.tranches.find((x) => x.no === a.trancheNo);
    const blocked = t ? gateBlocks(s, t) : null;
    return firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'performing'),
      t ? null : refuse('InvalidInput', '没有该期付款'),
      t && t.status !== 'pending' ? refuse('IllegalTransition', '该期款项已申请或已支付') : null,
      blocked ? refuse('IllegalTransition', blocked) : null,
    );
  },
  apply: (s, a, now) => {
    const t = s.tranches.find((x) => x.no === a.trancheNo);
    if (!t) return [];
    t.status = 'requested';
    t.requestedBy = actorRef(a.actor);
    t.requestedAt = iso(now);
    record(s, now, a.actor, 'request_payment', null, {
      details: { trancheNo: t.no, amountFen: t.amountFen },
    });
    return [
      {
        kind: 'notify',
        template: 'payment_requested',
        audience: [{ kind: 'role', role: 'finance' }],
        extra: { trancheNo: String(t.no) },
      },
    ];
  },
  probes: (s) => s.tranches.map((x) => ({ trancheNo: x.no })),
});

/** 付款 by the second official (finance), never the person who asked for it. */
export const releasePayment = action<m.WithActor & { trancheNo: number; voucherNo: string }>({
  check: (s, a) => {
    const t = s.tranches.find((x) => x.no === a.trancheNo);
    return firstOf(
      requireRole(a.actor, 'finance', '财务人员'),
      requireStatus(s, 'performing'),
      t ? null : refuse('InvalidInput', '没有该期付款'),
      t && t.status !== 'requested'
        ? refuse('IllegalTransition', '该期款项尚未申请支付或已支付')
        : null,
      t?.requestedBy?.id === a.actor.id
        ? refuse('FourEyes', '申请支付与核准支付不能是同一人')
        : null,
    );
  },
  apply: (s, a, now) => {
    const t = s.tranches.find((x) => x.no === a.trancheNo);
    if (!t) return [];
    t.status = 'paid';
    t.releasedBy = actorRef(a.actor);
    t.paidAt = iso(now);
    t.voucherNo = a.voucherNo;
    record(s, now, a.actor, 'release_payment', null, {
      details: { trancheNo: t.no, amountFen: t.amountFen, voucherNo: a.voucherNo },
    });
    const effects: Effect[] = [
      {
        kind: 'notify',
        template: 'payment_released',
        audience: winner(s),
        extra: { trancheNo: String(t.no) },
      },
    ];
    return [...effects, ...closeIfDone(s, now)];
  },
  probes: (s) => s.tranches.map((x) => ({ trancheNo: x.no, voucherNo: '' })),
});

/** 绩效评价 by a third-party evaluator; the final one needs every milestone accepted. */
export const recordPerformanceEvaluation = action<
  m.WithActor & { stage: 'interim' | 'final'; score: number; passed: boolean; report: string }
>({
  check: (s, a) =>
    firstOf(
      requireRole(a.actor, 'evaluator', '第三方绩效评价人员'),
      requireStatus(s, 'performing'),
      a.stage === 'final' && s.milestones.some((x) => x.status !== 'accepted')
        ? refuse('IllegalTransition', '尚有里程碑未验收，不能进行最终绩效评价')
        : null,
      a.stage === 'final' && finalPassed(s)
        ? refuse('IllegalTransition', '最终绩效评价已合格')
        : null,
    ),
  apply: (s, a, now) => {
    s.evaluations.push({
      stage: a.stage,
      score: a.score,
      passed: a.passed,
      report: a.report,
      by: actorRef(a.actor),
      at: iso(now),
    });
    record(s, now, a.actor, `performance_evaluation_${a.stage}`, null, {
      details: { score: a.score, passed: a.passed },
      legalBasis: '《政府购买服务管理办法》（财政部令第102号）第三十条',
    });
    return [
      {
        kind: 'notify',
        template: 'evaluation_recorded',
        audience: [{ kind: 'role', role: 'purchaser' }, ...winner(s)],
        extra: { result: a.passed ? '合格' : '不合格' },
      },
    ];
  },
  probes: () => [{ stage: 'interim', score: 0, passed: true, report: '' }],
});

/** Every tranche paid after a passed final evaluation: the project closes. */
function closeIfDone(s: PurchaseState, now: number): Effect[] {
  if (!finalPassed(s) || s.tranches.some((t) => t.status !== 'paid')) return [];
  s.closedAt = iso(now);
  record(s, now, SYSTEM, 'close_project', 'closed');
  return [
    {
      kind: 'notify',
      template: 'project_closed',
      audience: [{ kind: 'role', role: 'purchaser' }, ...winner(s)],
    },
  ];
}
