import type { Clock, Duration } from '../../domain/deadlines';
import { type Refusal, refuse } from '../shared/refusal';
import type { Actor } from './messages';
import type { CaseState } from './state';
import type { ActorRef, AuditRecord, RegistrationStatus } from './view-types';

export { type Refusal, type RefusalType, refuse } from '../shared/refusal';

export const SYSTEM: Actor = { id: 'system', name: '系统', role: 'system' };

export function actorRef(a: Actor): ActorRef {
  return { id: a.role === 'system' ? null : a.id, name: a.name, role: a.role };
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Appends a decision to the trail and moves the case. */
export function record(
  s: CaseState,
  now: number,
  actor: Actor,
  action: string,
  to: RegistrationStatus | null,
  extra: Omit<AuditRecord, 'seq' | 'at' | 'actor' | 'action' | 'from' | 'to' | 'ruleVersion'> = {},
): AuditRecord {
  const entry: AuditRecord = {
    seq: s.trail.length + 1,
    at: iso(now),
    actor: actorRef(actor),
    action,
    from: s.status,
    to: to ?? s.status,
    ruleVersion: ruleVersionLabel(s),
    ...extra,
  };
  s.trail.push(entry);
  if (to) s.status = to;
  return entry;
}

export function ruleVersionLabel(s: CaseState): string {
  const ref = s.rules.ref;
  return ref
    ? `${ref.version}（${s.rules.policy.ruleVersion}年条例文本）`
    : s.rules.policy.ruleVersion;
}

export function startClock(now: number, limit: Duration): Clock {
  return { startedAt: now, limit, pauses: [], extensions: [] };
}

export function pauseClocks(s: CaseState, now: number, reason: string): void {
  for (const c of [s.decisionClock, s.promisedClock]) {
    if (c && !c.pauses.some((p) => p.to === undefined)) c.pauses.push({ from: now, reason });
  }
}

export function resumeClocks(s: CaseState, now: number): void {
  for (const c of [s.decisionClock, s.promisedClock]) {
    const open = c?.pauses.find((p) => p.to === undefined);
    if (open) open.to = now;
  }
}

/** Bureau staff who examine files; the bureau head may sign a decision too (§3.1). */
export const isStaff = (a: Actor) =>
  a.role === 'reviewer' || a.role === 'section_head' || a.role === 'bureau_head';

export function requireApplicant(actor: Actor): Refusal | null {
  return actor.role === 'applicant' ? null : refuse('Forbidden', '只有申请人可以办理此事项');
}

export function requireStaff(actor: Actor): Refusal | null {
  return isStaff(actor) ? null : refuse('Forbidden', '只有本机关审查人员可以办理此事项');
}
