import type { DeficiencyItem } from '../../domain/registration/completeness';
import {
  decisionBasis,
  REFUSAL_GROUND_LABEL,
  type RefusalGround,
  refusalBasis,
} from '../../domain/registration/grounds';
import type { ActionDef } from './action';
import {
  actorRef,
  iso,
  pauseClocks,
  type Refusal,
  record,
  refuse,
  requireStaff,
  startClock,
} from './case-core';
import type { Effect } from './effects';
import type { Actor, WithActor } from './messages';
import type { CaseState } from './state';
import { STATUS_LABEL } from './view-types';

/** 初审 and 复审: two levels, two different people (nobody approves their own step). */

const SECOND_LEVEL: Effect = {
  kind: 'notify',
  template: 'second_review_pending',
  audience: [
    { kind: 'role', role: 'reviewer' },
    { kind: 'role', role: 'section_head' },
  ],
};

export function inReview(s: CaseState): Refusal | null {
  if (s.status === 'first_review' || s.status === 'second_review') return null;
  return refuse('IllegalTransition', `当前状态为“${STATUS_LABEL[s.status]}”，不在审查阶段`);
}

/** Staff who did not perform the level below may work on the current level. */
function eligible(s: CaseState, person: Actor): Refusal | null {
  const r = requireStaff(person) ?? inReview(s);
  if (r) return r;
  if (s.status === 'second_review' && s.firstReviewer?.id === person.id) {
    return refuse('FourEyes', `复审须由初审以外的人员进行：${person.name}已办理本件初审`);
  }
  return null;
}

/** Who may act at the current level: eligible, and the assignee (a section head may step in). */
export function mayReview(s: CaseState, actor: Actor): Refusal | null {
  const r = eligible(s, actor);
  if (r) return r;
  if (s.assignee && s.assignee.id !== actor.id && actor.role !== 'section_head') {
    return refuse('Forbidden', `本件已分配给${s.assignee.name}办理`);
  }
  return null;
}

function mayDecide(s: CaseState, actor: Actor): Refusal | null {
  const r = mayReview(s, actor);
  if (r) return r;
  if (s.expertReview) return refuse('IllegalTransition', '专家评审尚未结束，暂不能作出审查意见');
  return null;
}

export const claim: ActionDef<WithActor> = {
  check(s, { actor }) {
    const r = mayReview(s, actor);
    if (r) return r;
    if (s.assignee) return refuse('IllegalTransition', `本件已由${s.assignee.name}承办`);
    return null;
  },
  apply(s, { actor }, now) {
    s.assignee = actor;
    record(s, now, actor, 'claimed', null);
    return [];
  },
};

export const assign: ActionDef<WithActor & { assignee: Actor }> = {
  check(s, { actor, assignee }) {
    if (actor.role !== 'section_head') return refuse('Forbidden', '只有科室负责人可以分配承办人');
    const r = inReview(s) ?? eligible(s, assignee);
    if (r) return { ...r, message: `不能分配给${assignee.name}：${r.message}` };
    return null;
  },
  apply(s, { actor, assignee }, now) {
    s.assignee = assignee;
    record(s, now, actor, 'assigned', null, { details: { assignee: actorRef(assignee) } });
    return [
      {
        kind: 'notify',
        template: 'review_assigned',
        audience: [{ kind: 'account', accountId: assignee.id }],
      },
    ];
  },
  // Offered when the section head could assign it to someone eligible, e.g. themselves.
  probes: (_s, actor) => [{ assignee: actor }],
};

function toSecondLevel(
  s: CaseState,
  actor: Actor,
  outcome: 'approve' | 'reject',
  grounds: RefusalGround[],
) {
  s.firstReviewer = actor;
  s.recommendation = { outcome, grounds, by: actor };
  s.assignee = null;
}

/** 1998 text, social groups: the first decision approves the preparation stage (§1.2). */
function preparationApplies(s: CaseState): boolean {
  const p = s.rules.policy;
  return (
    s.phase === 'registration' &&
    p.ruleVersion === '1998' &&
    p.preparation.enabled &&
    s.application.legalForm === 'social_group'
  );
}

function approvePreparation(s: CaseState, actor: Actor, opinion: string, now: number): Effect[] {
  s.phase = 'preparation';
  s.decisionClock = null;
  s.promisedClock = null;
  s.assignee = null;
  s.prepClock = startClock(now, s.rules.policy.preparation.window);
  record(s, now, actor, 'preparation_approved', 'preparing', {
    reason: opinion,
    legalBasis: '《社会团体登记管理条例》（1998年）第九条至第十二条',
  });
  return [
    { kind: 'document', document: 'preparation_approval' },
    { kind: 'notify', template: 'preparation_approved', audience: [{ kind: 'applicant' }] },
  ];
}

export const approve: ActionDef<WithActor & { opinion: string }> = {
  check: (s, { actor }) => mayDecide(s, actor),
  apply(s, { actor, opinion }, now) {
    if (s.status === 'first_review') {
      toSecondLevel(s, actor, 'approve', []);
      record(s, now, actor, 'first_review_approved', 'second_review', {
        reason: opinion,
        legalBasis: decisionBasis(s.application.legalForm),
      });
      return [SECOND_LEVEL];
    }
    if (preparationApplies(s)) return approvePreparation(s, actor, opinion, now);
    s.decision = {
      outcome: 'approved',
      at: iso(now),
      by: actorRef(actor),
      reason: opinion,
      legalBasis: decisionBasis(s.application.legalForm),
    };
    s.assignee = null;
    record(s, now, actor, 'approved', 'approved', {
      reason: opinion,
      legalBasis: s.decision.legalBasis,
    });
    return [
      { kind: 'certificate' },
      { kind: 'announcement' },
      { kind: 'notify', template: 'approved', audience: [{ kind: 'applicant' }] },
    ];
  },
};

export const reject: ActionDef<WithActor & { grounds: RefusalGround[]; reason: string }> = {
  check(s, { actor, grounds, reason }) {
    const r = mayDecide(s, actor);
    if (r) return r;
    if (grounds.length === 0 || reason.trim() === '') {
      return refuse('InvalidInput', '不予登记须列明法定理由并说明具体情况');
    }
    if (
      grounds.includes('unnecessary_duplicate') &&
      s.rules.policy.relaxations.oneTradeMultipleAssociations
    ) {
      return refuse(
        'IllegalTransition',
        '现行规则允许一业多会（苏民规〔2014〕1号），不得以已有业务范围相同或相似的组织为由不予登记',
      );
    }
    return null;
  },
  apply(s, { actor, grounds, reason }, now) {
    const form = s.application.legalForm;
    const basis = grounds.map((g) => refusalBasis(form, g)).join('；');
    if (s.status === 'first_review') {
      toSecondLevel(s, actor, 'reject', grounds);
      record(s, now, actor, 'first_review_rejected', 'second_review', {
        reason,
        legalBasis: basis,
        details: { grounds },
      });
      return [SECOND_LEVEL];
    }
    s.decision = {
      outcome: 'rejected',
      at: iso(now),
      by: actorRef(actor),
      reason: `${grounds.map((g) => REFUSAL_GROUND_LABEL[g]).join('；')}。${reason}`,
      grounds,
      legalBasis: basis,
    };
    s.assignee = null;
    record(s, now, actor, 'rejected', 'rejected', {
      reason,
      legalBasis: basis,
      details: { grounds },
    });
    return [
      { kind: 'document', document: 'rejection_decision' },
      { kind: 'notify', template: 'rejected', audience: [{ kind: 'applicant' }] },
    ];
  },
  probes: () => [{ grounds: [], reason: '' }],
};

export const returnForCorrection: ActionDef<
  WithActor & { items: DeficiencyItem[]; reason: string }
> = {
  check(s, { actor, items, reason }) {
    const r = mayDecide(s, actor);
    if (r) return r;
    if (items.length === 0 || reason.trim() === '')
      return refuse('InvalidInput', '退回补正须列明补正事项和理由');
    return null;
  },
  apply(s, { actor, items, reason }, now) {
    s.returnedFrom = s.status === 'second_review' ? 'second_review' : 'first_review';
    pauseClocks(s, now, '等待申请人补正材料');
    const limit = s.rules.policy.limits.applicantResponse;
    s.responseClock = limit ? startClock(now, limit) : null;
    s.notices.push({
      no: s.notices.length + 1,
      kind: 'review',
      issuedAt: iso(now),
      issuedBy: actorRef(actor),
      items,
      note: reason,
    });
    record(s, now, actor, 'returned_for_correction', 'returned', {
      reason,
      legalBasis: '《中华人民共和国行政许可法》第三十四条、第四十五条',
      details: { items: items.length },
    });
    return [
      { kind: 'document', document: 'correction_notice' },
      { kind: 'notify', template: 'returned', audience: [{ kind: 'applicant' }] },
    ];
  },
  probes: () => [{ items: [], reason: '' }],
};
