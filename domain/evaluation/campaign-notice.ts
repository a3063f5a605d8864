import { durationWords as words } from '../duration-words';
import { gradeLabel } from '../organization/profile';
import type { EvaluationPolicy } from './policy';

/** A Beijing-time instant as 2026年3月1日 09:00. */
function when(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * The campaign's notice (公告, §4.3 ROUND: NOTICE_PUBLISHED): the window, who may apply and who
 * may not, the district's authority and the publicity, in the words of the rules in force.
 */
export function campaignNotice(
  c: { year: number; title: string; windowOpensAt: number; windowClosesAt: number },
  p: Pick<EvaluationPolicy, 'eligibility' | 'districtMaxLevel' | 'limits'>,
): { title: string; body: string } {
  const e = p.eligibility;
  const upgrade =
    e.upgradeAfterYears === null
      ? ''
      : `持有评估等级满${e.upgradeAfterYears}年的，可申请评定更高等级。`;
  const max = p.districtMaxLevel;
  return {
    title: `关于开展${c.title}的公告`,
    body: [
      `根据《社会组织评估管理办法》（民政部令第39号），现开展${c.year}年度社会组织等级评估工作。`,
      `一、申报时间：${when(c.windowOpensAt)}至${when(c.windowClosesAt)}。`,
      `二、申报条件：登记满${e.registeredYears}个完整年度、尚未参加评估的社会组织；评估等级有效期将在${e.expiryWindowMonths}个月内届满的社会组织。${upgrade}`,
      `三、有下列情形之一的，不予受理：上年度未参加年检或年检不合格；连续2年年检基本合格；上年度受到行政处罚或行政处罚尚未执行完毕；正在接受有关政府部门或司法机关调查；被列入活动异常名录或严重违法失信名单；评估等级被取消未满${e.cancellationBarYears}年。申报时即予审查，不符合条件的当即告知全部理由。`,
      `四、评估等级：本机关评定1A至${gradeLabel(max)}等级；${max < 5 ? `评估结果达到${gradeLabel(max + 1)}以上的，推荐上级民政部门评定。` : ''}评估结果公示${words(p.limits.publicity)}，公示期内被评估组织可提出异议或申请复核；任何单位和个人可对评估中的违规行为提出举报。`,
      '五、申报方式：登录本系统“等级评估”，提交自评报告和证明材料。',
    ].join('\n'),
  };
}
