import { gradeBonus } from '../../domain/purchase/eligibility';
import { dueAfter } from './deadline';
import type { Effect } from './effects';
import type * as m from './messages';
import {
  action,
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
import type { RankingRow } from './view-types';

const LAW = '《中华人民共和国政府采购法实施条例》第九条、第四十条';

/** Panel members who declared no conflict: the only ones who score. */
export const sittingExperts = (s: PurchaseState) =>
  s.panel.filter((e) => e.declaration && !e.declaration.conflict);

/** Average panel score plus the grade factor; ties go to the lower price. */
export function ranking(s: PurchaseState): RankingRow[] {
  const sitting = sittingExperts(s).filter((e) => e.scores);
  if (sitting.length === 0) return [];
  return s.responses
    .map((r) => {
      const scores = sitting.map(
        (e) => e.scores?.find((x) => x.organizationId === r.organizationId)?.score ?? 0,
      );
      const averageScore =
        Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
      const bonus = gradeBonus(r.gradeLevel, s.policy.grade);
      return {
        organizationId: r.organizationId,
        name: r.name,
        averageScore,
        gradeBonus: bonus,
        total: Math.round((averageScore + bonus) * 100) / 100,
        priceFen: r.priceFen,
      };
    })
    .sort((a, b) => b.total - a.total || a.priceFen - b.priceFen);
}

export const appointPanel = action<m.WithActor & { experts: { id: string; name: string }[] }>({
  check: (s, a) =>
    firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'evaluating'),
      a.experts.some((e) => s.panel.some((p) => p.id === e.id))
        ? refuse('IllegalTransition', '该专家已在评审委员会中')
        : null,
    ),
  apply: (s, a, now) => {
    for (const e of a.experts)
      s.panel.push({ id: e.id, name: e.name, declaration: null, scores: null });
    record(s, now, a.actor, 'appoint_panel', null, {
      details: { experts: a.experts.map((e) => e.name) },
    });
    return [
      {
        kind: 'notify',
        template: 'panel_appointed',
        audience: a.experts.map((e) => ({ kind: 'account' as const, accountId: e.id })),
      },
    ];
  },
  probes: () => [{ experts: [] }],
});

const member = (s: PurchaseState, a: m.Actor) => s.panel.find((e) => e.id === a.id);

export const declareConflict = action<m.WithActor & { conflict: boolean; note: string }>({
  check: (s, a) =>
    firstOf(
      requireRole(a.actor, 'evaluator', '评审专家'),
      requireStatus(s, 'evaluating'),
      member(s, a.actor) ? null : refuse('Forbidden', '您不是本项目评审委员会成员'),
      member(s, a.actor)?.declaration ? refuse('IllegalTransition', '已作出利益冲突声明') : null,
    ),
  apply: (s, a, now) => {
    const e = member(s, a.actor);
    if (e) e.declaration = { conflict: a.conflict, note: a.note, at: iso(now) };
    record(s, now, a.actor, a.conflict ? 'declare_conflict_recused' : 'declare_no_conflict', null, {
      reason: a.note,
      legalBasis: LAW,
    });
    return [];
  },
  probes: () => [{ conflict: false, note: '' }],
});

export const scoreResponses = action<
  m.WithActor & { scores: { organizationId: string; score: number; comment?: string }[] }
>({
  check: (s, a) => {
    const e = member(s, a.actor);
    return firstOf(
      requireRole(a.actor, 'evaluator', '评审专家'),
      requireStatus(s, 'evaluating'),
      e ? null : refuse('Forbidden', '您不是本项目评审委员会成员'),
      e && !e.declaration ? refuse('IllegalTransition', '评审前须先作出利益冲突声明') : null,
      e?.declaration?.conflict
        ? refuse('IllegalTransition', '您已申报利益冲突，应当回避，不得参与评审')
        : null,
      e?.scores ? refuse('IllegalTransition', '您已提交评分') : null,
      s.responses.every((r) => a.scores.some((x) => x.organizationId === r.organizationId)) &&
        a.scores.every((x) => s.responses.some((r) => r.organizationId === x.organizationId))
        ? null
        : refuse('InvalidInput', '评分须覆盖全部有效响应，且只能针对有效响应'),
    );
  },
  apply: (s, a, now) => {
    const e = member(s, a.actor);
    if (e) e.scores = a.scores;
    record(s, now, a.actor, 'score_responses', null, { details: { scores: a.scores } });
    return [];
  },
  probes: () => [{ scores: [] }],
});

/**
 * The panel that scores (实施条例 art. 39 et seq., 87号令 art. 47): at least the minimum for the
 * method and an odd number, so that its majority decides. Rules that predate the tender minimum
 * (no tenderMinSize) keep the earlier check, so projects recorded before replay.
 */
function panelRefusal(s: PurchaseState, sitting: number) {
  const tender =
    s.procurement?.method === 'open_tender' || s.procurement?.method === 'invitational_tender';
  const min = Math.max(s.policy.panel.minSize, tender ? (s.policy.panel.tenderMinSize ?? 0) : 0);
  if (sitting < min) return refuse('IllegalTransition', `无利益冲突的评审专家不足${min}人，请补充`);
  if (s.policy.panel.tenderMinSize !== undefined && sitting % 2 === 0)
    return refuse(
      'IllegalTransition',
      `评审委员会成员应为单数，现有无利益冲突的评审专家${sitting}人，请增补或调整`,
    );
  return null;
}

export const award = action<m.WithActor & { opinion: string }>({
  check: (s, a) => {
    const sitting = sittingExperts(s);
    return firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'evaluating'),
      panelRefusal(s, sitting.length),
      s.panel.some((e) => !e.declaration)
        ? refuse('IllegalTransition', '尚有专家未作出利益冲突声明')
        : null,
      sitting.every((e) => e.scores) ? null : refuse('IllegalTransition', '尚有专家未提交评分'),
    );
  },
  apply: (s, a, now) => {
    const rows = ranking(s);
    const top = rows[0];
    const winner = s.responses.find((r) => r.organizationId === top?.organizationId);
    if (!winner) return [];
    s.award = {
      organizationId: winner.organizationId,
      name: winner.name,
      creditCode: winner.creditCode,
      amountFen: winner.priceFen,
      decidedAt: iso(now),
      noticeAt: null,
      signBy: null,
    };
    s.publicity = {
      startedAt: iso(now),
      endsAt: iso(dueAfter(now, s.policy.publicity, s.calendar)),
    };
    record(s, now, a.actor, 'award', 'publicity', {
      reason: a.opinion,
      details: { ranking: rows },
    });
    return [
      // The award date is the decisive date for the rules (§8).
      { kind: 'loadRules', at: now },
      { kind: 'announce', announcement: 'award' },
      {
        kind: 'notify',
        template: 'award_publicised',
        audience: [
          { kind: 'organizations', organizationIds: s.responses.map((r) => r.organizationId) },
        ],
      },
    ];
  },
  probes: () => [{ opinion: '' }],
});

/** 质疑: a respondent other than the winner, while the publicity is open. */
export const challenge = action<m.WithActor & { reason: string }>({
  check: (s, a, now) =>
    firstOf(
      requireRole(a.actor, 'applicant', '参与响应的承接主体'),
      requireStatus(s, 'publicity'),
      s.responses.some((r) => r.organizationId === a.actor.organizationId) &&
        a.actor.organizationId !== s.award?.organizationId
        ? null
        : refuse('Forbidden', '只有参与响应且未成交的承接主体可以提出质疑'),
      s.publicity && Date.parse(s.publicity.endsAt) > now
        ? null
        : refuse('IllegalTransition', '公示期已结束'),
    ),
  apply: (s, a, now) => {
    const id = `C${s.challenges.length + 1}`;
    s.challenges.push({
      id,
      organizationId: a.actor.organizationId ?? '',
      reason: a.reason,
      filedAt: iso(now),
      answer: null,
    });
    record(s, now, a.actor, 'challenge', null, {
      reason: a.reason,
      legalBasis: '《中华人民共和国政府采购法》第五十二条',
    });
    return [
      {
        kind: 'notify',
        template: 'challenge_filed',
        audience: [{ kind: 'role', role: 'purchaser' }],
      },
    ];
  },
  probes: () => [{ reason: '' }],
});

export const answerChallenge = action<
  m.WithActor & { challengeId: string; upheld: boolean; reply: string }
>({
  check: (s, a) => {
    const c = s.challenges.find((x) => x.id === a.challengeId);
    return firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'publicity'),
      c ? null : refuse('InvalidInput', '没有该质疑'),
      c?.answer ? refuse('IllegalTransition', '该质疑已答复') : null,
    );
  },
  apply: (s, a, now) => {
    const c = s.challenges.find((x) => x.id === a.challengeId);
    if (!c) return [];
    c.answer = { upheld: a.upheld, reply: a.reply, at: iso(now) };
    const effects: Effect[] = [
      {
        kind: 'notify',
        template: 'challenge_answered',
        audience: [{ kind: 'organizations', organizationIds: [c.organizationId] }],
        extra: { upheld: a.upheld ? '成立' : '不成立' },
      },
    ];
    if (a.upheld) {
      // A well-founded challenge voids the result: the panel evaluates again.
      for (const e of s.panel) e.scores = null;
      s.award = null;
      s.publicity = null;
      record(s, now, a.actor, 'challenge_upheld', 'evaluating', { reason: a.reply });
      return effects;
    }
    record(s, now, a.actor, 'challenge_rejected', null, { reason: a.reply });
    return effects;
  },
  probes: (s) => s.challenges.map((c) => ({ challengeId: c.id, upheld: false, reply: '' })),
});

export const openChallenges = (s: PurchaseState) => s.challenges.some((c) => !c.answer);

/** The publicity ended with no open challenge: the award stands, the signing clock starts. */
export function confirmAward(s: PurchaseState, now: number): Effect[] {
  if (!s.award) return [];
  s.award.noticeAt = iso(now);
  s.award.signBy = iso(dueAfter(now, s.policy.contract.signingLimit, s.calendar));
  record(s, now, SYSTEM, 'award_confirmed', 'awarded', {
    legalBasis: '《中华人民共和国政府采购法》第四十六条',
  });
  return [
    {
      kind: 'notify',
      template: 'award_confirmed',
      audience: [
        { kind: 'organizations', organizationIds: [s.award.organizationId] },
        { kind: 'role', role: 'purchaser' },
      ],
    },
  ];
}
