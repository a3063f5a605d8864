import { STATUS_LABEL } from '../../workflows/registration/view-types';

/** Words for what the workflow records; unknown codes fall back to the status label. */
const ACTION_LABEL: Record<string, string> = {
  filed: '提交申请',
  submitted: '材料已接收',
  deficiency_notice: '出具一次性补正通知',
  correction_required: '待补正材料',
  resubmitted: '补正后重新提交',
  accepted: '受理',
  deemed_accepted: '逾期未告知，视为受理',
  not_accepted: '不予受理',
  claimed: '承办',
  assigned: '分配承办人',
  first_review: '进入初审',
  first_review_approved: '初审通过（拟准予登记）',
  first_review_rejected: '初审意见：拟不予登记',
  second_review: '进入复审',
  approved: '准予登记',
  rejected: '不予登记',
  returned_for_correction: '退回申请人补正',
  returned: '退回补正',
  extension_requested: '申请延长审查期限',
  extension_granted: '批准延长审查期限',
  extension_denied: '不批准延长审查期限',
  expert_review_started: '组织专家评审（期限暂停）',
  expert_review_ended: '专家评审结束',
  preparing: '进入筹备',
  preparation_approved: '准予筹备',
  preparation_extended: '延长筹备期限',
  founding_submitted: '申请成立登记',
  withdrawn: '申请人撤回',
  lapsed: '逾期终止',
};

export function actionLabel(code: string): string {
  return ACTION_LABEL[code] ?? (STATUS_LABEL as Record<string, string>)[code] ?? code;
}

export function statusLabel(code: string): string {
  return (STATUS_LABEL as Record<string, string>)[code] ?? (code === 'filed' ? '已提交' : code);
}

/** A colour family per status: calm for work under way, green for granted, red for refused. */
export function statusTone(code: string): 'info' | 'warn' | 'ok' | 'bad' | 'muted' {
  if (code === 'approved') return 'ok';
  if (code === 'rejected' || code === 'not_accepted') return 'bad';
  if (code === 'correction_required' || code === 'returned') return 'warn';
  if (code === 'withdrawn' || code === 'lapsed') return 'muted';
  return 'info';
}

export const ROLE_HOME: Record<string, string> = {
  applicant: '/my',
  reviewer: '/inbox',
  section_head: '/inbox',
  bureau_head: '/inbox',
  administrator: '/admin',
  // Everyone also has 公示与举报 in the menu; it is nobody's home page.
  purchaser: '/purchases',
  judge: '/competitions',
  finance: '/competitions',
  evaluator: '/evaluation',
  committee_member: '/evaluation',
  agency: '/evaluation',
  security_admin: '/security/accounts',
  auditor: '/audit',
};
