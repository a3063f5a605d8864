import type { Application } from '../../domain/registration/application';
import { LEGAL_BASIS } from '../../domain/registration/grounds';
import type { ActionDef } from './action';
import {
  actorRef,
  iso,
  record,
  refuse,
  requireApplicant,
  resumeClocks,
  startClock,
} from './case-core';
import type { Effect } from './effects';
import type { WithActor } from './messages';
import type { CaseState } from './state';
import { FINAL_STATUSES, OPEN_STATUSES, STATUS_LABEL } from './view-types';

/** What the applicant does: correct and resubmit, or withdraw before a decision. */

type Resubmission = WithActor & { version: number; application: Application };

export function newVersion(s: CaseState, version: number, application: Application) {
  if (version !== s.applicationVersion + 1) {
    return refuse('IllegalTransition', `材料版本应为${s.applicationVersion + 1}，收到${version}`);
  }
  if (application.legalForm !== s.application.legalForm) {
    return refuse('IllegalTransition', '补正材料不能改变组织形式，请撤回后重新申请');
  }
  return null;
}

function replaceApplication(s: CaseState, version: number, application: Application, now: number) {
  s.previousApplication = s.application;
  s.application = application;
  s.applicationVersion = version;
  s.receivedAt = now;
  s.responseClock = null;
  const notice = s.notices.at(-1);
  if (notice && !notice.answeredAt) notice.answeredAt = iso(now);
}

export const resubmit: ActionDef<Resubmission> = {
  check(s, { actor, version, application }) {
    const r = requireApplicant(actor);
    if (r) return r;
    if (s.status !== 'correction_required' && s.status !== 'returned') {
      return refuse('IllegalTransition', `当前状态为“${STATUS_LABEL[s.status]}”，无需补正材料`);
    }
    return newVersion(s, version, application);
  },
  apply(s, { actor, version, application }, now) {
    replaceApplication(s, version, application, now);
    const staff: Effect = {
      kind: 'notify',
      template: 'resubmitted',
      audience: s.assignee
        ? [{ kind: 'account', accountId: s.assignee.id }]
        : [{ kind: 'role', role: 'reviewer' }],
    };
    if (s.status === 'correction_required') {
      s.intakeClock = startClock(now, s.rules.policy.limits.intakeNotice);
      record(s, now, actor, 'resubmitted', 'submitted', { details: { version } });
      return [{ kind: 'check' }, staff];
    }
    resumeClocks(s, now);
    const back = s.returnedFrom ?? 'first_review';
    s.returnedFrom = null;
    record(s, now, actor, 'resubmitted', back, { details: { version } });
    return [{ kind: 'check' }, staff];
  },
  probes: (s) => [{ version: s.applicationVersion + 1, application: s.application }],
};

const WITHDRAWABLE: ReadonlySet<string> = new Set(OPEN_STATUSES);

export const withdraw: ActionDef<WithActor & { reason: string }> = {
  check(s, { actor }) {
    const r = requireApplicant(actor);
    if (r) return r;
    if (!WITHDRAWABLE.has(s.status)) {
      const why = FINAL_STATUSES.includes(s.status) ? '已作出决定' : '当前阶段不能撤回';
      return refuse('IllegalTransition', `本件${why}（${STATUS_LABEL[s.status]}），不能撤回`);
    }
    return null;
  },
  apply(s, { actor, reason }, now) {
    const underReview = s.assignee;
    s.decision = {
      outcome: 'withdrawn',
      at: iso(now),
      by: actorRef(actor),
      reason,
      legalBasis: LEGAL_BASIS.withdrawal,
    };
    s.assignee = null;
    record(s, now, actor, 'withdrawn', 'withdrawn', { reason, legalBasis: LEGAL_BASIS.withdrawal });
    const effects: Effect[] = [
      { kind: 'notify', template: 'withdrawn', audience: [{ kind: 'applicant' }] },
    ];
    if (underReview) {
      effects.push({
        kind: 'notify',
        template: 'withdrawn',
        audience: [{ kind: 'account', accountId: underReview.id }],
      });
    }
    return effects;
  },
};
