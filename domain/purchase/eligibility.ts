import { addCalendarMonths } from '../calendar';
import { type Position17Mode, validateCreditCode } from '../credit-code';
import { gradeInForce, gradeLabel, type OrganizationProfile } from '../organization/profile';
import type { CatalogueItemSnapshot } from './catalogue';
import type { PurchasePolicy } from './policy';

/** One reason an undertaker may not respond, with its basis. */
export interface IneligibleReason {
  code: string;
  message: string;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: IneligibleReason[];
  /** The grade in force on the day, for the scoring factor (null = unrated). */
  gradeLevel: number | null;
}

/**
 * §6.1 and §6.6 rules 1 and 4 on the organisation profile as it stands on `day` (a local date):
 * an undertaker type the item allows and not one 102号 art. 8 excludes, registered, a credit code that passes both checks and starts with 5 (civil affairs), no
 * abnormal or dishonest flag, no major violation in the look-back; the grade gate only
 * when the policy switches it on. `position17` is the registration rules' switch for the
 * GB 11714 check, so a code the import tolerated is tolerated here too, and only then.
 */
export function checkEligibility(
  profile: OrganizationProfile,
  item: CatalogueItemSnapshot,
  policy: PurchasePolicy,
  day: string,
  position17: Position17Mode = 'error',
): EligibilityResult {
  const reasons: IneligibleReason[] = [];
  const no = (code: string, message: string) => reasons.push({ code, message });
  if (!item.undertakerTypes.includes('social_organization')) {
    no('TYPE_NOT_ALLOWED', '本目录项目不向社会组织购买');
  }
  if (profile.budgetFundedStaffing)
    no(
      'TYPE_EXCLUDED',
      '使用事业编制且由财政拨款保障的组织不得作为政府购买服务的承接主体（财政部令第102号第八条）',
    );
  if (profile.status !== 'registered') no('NOT_REGISTERED', '未依法登记成立或已注销、取缔');
  const code = profile.creditCode;
  if (!code) {
    no('NO_CREDIT_CODE', '没有统一社会信用代码');
  } else {
    const v = validateCreditCode(code, {
      position17,
      ...(profile.legalForm ? { expectedLegalForm: profile.legalForm } : {}),
    });
    if (!v.valid)
      no(
        'CREDIT_CODE_INVALID',
        `统一社会信用代码无效：${v.errors.map((e) => e.message).join('；')}`,
      );
    else if (!code.startsWith('5'))
      no('CREDIT_CODE_NOT_CIVIL', '社会组织的统一社会信用代码应以“5”开头');
  }
  if (profile.abnormalListedOn && profile.abnormalListedOn <= day) {
    no('ABNORMAL_LIST', `自${profile.abnormalListedOn}起列入活动异常名录`);
  }
  if (profile.dishonestListedOn && profile.dishonestListedOn <= day) {
    no('DISHONEST_LIST', `自${profile.dishonestListedOn}起列入严重违法失信名单`);
  }
  if (policy.eligibility.refuseUnderInvestigation && profile.underInvestigationSince) {
    no('UNDER_INVESTIGATION', `自${profile.underInvestigationSince}起正在接受调查`);
  }
  const since = addCalendarMonths(day, -12 * policy.eligibility.violationYears);
  const major = profile.penalties.filter(
    (p) =>
      p.decidedOn > since &&
      p.decidedOn <= day &&
      (policy.eligibility.majorPenaltyKinds as readonly string[]).includes(p.kind),
  );
  for (const p of major) {
    no(
      'MAJOR_VIOLATION',
      `近${policy.eligibility.violationYears}年内有重大违法记录：${p.kind}（${p.decisionNo}，${p.decidedOn}）`,
    );
  }
  const grade = gradeInForce(profile, day);
  const gate = policy.grade;
  if (gate.hardGate && (grade?.level ?? 0) < gate.hardGateMinLevel) {
    no(
      'GRADE_BELOW_GATE',
      `评估等级低于${gradeLabel(gate.hardGateMinLevel)}（已启用等级硬性门槛）`,
    );
  }
  return { eligible: reasons.length === 0, reasons, gradeLevel: grade?.level ?? null };
}

/** The grade as a scoring factor: points per level from `bonusFromLevel` up (3A+ priority). */
export function gradeBonus(level: number | null, policy: PurchasePolicy['grade']): number {
  if (level === null || level < policy.bonusFromLevel) return 0;
  return level * policy.scoreBonusPerLevel;
}
