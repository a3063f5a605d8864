import { holidayCalendar } from '../../../domain/calendar';
import { CN_2026 } from '../../../domain/holidays/cn-2026';
import type { LegalForm } from '../../../domain/organization-types';
import {
  type Application,
  type ApplicationInput,
  applicationSchema,
} from '../../../domain/registration/application';
import { findDeficiencies } from '../../../domain/registration/completeness';
import { type DocumentType, requiredDocuments } from '../../../domain/registration/documents';
import {
  type RegistrationPolicy,
  registrationPolicySchema,
} from '../../../domain/registration/policy';
import type { ActionDef } from '../../../workflows/registration/action';
import type { Refusal } from '../../../workflows/registration/case-core';
import type { Effect } from '../../../workflows/registration/effects';
import type { Actor, WithActor } from '../../../workflows/registration/messages';
import { type CaseState, initialState } from '../../../workflows/registration/state';
import { nextTimer } from '../../../workflows/registration/timers';

/** Hand-made data for the registration unit tests: deterministic, no I/O. */

export const CAL = holidayCalendar([CN_2026]);

/** Thursday 2026-03-05, 10:00 Beijing time: every case in these tests is filed then. */
export const T0 = Date.parse('2026-03-05T10:00:00+08:00');
export const sec = (n: number) => n * 1000;

/**
 * Valid resident identity numbers (GB 11643 check characters worked out by hand, e.g.
 * 3·7+2·9+0·10+4·5+0·8+4·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 150, 150 mod 11 = 7 → "5").
 */
export const IDS = {
  example: '11010519491231002X', // the worked example printed in GB 11643-1999
  rep: '320404198001010015',
  founder1: '320404198502150024',
  founder2: '320404199003200036',
  leader: '320404197507070045',
} as const;

/** Unique document file ids, one per document type. */
export function fileId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function docsFor(form: LegalForm, omit: DocumentType[] = []) {
  return requiredDocuments(form, false)
    .map((r, i) => ({ type: r.type, fileId: fileId(i + 1) }))
    .filter((d) => !omit.includes(d.type));
}

const person = (name: string, position: string, idNumber: string, phone: string) => ({
  name,
  idNumber,
  position,
  phone,
});

const NAME: Record<LegalForm, string> = {
  social_group: '常州市钟楼区青松志愿服务促进会',
  private_non_enterprise: '常州市钟楼区明德社区服务中心',
  foundation: '常州市钟楼区仁爱慈善基金会',
};

/** What an applicant files, complete and valid for its legal form (before parsing). */
export function inputFor(form: LegalForm, omit: DocumentType[] = []): ApplicationInput {
  return {
    name: NAME[form],
    category: form === 'social_group' ? 'community_service' : 'public_welfare',
    legalForm: form,
    purpose: '服务社区居民，促进公益事业发展。',
    businessScope: '开展公益服务、组织志愿活动、提供咨询培训。',
    domicile: '常州市钟楼区南大街18号',
    contact: { name: '刘联络', phone: '0519-88881234', email: 'contact@zhonglou.example' },
    legalRepresentative: person('刘法人', '会长', IDS.rep, '13800138000'),
    founders: [
      person('张发起', '发起人', IDS.founder1, '0519-88880002'),
      person('王发起', '发起人', IDS.founder2, '0519-88880003'),
    ],
    responsiblePersons: [person('陈负责', '秘书长', IDS.leader, '0519-88880004')],
    funds: {
      amount: form === 'foundation' ? 2_000_000 : 30_000,
      source: '发起人捐赠',
      inCash: true,
    },
    ...(form === 'foundation' ? { foundationType: 'non_public' as const } : {}),
    premises: {
      address: '常州市钟楼区南大街18号',
      areaSquareMeters: 120,
      tenure: 'leased',
      leaseMonths: 12,
    },
    ...(form === 'social_group' ? { members: { individuals: 50, units: 0 } } : {}),
    ...(form === 'foundation' ? { board: { directors: 7, paidDirectors: 2 } } : {}),
    documents: docsFor(form, omit),
    declarations: { noDeprivationOfPoliticalRights: true, fullCivilCapacity: true, truthful: true },
  };
}

export function applicationFor(form: LegalForm, omit: DocumentType[] = []): Application {
  return applicationSchema.parse(inputFor(form, omit));
}

/** Every limit in seconds, so that timers can be checked to the millisecond. */
export const SECONDS_POLICY = {
  limits: {
    intakeNotice: { amount: 10, unit: 'seconds' },
    decision: { amount: 60, unit: 'seconds' },
    promised: null,
    applicantResponse: { amount: 30, unit: 'seconds' },
    reminderLead: { amount: 3, unit: 'seconds' },
  },
  extension: { amount: { amount: 10, unit: 'seconds' } },
  preparation: {
    window: { amount: 20, unit: 'seconds' },
    extension: { amount: 5, unit: 'seconds' },
    reapplicationBar: { amount: 100, unit: 'seconds' },
    foundingReview: { amount: 30, unit: 'seconds' },
  },
} as const;

export function policyWith(overrides: Record<string, unknown> = {}): RegistrationPolicy {
  const merged = structuredClone(SECONDS_POLICY) as Record<string, unknown>;
  for (const [k, v] of Object.entries(overrides)) {
    const base = merged[k];
    merged[k] =
      base && typeof base === 'object' && v && typeof v === 'object' ? { ...base, ...v } : v;
  }
  return registrationPolicySchema.parse(merged);
}

export const RULE_REF = {
  version: '钟楼区2014',
  jurisdiction: '320404',
  effectiveFrom: '2014-11-01',
};

const actor = (id: string, name: string, role: Actor['role']): Actor => ({ id, name, role });
export const APPLICANT = actor('u-applicant', '张发起', 'applicant');
export const REVIEWER_A = actor('u-rev-a', '李审查', 'reviewer');
export const REVIEWER_B = actor('u-rev-b', '赵审查', 'reviewer');
export const REVIEWER_C = actor('u-rev-c', '钱审查', 'reviewer');
export const SECTION_HEAD = actor('u-head', '孙科长', 'section_head');
export const BUREAU_HEAD = actor('u-chief', '周局长', 'bureau_head');

/** Runs the automatic checks as the workflow's `check` effect does (without the name search). */
export function runChecks(s: CaseState): void {
  s.findings = findDeficiencies(s.application, s.rules.policy);
}

/** A case as filed (at T0 unless told), checks done. */
export function newCase(
  app: Application = applicationFor('social_group'),
  policy: RegistrationPolicy = policyWith(),
  filedAt = T0,
): CaseState {
  const s = initialState(
    {
      registrationId: 'reg-1',
      organizationId: 'org-1',
      applicationNo: 'ZL-2026-0001',
      filedBy: APPLICANT,
      application: app,
      rules: { ref: RULE_REF, policy, calendar: CAL },
    },
    'registration-reg-1',
    filedAt,
  );
  runChecks(s);
  return s;
}

/** Applies an action the validator allows; fails the test with the refusal otherwise. */
export function act<A extends WithActor>(
  s: CaseState,
  action: ActionDef<A>,
  args: A,
  now: number,
): Effect[] {
  const refusal = action.check(s, args, now);
  if (refusal) throw new Error(`refused: ${refusal.type} ${refusal.message}`);
  const effects = action.apply(s, args, now);
  if (effects.some((e) => e.kind === 'check')) runChecks(s);
  return effects;
}

export function refusal<A extends WithActor>(
  s: CaseState,
  action: ActionDef<A>,
  args: A,
  now: number,
): Refusal | null {
  return action.check(s, args, now);
}

/** What the workflow does when its earliest timer is due: mark it fired, then fire it. */
export function fireNext(
  s: CaseState,
  now: number,
): { key: string; at: number; effects: Effect[] } {
  const t = nextTimer(s);
  if (!t) throw new Error('no timer pending');
  if (t.at > now) throw new Error(`timer ${t.key} is not due before ${t.at}`);
  s.firedTimers.push(t.key);
  return { key: t.key, at: t.at, effects: t.fire(s, now) };
}
