import { addCalendarDays, addCalendarMonths, isLocalDate } from '../../domain/calendar';
import { fenToYuan } from '../../domain/purchase/procurement-method';
import type * as m from './messages';
import {
  action,
  firstOf,
  iso,
  type PurchaseState,
  type Refusal,
  record,
  refuse,
  requirePurchaser,
  requireStatus,
} from './state';
import type { AmendmentRecord } from './view-types';

/** What a contract amendment may change: the term, the amount, the scope (服务内容). */
export interface AmendArgs {
  reason: string;
  startDate?: string | undefined;
  endDate?: string | undefined;
  amountFen?: number | undefined;
  scope?: string | undefined;
}

/** Tranches not yet asked for, whose amounts follow the contract amount. */
const open = (s: PurchaseState) => s.tranches.filter((t) => t.status === 'pending');
const committed = (s: PurchaseState) =>
  s.tranches
    .filter((t) => t.status === 'paid' || t.status === 'requested')
    .reduce((a, t) => a + t.amountFen, 0);

function termRefusal(s: PurchaseState, start: string, end: string): Refusal | null {
  const c = s.contract;
  if (!c) return null;
  const p = s.policy.contract;
  const max = addCalendarDays(addCalendarMonths(start, p.maxTermMonths), -1);
  const normal = addCalendarDays(addCalendarMonths(start, p.normalTermMonths), -1);
  if (end < start || end > max) return refuse('InvalidInput', '变更后的期限不符合合同期限规定');
  if (end > normal && !c.longTermJustification)
    return refuse('InvalidInput', `合同期限超过${p.normalTermMonths}个月的，须记录理由`);
  return null;
}

/** The new rules (amount, scope, start, milestones inside the term); see amendContract. */
function strictRefusal(s: PurchaseState, a: AmendArgs, start: string, end: string) {
  const c = s.contract;
  if (!c) return null;
  const changed =
    (a.startDate !== undefined && a.startDate !== c.startDate) ||
    (a.endDate !== undefined && a.endDate !== c.endDate) ||
    (a.amountFen !== undefined && a.amountFen !== c.amountFen) ||
    (a.scope !== undefined && a.scope.trim() !== (c.clauses.serviceContent ?? ''));
  if (!changed) return refuse('InvalidInput', '请至少变更服务期限、合同金额或服务内容中的一项');
  const outside = s.milestones.filter((x) => x.dueDate < start || x.dueDate > end);
  if (outside.length)
    return refuse(
      'InvalidInput',
      `里程碑“${outside.map((x) => x.title).join('、')}”不在变更后的服务期限内`,
    );
  if (a.scope !== undefined && !a.scope.trim())
    return refuse('InvalidInput', '变更后的服务内容不能为空');
  if (a.amountFen === undefined || a.amountFen === c.amountFen) return null;
  const original = c.originalAmountFen ?? c.amountFen;
  const cap = Math.floor(
    (original * (100 + (s.policy.contract.amendmentMaxIncreasePercent ?? 10))) / 100,
  );
  if (a.amountFen > cap)
    return refuse(
      'InvalidInput',
      `追加后的合同金额不得超过原合同金额的${100 + (s.policy.contract.amendmentMaxIncreasePercent ?? 10)}%（${fenToYuan(cap)}元）（《中华人民共和国政府采购法》第四十九条）`,
    );
  if (a.amountFen > s.budgetFen)
    return refuse(
      'InvalidInput',
      `合同金额${fenToYuan(a.amountFen)}元超过预算${fenToYuan(s.budgetFen)}元`,
    );
  if (open(s).length === 0)
    return refuse('IllegalTransition', '各期款项均已申请或支付，不能再变更合同金额');
  if (a.amountFen < committed(s))
    return refuse(
      'InvalidInput',
      `合同金额不得低于已申请和已支付的款项合计${fenToYuan(committed(s))}元`,
    );
  return null;
}

/**
 * 合同变更 of the term, the amount or the scope, with its reason (§6.4 AMENDED). Projects whose
 * rules predate amendments of amount and scope (no amendmentMaxIncreasePercent) only change the
 * end date, as before, so they replay.
 */
export const amendContract = action<m.WithActor & AmendArgs>({
  check: (s, a) => {
    const c = s.contract;
    const dates = [a.startDate, a.endDate].filter((d) => d !== undefined);
    const r = firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'performing'),
      dates.every((d) => typeof d === 'string' && isLocalDate(d))
        ? null
        : refuse('InvalidInput', '日期格式不正确'),
      a.reason.trim() ? null : refuse('InvalidInput', '变更须说明理由'),
    );
    if (r || !c) return r;
    const start = a.startDate ?? c.startDate;
    const end = a.endDate ?? c.endDate;
    const strict = s.policy.contract.amendmentMaxIncreasePercent !== undefined;
    return firstOf(termRefusal(s, start, end), strict ? strictRefusal(s, a, start, end) : null);
  },
  apply: (s, a, now) => {
    const c = s.contract;
    if (!c) return [];
    const changes: string[] = [];
    const before = { startDate: c.startDate, endDate: c.endDate, amountFen: c.amountFen };
    if (a.startDate !== undefined && a.startDate !== c.startDate) {
      changes.push(`服务期限开始日期由${c.startDate}变更为${a.startDate}`);
      c.startDate = a.startDate;
    }
    if (a.endDate !== undefined && a.endDate !== c.endDate) {
      changes.push(`服务期限结束日期由${c.endDate}变更为${a.endDate}`);
      c.endDate = a.endDate;
    }
    if (a.amountFen !== undefined && a.amountFen !== c.amountFen) {
      changes.push(`合同金额由${fenToYuan(c.amountFen)}元变更为${fenToYuan(a.amountFen)}元`);
      c.originalAmountFen = c.originalAmountFen ?? c.amountFen;
      c.amountFen = a.amountFen;
      spread(s, a.amountFen);
    }
    if (a.scope !== undefined && a.scope.trim() !== (c.clauses.serviceContent ?? '')) {
      changes.push('服务内容变更');
      c.clauses = { ...c.clauses, serviceContent: a.scope.trim() };
    }
    const entry: AmendmentRecord = {
      at: iso(now),
      reason: a.reason,
      endDate: c.endDate,
      by: { id: a.actor.id, name: a.actor.name, role: a.actor.role },
      ...(changes.length ? { changes, before } : {}),
    };
    s.amendments.push(entry);
    record(s, now, a.actor, 'amend_contract', null, {
      reason: a.reason,
      details: { endDate: c.endDate, ...(changes.length ? { changes } : {}) },
      legalBasis: '《中华人民共和国政府采购法》第四十九条、第五十条',
    });
    return [
      {
        kind: 'notify',
        template: 'contract_amended',
        audience: [{ kind: 'organizations', organizationIds: [s.award?.organizationId ?? ''] }],
      },
    ];
  },
  probes: () => [{ reason: '' }],
});

/** The new amount less what is already asked for or paid, over the open tranches by percent. */
function spread(s: PurchaseState, amountFen: number): void {
  const rest = open(s);
  const left = amountFen - committed(s);
  const weight = rest.reduce((a, t) => a + t.percent, 0);
  let given = 0;
  rest.forEach((t, i) => {
    t.amountFen = i === rest.length - 1 ? left - given : Math.floor((left * t.percent) / weight);
    given += t.amountFen;
  });
}
