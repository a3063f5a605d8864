import { localDateOf } from '../../domain/calendar';
import { durationWords as describe } from '../../domain/duration-words';
import type { OrganizationProfile } from '../../domain/organization/profile';
import { checkEligibility } from '../../domain/purchase/eligibility';
import {
  checkMethod,
  METHOD_LABEL,
  type MethodChoice,
} from '../../domain/purchase/procurement-method';
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
  requireStatus,
  SYSTEM,
} from './state';

/** 确定采购方式: only methods allowed for services, consistent with the thresholds (§6.3). */
export const planProcurement = action<m.WithActor & MethodChoice>({
  check: (s, a) => {
    const r = firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'need_defined', 'planned', 'failed'),
    );
    if (r) return r;
    const problems = checkMethod(a, s.budgetFen, s.policy.methods);
    return problems.length ? refuse('InvalidInput', problems.join('；')) : null;
  },
  apply: (s, a, now) => {
    s.procurement = {
      method: a.method,
      methodLabel: METHOD_LABEL[a.method],
      ground: a.ground ?? null,
      approvalRef: a.approvalRef ?? null,
      at: iso(now),
    };
    // A new procurement after a failed one starts from no responses.
    s.notice = null;
    s.responses = [];
    record(s, now, a.actor, 'plan_procurement', 'planned', {
      details: { method: a.method, ground: a.ground ?? null },
      legalBasis: '《中华人民共和国政府采购法》第二十六条至第三十一条',
    });
    return [];
  },
  probes: () => [{ method: 'open_tender' }],
});

export const publishNotice = action<
  m.WithActor & { closesAt: string; requirements: string; bidBondFen?: number }
>({
  check: (s, a, now) =>
    firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'planned'),
      Date.parse(a.closesAt) > now ? null : refuse('InvalidInput', '响应截止时间应晚于现在'),
      responsePeriodRefusal(s, a.closesAt, now),
      bidBondRefusal(s, a.bidBondFen ?? 0),
    ),
  apply: (s, a, now) => {
    s.notice = {
      publishedAt: iso(now),
      closesAt: a.closesAt,
      requirements: a.requirements,
      ...(a.bidBondFen ? { bidBondFen: a.bidBondFen } : {}),
    };
    record(s, now, a.actor, 'publish_notice', 'tendering', {
      details: { closesAt: a.closesAt, bidBondFen: a.bidBondFen ?? 0 },
    });
    return [
      { kind: 'announce', announcement: 'notice' },
      {
        kind: 'notify',
        template: 'notice_published',
        audience: [{ kind: 'role', role: 'purchaser' }],
      },
    ];
  },
  probes: () => [{ closesAt: '', requirements: '' }],
});

/**
 * The method's shortest response period (政府采购法 art. 35 and the non-tender rules). Projects
 * whose rules predate the setting (no minResponsePeriod) keep the earlier check, so they replay.
 */
function responsePeriodRefusal(s: PurchaseState, closesAt: string, now: number) {
  const method = s.procurement?.method;
  const min =
    method && method !== 'price_enquiry' ? s.policy.methods.minResponsePeriod?.[method] : undefined;
  if (!min || min.amount === 0) return null;
  const earliest = dueAfter(now, min, s.calendar);
  return Date.parse(closesAt) >= earliest
    ? null
    : refuse(
        'InvalidInput',
        `${s.procurement?.methodLabel}自公告发布之日起至响应截止不得少于${describe(min)}，最早可定于${beijing(earliest)}`,
      );
}

/** 投标（响应）保证金 at most the policy's share of the budget (§6.5). */
function bidBondRefusal(s: PurchaseState, bidBondFen: number) {
  const max = s.policy.bidBond?.maxPercent;
  if (max === undefined || bidBondFen * 100 <= s.budgetFen * max) return null;
  return refuse('InvalidInput', `投标（响应）保证金不得超过采购项目预算的${max}%`);
}

/** 2026年12月23日 17:00, Beijing time. */
function beijing(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** 响应: eligibility from the organisation profile the API loaded (§6.1, §6.6 rule 4). */
export const submitResponse = action<
  m.WithActor & { profile: OrganizationProfile; priceFen: number; proposal: string }
>({
  check: (s, a, now) => {
    const r = firstOf(
      a.actor.role === 'applicant' && a.actor.organizationId === a.profile.id
        ? null
        : refuse('Forbidden', '只有承接主体本身可以提交响应'),
      requireStatus(s, 'tendering'),
      s.notice && Date.parse(s.notice.closesAt) > now
        ? null
        : refuse('IllegalTransition', '响应截止时间已过'),
      s.responses.some((x) => x.organizationId === a.profile.id)
        ? refuse('IllegalTransition', '本组织已提交响应')
        : null,
      a.priceFen <= s.budgetFen ? null : refuse('InvalidInput', '报价超过项目预算'),
    );
    if (r) return r;
    const e = checkEligibility(
      a.profile,
      s.item,
      s.policy,
      localDateOf(now),
      s.creditCode?.position17,
    );
    return e.eligible
      ? null
      : refuse(
          'InvalidInput',
          `不符合承接主体资格条件：${e.reasons.map((x) => x.message).join('；')}`,
        );
  },
  apply: (s, a, now) => {
    const e = checkEligibility(
      a.profile,
      s.item,
      s.policy,
      localDateOf(now),
      s.creditCode?.position17,
    );
    s.responses.push({
      organizationId: a.profile.id,
      name: a.profile.name,
      creditCode: a.profile.creditCode ?? '',
      priceFen: a.priceFen,
      proposal: a.proposal,
      gradeLevel: e.gradeLevel,
      submittedAt: iso(now),
    });
    record(s, now, a.actor, 'submit_response', null, {
      details: { organizationId: a.profile.id, priceFen: a.priceFen, gradeLevel: e.gradeLevel },
    });
    return [
      {
        kind: 'notify',
        template: 'response_received',
        audience: [{ kind: 'organizations', organizationIds: [a.profile.id] }],
      },
    ];
  },
  // Eligibility is the profile's (the API loads it): an empty one still reaches every other check.
  probes: (_s, actor) => [
    {
      profile: {
        id: actor.organizationId ?? '',
        name: '',
        status: 'registered',
        legalForm: null,
        category: null,
        creditCode: null,
        registeredOn: null,
        inspections: [],
        penalties: [],
        abnormalListedOn: null,
        dishonestListedOn: null,
        underInvestigationSince: null,
        grades: [],
      },
      priceFen: 0,
      proposal: '',
    },
  ],
});

export const cancelProject = action<m.WithActor & { reason: string }>({
  check: (s, a) =>
    firstOf(
      requirePurchaser(a.actor),
      requireStatus(s, 'need_defined', 'planned', 'tendering', 'failed', 'evaluating'),
    ),
  apply: (s, a, now) => {
    record(s, now, a.actor, 'cancel_project', 'cancelled', { reason: a.reason });
    return [
      {
        kind: 'notify',
        template: 'project_cancelled',
        audience: [
          { kind: 'organizations', organizationIds: s.responses.map((r) => r.organizationId) },
        ],
      },
    ];
  },
  probes: () => [{ reason: '' }],
});

/** The response window closed: enough eligible responses → evaluation, else 采购失败. */
export function closeWindow(s: PurchaseState, now: number): Effect[] {
  const method = s.procurement?.method;
  const need = method && method !== 'price_enquiry' ? s.policy.methods.minResponses[method] : 1;
  if (s.responses.length < need) {
    record(s, now, SYSTEM, 'procurement_failed', 'failed', {
      reason: `有效响应${s.responses.length}家，少于${need}家`,
      legalBasis: '《中华人民共和国政府采购法》第三十六条',
    });
    return [
      {
        kind: 'notify',
        template: 'procurement_failed',
        audience: [{ kind: 'role', role: 'purchaser' }],
      },
    ];
  }
  record(s, now, SYSTEM, 'close_responses', 'evaluating', {
    details: { responses: s.responses.length },
  });
  return [];
}
