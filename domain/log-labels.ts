/**
 * The Chinese names of what the audit and security logs record, shared by the auditor's page and
 * the logs' exports (the stored values stay the codes the hash chains cover).
 */

export const SECURITY_EVENT_LABEL: Record<string, string> = {
  login_succeeded: '登录成功',
  login_failed: '登录失败',
  login_throttled: '登录被限制',
  source_held: '来源地址被限制',
  mfa_verified: '动态验证码通过',
  mfa_failed: '动态验证码错误',
  mfa_enrolled: '绑定动态验证码',
  mfa_recovery_code_used: '使用恢复码',
  mfa_recovery_codes_renewed: '换发恢复码',
  session_ended: '会话结束',
  session_expired: '会话超时',
  password_changed: '修改密码',
  password_rehashed: '密码哈希升级',
  access_denied: '拒绝访问',
  csrf_refused: '拒绝跨站请求',
  rate_limited: '超出频率或配额',
  account_created: '新建账号',
  account_changed: '变更账号',
  admin_change: '管理员变更',
};

export const SECURITY_OUTCOME_LABEL: Record<string, string> = {
  success: '成功',
  failure: '失败',
  denied: '拒绝',
};

/** What an audit entry is about. */
export const AUDIT_SUBJECT_LABEL: Record<string, string> = {
  registration: '登记申请',
  organization: '社会组织',
  evaluation_campaign: '评估活动',
  evaluation_file: '评估事项',
  evaluation_complaint: '评估异议',
  grade: '评估等级',
  competition_round: '创投轮次',
  competition_proposal: '创投项目',
  purchase: '购买服务项目',
  task_claim: '待办认领',
};
