import type { ProposalStatus } from '../../../domain/competition/stages';

/** Words for a round's stages and a proposal's statuses (公益创投). */

export { ROUND_STAGE_LABEL as STAGE_LABEL } from '../../../domain/competition/stages';

export const PROPOSAL_STATUS_LABEL: Record<ProposalStatus, string> = {
  submitted: '已申报，待资格审查',
  rejected: '资格审查未通过',
  qualified: '资格审查通过',
  not_shortlisted: '未入围',
  shortlisted: '入围路演',
  not_funded: '未获资助',
  selected: '拟资助（公示中）',
  agreement_signed: '已签协议',
  in_progress: '实施中',
  midterm_passed: '中期评估通过',
  suspended: '暂停拨付',
  terminated: '已终止',
  final_passed: '末期评估通过',
  final_tranche_withheld: '尾款不予拨付',
  closed: '已结项',
  start_failed: '系统未能受理，请重新申报',
};

/** What happens next, in the applicant's words. */
export const NEXT_STEP: Partial<Record<ProposalStatus, string>> = {
  submitted: '征集截止后，工作人员将进行资格审查，结果会以邮件通知。',
  qualified: '已通过资格审查，等待专家初评。',
  shortlisted: '已入围路演答辩，请按通知准备路演。',
  selected: '已列入拟资助名单，公示期结束后签订项目协议。',
  agreement_signed: '协议已签订，首期资金拨付后开始实施。',
  in_progress: '项目实施中，中期评估通过后拨付下一期资金。',
  midterm_passed: '中期评估已通过，末期评估通过后拨付尾款。',
  suspended: '中期评估为C级，资金拨付已暂停，请按要求整改。',
  final_passed: '末期评估已通过，尾款拨付后结项。',
};

export const ASSIGNMENT_LABEL: Record<string, string> = {
  assigned: '待声明利益冲突',
  declared_clear: '待评分',
  conflicted: '已回避',
  scored: '已提交评分',
};

export function proposalTone(s: string | undefined): string {
  if (!s) return 'info';
  if (
    ['rejected', 'not_shortlisted', 'not_funded', 'terminated', 'final_tranche_withheld'].includes(
      s,
    )
  )
    return 'bad';
  if (s === 'suspended') return 'warn';
  if (['selected', 'agreement_signed', 'final_passed', 'closed', 'midterm_passed'].includes(s))
    return 'ok';
  return 'info';
}

export { yuan } from '../money';
