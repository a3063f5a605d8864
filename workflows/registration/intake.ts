import { changedTargets, type DeficiencyItem } from '../../domain/registration/completeness';
import { DOCUMENT_LABEL } from '../../domain/registration/documents';
import {
  LEGAL_BASIS,
  NON_ACCEPTANCE_BASIS,
  NON_ACCEPTANCE_LABEL,
  type NonAcceptanceReason,
} from '../../domain/registration/grounds';
import type { ActionDef } from './action';
import { actorRef, iso, record, refuse, requireStaff, SYSTEM, startClock } from './case-core';
import type { Effect } from './effects';
import type { Actor, WithActor } from './messages';
import type { CaseState } from './state';

/** 受理审查: the one-time deficiency notice, acceptance, non-acceptance (行政许可法 art. 32). */

const key = (i: DeficiencyItem) => `${i.code}@${i.target}`;

function notInIntake(s: CaseState) {
  return s.status === 'submitted'
    ? null
    : refuse('IllegalTransition', `当前状态为“${s.status}”，受理审查已经结束`);
}

export const issueDeficiencyNotice: ActionDef<
  WithActor & { items: DeficiencyItem[]; note?: string }
> = {
  check(s, { actor, items }) {
    const r = requireStaff(actor) ?? notInIntake(s);
    if (r) return r;
    if (items.length === 0) return refuse('InvalidInput', '补正通知至少列明一项需补正的内容');
    const intakeNotices = s.notices.filter((n) => n.kind === 'intake');
    if (intakeNotices.length === 0) {
      const listed = new Set(items.map(key));
      const omitted = s.findings.filter((f) => !listed.has(key(f)));
      if (omitted.length > 0) {
        const titles = omitted.map((f) => f.title).join('；');
        return refuse(
          'IllegalTransition',
          `一次性告知须列明全部需补正的事项，以下事项未列入：${titles}。首次告知遗漏的事项不得再次告知`,
        );
      }
      return null;
    }
    if (!s.previousApplication) return refuse('IllegalTransition', '申请人尚未补正，不能再次告知');
    // New demands only where the resubmission changed something; an item already notified
    // and still not corrected may be repeated (it is no new demand).
    const changed = changedTargets(s.previousApplication, s.application);
    const notified = new Set(intakeNotices.flatMap((n) => n.items.map(key)));
    const stale = items.filter((i) => !changed.has(i.target) && !notified.has(key(i)));
    if (stale.length > 0) {
      return refuse(
        'IllegalTransition',
        `再次告知只能针对本次补正新产生的问题，以下事项不在本次补正的内容中：${stale.map((i) => i.title).join('；')}`,
      );
    }
    return null;
  },
  apply(s, { actor, items, note }, now) {
    s.notices.push({
      no: s.notices.length + 1,
      kind: 'intake',
      issuedAt: iso(now),
      issuedBy: actorRef(actor),
      items,
      note,
    });
    s.intakeClock = null;
    const limit = s.rules.policy.limits.applicantResponse;
    s.responseClock = limit ? startClock(now, limit) : null;
    record(s, now, actor, 'deficiency_notice', 'correction_required', {
      reason: note,
      legalBasis: LEGAL_BASIS.intakeNotice,
      details: { items: items.length, round: s.notices.filter((n) => n.kind === 'intake').length },
    });
    return [
      { kind: 'document', document: 'deficiency_notice' },
      { kind: 'notify', template: 'deficiency_notice', audience: [{ kind: 'applicant' }] },
    ];
  },
  probes: () => [{ items: [] }],
};

/** Moves the case to first review; `deemed` when the bureau missed the 5-day limit. */
export function acceptAt(
  s: CaseState,
  at: number,
  actor: Actor,
  deemed: boolean,
  now: number,
): Effect[] {
  s.accepted = { at, by: deemed ? null : actor, deemed, receiptNo: null };
  s.intakeClock = null;
  s.decisionClock = startClock(at, s.rules.policy.limits.decision);
  const promised = s.rules.policy.limits.promised;
  s.promisedClock = promised ? startClock(at, promised) : null;
  s.assignee = deemed ? null : actor;
  record(s, now, actor, deemed ? 'deemed_accepted' : 'accepted', 'first_review', {
    legalBasis: deemed ? LEGAL_BASIS.deemedAcceptance : LEGAL_BASIS.acceptance,
    details: { acceptedAt: iso(at) },
  });
  const effects: Effect[] = [
    { kind: 'loadRules', at },
    { kind: 'receipt' },
    { kind: 'document', document: 'acceptance_receipt' },
    {
      kind: 'notify',
      template: deemed ? 'deemed_accepted' : 'accepted',
      audience: [{ kind: 'applicant' }],
    },
  ];
  if (deemed) {
    effects.push({
      kind: 'notify',
      template: 'deadline_escalated',
      audience: [{ kind: 'role', role: 'section_head' }],
    });
  }
  return effects;
}

export const accept: ActionDef<WithActor> = {
  check(s, { actor }) {
    const r = requireStaff(actor) ?? notInIntake(s);
    if (r) return r;
    const missing = s.findings.filter((f) => f.code === 'DOC_MISSING');
    if (missing.length > 0) {
      const names = missing.map(
        (f) =>
          DOCUMENT_LABEL[f.target.slice('document:'.length) as keyof typeof DOCUMENT_LABEL] ??
          f.title,
      );
      return refuse('IllegalTransition', `材料不齐全，不能出具受理通知书：缺少${names.join('、')}`);
    }
    return null;
  },
  apply(s, { actor }, now) {
    return acceptAt(s, now, actor, false, now);
  },
};

export const refuseAcceptance: ActionDef<
  WithActor & { reasons: NonAcceptanceReason[]; explanation: string }
> = {
  check(s, { actor, reasons, explanation }) {
    const r = requireStaff(actor) ?? notInIntake(s);
    if (r) return r;
    if (reasons.length === 0 || explanation.trim() === '') {
      return refuse('InvalidInput', '不予受理须说明理由');
    }
    return null;
  },
  apply(s, { actor, reasons, explanation }, now) {
    s.intakeClock = null;
    s.responseClock = null;
    s.decision = {
      outcome: 'not_accepted',
      at: iso(now),
      by: actorRef(actor),
      reason: `${reasons.map((r) => NON_ACCEPTANCE_LABEL[r]).join('；')}。${explanation}`,
      legalBasis: NON_ACCEPTANCE_BASIS,
    };
    record(s, now, actor, 'not_accepted', 'not_accepted', {
      reason: s.decision.reason,
      legalBasis: NON_ACCEPTANCE_BASIS,
      details: { reasons },
    });
    return [
      { kind: 'document', document: 'non_acceptance_notice' },
      { kind: 'notify', template: 'not_accepted', audience: [{ kind: 'applicant' }] },
    ];
  },
  probes: () => [{ reasons: [], explanation: '' }],
};

/** The 5-working-day limit passed without a notice: accepted as of receipt (art. 32). */
export function deemAccepted(s: CaseState, now: number): Effect[] {
  return acceptAt(s, s.receivedAt, SYSTEM, true, now);
}
