import { addDuration, type Clock, computeDeadline, reminderAt } from '../../domain/deadlines';
import { LEGAL_BASIS } from '../../domain/registration/grounds';
import { actorRef, iso, record, SYSTEM } from './case-core';
import type { Audience, Effect } from './effects';
import { deemAccepted } from './intake';
import type { CaseState } from './state';

/**
 * The timers a case has now, derived from its clocks: reminders before a limit, and what
 * happens when it passes. Keys make each fire once; an extension makes new keys.
 */
export interface Timer {
  key: string;
  at: number;
  /** Whether firing it ends the current stage (a deemed acceptance, a lapse). */
  decisive: boolean;
  fire(s: CaseState, now: number): Effect[];
}

const STAFF_ON_DUTY = (s: CaseState): Audience[] =>
  s.assignee
    ? [{ kind: 'account', accountId: s.assignee.id }]
    : [{ kind: 'role', role: 'section_head' }];

function clockTimers(
  s: CaseState,
  clock: Clock,
  name: string,
  remind: Timer['fire'],
  expire: Timer['fire'],
  decisive = false,
): Timer[] {
  const tag = `${name}-${s.phase}-${clock.startedAt}-${clock.extensions.length}`;
  const out: Timer[] = [];
  const due = computeDeadline(clock, s.calendar).dueAt;
  if (due === null) return out;
  const remindAt = reminderAt(clock, s.rules.policy.limits.reminderLead, s.calendar);
  if (remindAt !== null && remindAt < due)
    out.push({ key: `${tag}-reminder`, at: remindAt, decisive: false, fire: remind });
  out.push({ key: `${tag}-deadline`, at: due, decisive, fire: expire });
  return out;
}

const reminder =
  (audience: (s: CaseState) => Audience[], kind: string): Timer['fire'] =>
  (s) => [
    {
      kind: 'notify',
      template: 'deadline_reminder',
      audience: audience(s),
      extra: { deadline: kind },
    },
  ];

function escalate(kind: 'decision' | 'promised'): Timer['fire'] {
  return (s, now) => {
    s.overdue = s.overdue || kind === 'decision';
    record(
      s,
      now,
      SYSTEM,
      kind === 'decision' ? 'escalated_statutory' : 'escalated_promised',
      null,
      {
        reason:
          kind === 'decision'
            ? '法定审查期限已届满，尚未作出决定'
            : '承诺办理时限已届满，尚未作出决定',
        details: { assignee: s.assignee ? actorRef(s.assignee) : null },
      },
    );
    const audience: Audience[] = [{ kind: 'role', role: 'section_head' }];
    if (s.assignee) audience.push({ kind: 'account', accountId: s.assignee.id });
    return [
      { kind: 'notify', template: 'deadline_escalated', audience, extra: { deadline: kind } },
    ];
  };
}

function lapse(s: CaseState, now: number): Effect[] {
  const inPreparation = s.status === 'preparing';
  const reason = inPreparation ? '筹备期限届满，未申请成立登记' : '逾期未补正材料，视为撤回申请';
  const legalBasis = inPreparation ? LEGAL_BASIS.preparationLapse : LEGAL_BASIS.lapse;
  s.decision = { outcome: 'lapsed', at: iso(now), by: actorRef(SYSTEM), reason, legalBasis };
  s.assignee = null;
  record(s, now, SYSTEM, 'lapsed', 'lapsed', { reason, legalBasis });
  const effects: Effect[] = [
    { kind: 'notify', template: 'lapsed', audience: [{ kind: 'applicant' }] },
  ];
  if (inPreparation) {
    const until = addDuration(now, s.rules.policy.preparation.reapplicationBar, s.calendar).at;
    effects.push({ kind: 'bar', until });
  }
  return effects;
}

const APPLICANT: Audience[] = [{ kind: 'applicant' }];
const INTAKE_STAFF: Audience[] = [
  { kind: 'role', role: 'reviewer' },
  { kind: 'role', role: 'section_head' },
];

export function caseTimers(s: CaseState): Timer[] {
  const t: Timer[] = [];
  if (s.status === 'submitted' && s.intakeClock) {
    t.push(
      ...clockTimers(
        s,
        s.intakeClock,
        'intake',
        reminder(() => INTAKE_STAFF, 'intake'),
        (c, now) => deemAccepted(c, now),
        true,
      ),
    );
  }
  if ((s.status === 'correction_required' || s.status === 'returned') && s.responseClock) {
    t.push(
      ...clockTimers(
        s,
        s.responseClock,
        'response',
        reminder(() => APPLICANT, 'response'),
        lapse,
        true,
      ),
    );
  }
  if (s.status === 'first_review' || s.status === 'second_review') {
    if (s.decisionClock)
      t.push(
        ...clockTimers(
          s,
          s.decisionClock,
          'decision',
          reminder(STAFF_ON_DUTY, 'decision'),
          escalate('decision'),
        ),
      );
    if (s.promisedClock)
      t.push(
        ...clockTimers(
          s,
          s.promisedClock,
          'promised',
          reminder(STAFF_ON_DUTY, 'promised'),
          escalate('promised'),
        ),
      );
  }
  if (s.status === 'preparing' && s.prepClock) {
    t.push(
      ...clockTimers(
        s,
        s.prepClock,
        'preparation',
        reminder(() => APPLICANT, 'preparation'),
        lapse,
        true,
      ),
    );
  }
  return t.filter((x) => !s.firedTimers.includes(x.key));
}

/** A due timer that ends the current stage: decisions must wait until it has fired. */
export function decisiveTimerDue(s: CaseState, now: number): Timer | undefined {
  return caseTimers(s).find((t) => t.decisive && t.at <= now);
}

/** The earliest timer that has not fired. */
export function nextTimer(s: CaseState): Timer | undefined {
  return caseTimers(s).sort((a, b) => a.at - b.at)[0];
}
