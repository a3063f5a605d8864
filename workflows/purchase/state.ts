import { SYSTEM_ACTOR } from '../../domain/actor';
import type { HolidayCalendar } from '../../domain/calendar';
import type { PurchasePolicy } from '../../domain/purchase/policy';
import type { ActionDef as KernelAction } from '../shared/action';
import { type Refusal, refuse } from '../shared/refusal';
import type { Effect } from './effects';
import type { Actor, PurchaseInput, PurchaseRules, WithActor } from './messages';
import type { ActorRef, AuditRecord, PurchaseStatus, PurchaseView } from './view-types';

/** The project's whole state: plain JSON, carried across continue-as-new. */
export type PurchaseState = Omit<
  PurchaseView,
  'statusLabel' | 'ranking' | 'awaiting' | 'warnings' | 'paidFen' | 'withheldFen' | 'bidBondReturns'
> & {
  workflowId: string;
  policy: PurchasePolicy;
  calendar: HolidayCalendar;
  /** The credit-code switch of the registration rules; absent means an error (the default). */
  creditCode?: PurchaseRules['creditCode'];
  maxHistoryEvents?: number;
  /** Audit entries already written to the database. */
  flushedUpTo: number;
};

export { firstOf, type Refusal, refuse } from '../shared/refusal';

/** One human decision of a project (the kernel's action over the project's state and effects). */
export type ActionDef<A extends WithActor> = KernelAction<PurchaseState, A, Effect>;
export const action = <A extends WithActor>(a: ActionDef<A>) => a;

export const iso = (ms: number) => new Date(ms).toISOString();
export const SYSTEM: Actor = SYSTEM_ACTOR;

export const actorRef = (a: Actor): ActorRef => ({
  id: a.role === 'system' ? null : a.id,
  name: a.name,
  role: a.role,
});

export function initialState(input: PurchaseInput, workflowId: string): PurchaseState {
  return {
    workflowId,
    projectId: input.projectId,
    projectNo: input.projectNo,
    ocid: input.ocid,
    title: input.title,
    department: input.department,
    status: 'need_defined',
    item: input.item,
    budgetFen: input.budgetFen,
    budgetYear: input.budgetYear,
    performanceTargets: input.performanceTargets,
    ruleSet: input.rules.ref,
    policy: input.rules.policy,
    calendar: input.rules.calendar,
    ...(input.rules.creditCode ? { creditCode: input.rules.creditCode } : {}),
    maxHistoryEvents: input.maxHistoryEvents,
    createdBy: actorRef(input.createdBy),
    procurement: null,
    notice: null,
    responses: [],
    panel: [],
    award: null,
    publicity: null,
    challenges: [],
    contract: null,
    milestones: [],
    tranches: [],
    evaluations: [],
    amendments: [],
    termination: null,
    closedAt: null,
    trail: [],
    flushedUpTo: 0,
  };
}

/** Appends a decision to the trail and moves the project. */
export function record(
  s: PurchaseState,
  now: number,
  actor: Actor,
  act: string,
  to: PurchaseStatus | null,
  extra: Pick<AuditRecord, 'reason' | 'legalBasis' | 'details'> = {},
): void {
  s.trail.push({
    seq: s.trail.length + 1,
    at: iso(now),
    actor: actorRef(actor),
    action: act,
    from: s.status,
    to: to ?? s.status,
    ruleVersion: s.ruleSet.version,
    ...extra,
  });
  if (to) s.status = to;
}

export function requireRole(actor: Actor, role: Actor['role'], label: string) {
  return actor.role === role ? null : refuse('Forbidden', `只有${label}可以办理此事项`);
}

/** The purchaser's decisions belong to the purchasing department (any purchaser account). */
export const requirePurchaser = (a: Actor) => requireRole(a, 'purchaser', '购买主体');

export function requireStatus(s: PurchaseState, ...allowed: PurchaseStatus[]): Refusal | null {
  return allowed.includes(s.status)
    ? null
    : refuse('IllegalTransition', `项目当前状态为“${s.status}”，不能办理此事项`);
}
