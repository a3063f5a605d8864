import { addCalendarMonths, yearOf } from '../calendar';
import type { OrganizationProfile } from '../organization/profile';
import type { EvaluationPolicy } from './policy';
import { registeredFullYears } from './registered-years';

export type EligibilityResult =
  | { eligible: true; basis: string }
  | { eligible: false; reasons: string[] };

const addYears = (day: string, n: number) => addCalendarMonths(day, 12 * n);

export interface EligibilityOptions {
  /**
   * 满两个年度 as full calendar years (registered-years.ts); false is the earlier reading (two
   * years to the day), kept for file workflows recorded before it.
   */
  fullYears: boolean;
}

/** Registered long enough for a first evaluation (§4.2 "满两个年度"). */
function registeredLongEnough(
  registeredOn: string,
  day: string,
  years: number,
  opts: EligibilityOptions,
): boolean {
  return opts.fullYears
    ? registeredFullYears(registeredOn, day) >= years
    : day >= addYears(registeredOn, years);
}

/** Which door the organisation comes in by (§4.2 "May apply"), or null when none is open. */
function admissionBasis(
  p: OrganizationProfile,
  day: string,
  pol: EvaluationPolicy,
  opts: EligibilityOptions,
): string | null {
  const e = pol.eligibility;
  const active = p.grades.find((g) => g.status === 'active');
  if (active) {
    if (day >= addCalendarMonths(active.expiresOn, -e.expiryWindowMonths)) return '等级即将到期';
    if (e.upgradeAfterYears !== null && day >= addYears(active.awardedOn, e.upgradeAfterYears))
      return '持有等级满规定年限申请晋级';
    return null;
  }
  if (p.registeredOn && registeredLongEnough(p.registeredOn, day, e.registeredYears, opts))
    return p.grades.length === 0 ? `登记满${e.registeredYears}个年度` : '原等级已到期';
  return null;
}

/**
 * §4.2 and §4.5 rule 1: eligibility on the application date against the profile. Every
 * exclusion found is named, so the organisation learns all of them at once.
 */
export function decideEligibility(
  p: OrganizationProfile,
  day: string,
  pol: EvaluationPolicy,
  opts: EligibilityOptions = { fullYears: true },
): EligibilityResult {
  const reasons: string[] = [];
  if (p.status !== 'registered') reasons.push('该组织不是已登记的社会组织');
  const basis = admissionBasis(p, day, pol, opts);
  if (!basis)
    reasons.push(
      `不符合申报条件：须登记满${pol.eligibility.registeredYears}个年度（完整年度），或所持等级即将到期`,
    );
  const lastYear = yearOf(day) - 1;
  const result = (y: number) => p.inspections.find((i) => i.year === y)?.result ?? 'missing';
  const last = result(lastYear);
  if (last === 'missing') reasons.push(`${lastYear}年度未参加年检`);
  if (last === 'fail') reasons.push(`${lastYear}年度年检不合格`);
  if (last === 'basic_pass' && result(lastYear - 1) === 'basic_pass')
    reasons.push(`连续两年（${lastYear - 1}、${lastYear}年度）年检基本合格`);
  for (const pen of p.penalties) {
    if (yearOf(pen.decidedOn) === lastYear)
      reasons.push(`${lastYear}年度受到行政处罚（${pen.decisionNo}）`);
    else if (pen.executedOn === null) reasons.push(`行政处罚尚未执行完毕（${pen.decisionNo}）`);
  }
  if (p.underInvestigationSince) reasons.push('正在接受有关政府部门或司法机关的调查');
  if (p.abnormalListedOn) reasons.push('被列入活动异常名录');
  if (p.dishonestListedOn) reasons.push('被列入严重违法失信名单');
  const cancelled = p.grades.filter((g) => g.status === 'cancelled' && g.endedOn);
  for (const g of cancelled) {
    const until = addYears(g.endedOn as string, pol.eligibility.cancellationBarYears);
    if (day < until) reasons.push(`评估等级被取消，${until}前不得重新申请`);
  }
  if (reasons.length > 0 || !basis) return { eligible: false, reasons };
  return { eligible: true, basis };
}
