import type { Application } from '../../domain/registration/application';
import type { ActionDef } from './action';
import { newVersion } from './applicant';
import { record, refuse, requireApplicant, requireStaff, startClock } from './case-core';
import type { WithActor } from './messages';

/** 1998 text of the 社团条例 (§1.2): preparation window, one extension, founding application. */

export const extendPreparation: ActionDef<WithActor & { reason: string }> = {
  check(s, { actor, reason }) {
    const r = requireStaff(actor);
    if (r) return r;
    if (s.status !== 'preparing') return refuse('IllegalTransition', '本件不在筹备阶段');
    if (s.prepExtended) return refuse('IllegalTransition', '筹备期限只能延长一次');
    if (reason.trim() === '') return refuse('InvalidInput', '延长筹备期限须说明正当理由');
    return null;
  },
  apply(s, { actor, reason }, now) {
    s.prepExtended = true;
    s.prepClock?.extensions.push(s.rules.policy.preparation.extension);
    record(s, now, actor, 'preparation_extended', null, { reason });
    return [
      { kind: 'notify', template: 'preparation_extended', audience: [{ kind: 'applicant' }] },
    ];
  },
  probes: () => [{ reason: '' }],
};

export const submitFounding: ActionDef<WithActor & { version: number; application: Application }> =
  {
    check(s, { actor, version, application }) {
      const r = requireApplicant(actor);
      if (r) return r;
      if (s.status !== 'preparing')
        return refuse('IllegalTransition', '本件不在筹备阶段，不能申请成立登记');
      return newVersion(s, version, application);
    },
    apply(s, { actor, version, application }, now) {
      s.previousApplication = s.application;
      s.application = application;
      s.applicationVersion = version;
      s.receivedAt = now;
      s.phase = 'founding';
      s.prepClock = null;
      s.firstReviewer = null;
      s.recommendation = null;
      s.assignee = null;
      s.extension = null;
      s.decisionClock = startClock(now, s.rules.policy.preparation.foundingReview);
      s.promisedClock = null;
      record(s, now, actor, 'founding_submitted', 'first_review', { details: { version } });
      return [
        { kind: 'check' },
        {
          kind: 'notify',
          template: 'founding_submitted',
          audience: [{ kind: 'role', role: 'reviewer' }],
        },
      ];
    },
    probes: (s) => [{ version: s.applicationVersion + 1, application: s.application }],
  };
