import { LEGAL_BASIS } from '../../domain/registration/grounds';
import type { ActionDef } from './action';
import { actorRef, pauseClocks, record, refuse, resumeClocks } from './case-core';
import type { WithActor } from './messages';
import { mayReview } from './review';

/** Extending the limit (art. 42) and pausing it for expert review (art. 45). */

export const requestExtension: ActionDef<WithActor & { reason: string }> = {
  check(s, { actor, reason }) {
    const r = mayReview(s, actor);
    if (r) return r;
    if (!s.rules.policy.extension.allowed) {
      return refuse('IllegalTransition', '现行规则版本的审查期限由条例规定，不适用延长审查期限');
    }
    if (s.extension)
      return refuse('IllegalTransition', '审查期限只能延长一次，本件已提出过延期申请');
    if (reason.trim() === '') return refuse('InvalidInput', '延长审查期限须说明理由');
    return null;
  },
  apply(s, { actor, reason }, now) {
    s.extension = { requestedBy: actor, reason, decided: false, granted: false };
    record(s, now, actor, 'extension_requested', null, {
      reason,
      legalBasis: LEGAL_BASIS.extension,
    });
    return [
      {
        kind: 'notify',
        template: 'extension_requested',
        audience: [{ kind: 'role', role: 'bureau_head' }],
      },
    ];
  },
  probes: () => [{ reason: '' }],
};

export const decideExtension: ActionDef<WithActor & { approve: boolean; reason: string }> = {
  check(s, { actor }) {
    if (actor.role !== 'bureau_head')
      return refuse('Forbidden', '延长审查期限须经本机关负责人批准');
    if (!s.extension || s.extension.decided)
      return refuse('IllegalTransition', '没有待批准的延期申请');
    if (s.extension.requestedBy.id === actor.id)
      return refuse('FourEyes', '不能批准本人提出的延期申请');
    if (s.status !== 'first_review' && s.status !== 'second_review') {
      return refuse('IllegalTransition', '本件已不在审查阶段');
    }
    return null;
  },
  apply(s, { actor, approve, reason }, now) {
    const ext = s.extension;
    if (!ext) return [];
    ext.decided = true;
    ext.granted = approve;
    if (approve) {
      s.decisionClock?.extensions.push(s.rules.policy.extension.amount);
      // The limit moved: an earlier escalation no longer describes the file.
      s.overdue = false;
    }
    record(s, now, actor, approve ? 'extension_granted' : 'extension_denied', null, {
      reason,
      legalBasis: LEGAL_BASIS.extension,
      details: { requestedBy: actorRef(ext.requestedBy), requestReason: ext.reason },
    });
    if (!approve) {
      return [
        {
          kind: 'notify',
          template: 'extension_decided',
          audience: [{ kind: 'account', accountId: ext.requestedBy.id }],
        },
      ];
    }
    return [
      { kind: 'document', document: 'extension_notice' },
      {
        kind: 'notify',
        template: 'extension_decided',
        audience: [{ kind: 'applicant' }, { kind: 'account', accountId: ext.requestedBy.id }],
      },
    ];
  },
};

export const startExpertReview: ActionDef<
  WithActor & { reason: string; expectedWorkingDays: number }
> = {
  check(s, { actor, reason, expectedWorkingDays }) {
    const r = mayReview(s, actor);
    if (r) return r;
    if (s.expertReview) return refuse('IllegalTransition', '专家评审已在进行中');
    if (reason.trim() === '' || !(expectedWorkingDays >= 1 && expectedWorkingDays <= 60)) {
      return refuse('InvalidInput', '须说明专家评审的事由和预计所需工作日（1至60日）');
    }
    return null;
  },
  apply(s, { actor, reason, expectedWorkingDays }, now) {
    s.expertReview = { since: now, reason, expectedWorkingDays };
    pauseClocks(s, now, `专家评审：${reason}`);
    record(s, now, actor, 'expert_review_started', null, {
      reason,
      legalBasis: LEGAL_BASIS.pause,
      details: { expectedWorkingDays },
    });
    return [
      { kind: 'document', document: 'expert_review_notice' },
      { kind: 'notify', template: 'expert_review_started', audience: [{ kind: 'applicant' }] },
    ];
  },
  probes: () => [{ reason: '', expectedWorkingDays: 1 }],
};

export const endExpertReview: ActionDef<WithActor & { summary: string }> = {
  check(s, { actor }) {
    const r = mayReview(s, actor);
    if (r) return r;
    return s.expertReview ? null : refuse('IllegalTransition', '没有进行中的专家评审');
  },
  apply(s, { actor, summary }, now) {
    s.expertReview = null;
    resumeClocks(s, now);
    record(s, now, actor, 'expert_review_ended', null, {
      reason: summary,
      legalBasis: LEGAL_BASIS.pause,
    });
    return [{ kind: 'notify', template: 'expert_review_ended', audience: [{ kind: 'applicant' }] }];
  },
};
