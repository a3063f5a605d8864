/** The Chinese names of the evaluation lists' states, as the lists' exports write them. */

export const FILE_STATUS_LABEL: Record<string, string> = {
  applied: '已申报',
  ineligible: '不予受理',
  assigned: '评估中',
  scored: '已评分',
  recommended_upward: '已推荐上级评定',
  publicised: '公示中',
  review_requested: '复核中',
  confirmed: '已确认等级',
  not_graded: '未评定等级',
  disqualified: '已取消评估资格',
};

export const COMPLAINT_STATUS_LABEL: Record<string, string> = {
  filed: '待核实',
  verified: '复核委员会审议中',
  dismissed: '不予受理',
  upheld: '举报成立',
  rejected: '举报不成立',
};

export const CAMPAIGN_PHASE_LABEL: Record<string, string> = {
  notice: '已发布通知',
  application_window: '申报中',
  assessment: '资格审查与评估',
  closed: '已结束',
};
