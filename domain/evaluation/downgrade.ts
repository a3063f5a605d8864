import { yearOf } from '../calendar';
import type { OrganizationProfile } from '../organization/profile';

export interface DowngradeTrigger {
  /** Stable key, so one fact never downgrades twice. */
  key: string;
  reason: string;
}

/**
 * §4.3 dynamic management (art. 30): a failed annual inspection, "basic pass" two years running,
 * or an administrative penalty, each one decided after the grade was awarded. An inspection of
 * the year before the award counts too: it is recorded after the award (by 31 May of the award
 * year, after an application decided on the year before it), so no eligibility check saw it.
 * `yearBeforeAward: false` is the earlier reading, for grade workflows recorded before it.
 */
export function downgradeTriggers(
  p: OrganizationProfile,
  grade: { awardedOn: string },
  handled: string[],
  opts: { yearBeforeAward: boolean } = { yearBeforeAward: true },
): DowngradeTrigger[] {
  const out: DowngradeTrigger[] = [];
  const firstYear = yearOf(grade.awardedOn) - (opts.yearBeforeAward ? 1 : 0);
  const result = (y: number) => p.inspections.find((i) => i.year === y)?.result;
  for (const i of p.inspections) {
    if (i.year < firstYear) continue;
    if (i.result === 'fail')
      out.push({ key: `inspection-fail:${i.year}`, reason: `${i.year}年度年检不合格` });
    if (i.result === 'basic_pass' && result(i.year - 1) === 'basic_pass')
      out.push({
        key: `inspection-basic:${i.year}`,
        reason: `连续两年（${i.year - 1}、${i.year}年度）年检基本合格`,
      });
  }
  for (const pen of p.penalties) {
    if (pen.decidedOn < grade.awardedOn) continue;
    out.push({
      key: `penalty:${pen.decisionNo}`,
      reason: `受到行政处罚（${pen.decisionNo}，${pen.kind}）`,
    });
  }
  return out.filter((t) => !handled.includes(t.key));
}
