import type { ComplaintMeasure, ComplaintStatus, FileStatus } from './types';

export const FILE_STATUS: Record<FileStatus, { label: string; tone: string }> = {
  applied: { label: '已申报', tone: 'info' },
  ineligible: { label: '不予受理', tone: 'bad' },
  assigned: { label: '评估中', tone: 'warn' },
  scored: { label: '已评分', tone: 'info' },
  recommended_upward: { label: '已推荐上级评定', tone: 'info' },
  publicised: { label: '公示中', tone: 'info' },
  review_requested: { label: '复核中', tone: 'warn' },
  confirmed: { label: '已确认等级', tone: 'ok' },
  not_graded: { label: '未评定等级', tone: 'muted' },
  disqualified: { label: '已取消评估资格', tone: 'bad' },
};

export const SEAT_STATUS: Record<string, string> = {
  assigned: '待声明回避情形',
  cleared: '已声明无回避情形',
};

export const PHASE: Record<string, string> = {
  notice: '已发布通知',
  application_window: '申报中',
  assessment: '资格审查与评估',
  closed: '已结束',
};

export const levelLabel = (level: number | null) => (level ? `${level}A` : '—');

/** A file's short reference: the first block of its id, enough to tell files apart on a list. */
export const fileRef = (id: string) => `PG-${id.slice(0, 8).toUpperCase()}`;

/** Words for what the file's workflow records in its trail. */
export const ACTION: Record<string, string> = {
  eligibility_refused: '资格审查：不予受理',
  experts_assigned: '分配评估专家',
  panel_incomplete: '无利益冲突的评估专家不足，待评估办公室增补',
  panel_complete: '评估专家组已齐全',
  experts_seated_by_office: '评估办公室从专家库增补评估专家',
  conflict_declared: '专家声明存在回避情形',
  no_conflict_declared: '专家声明无回避情形',
  recusal_granted: '组织申请专家回避，已改派',
  sheet_submitted: '专家提交评分表',
  scored: '评分汇总完成，提交评估委员会',
  committee_vote: '评估委员会委员表决',
  committee_rejected: '评估委员会表决未通过，另行表决',
  committee_quorum_failed: '出席委员不足法定人数，另行表决',
  not_graded: '评估委员会决定：未达到等级标准',
  recommended_upward: '推荐上级民政部门评定',
  grade_decided: '确定拟评定等级并公示',
  objection_filed: '组织在公示期内提出异议',
  review_requested: '组织在公示期内申请复核',
  review_vote: '复核委员会委员表决',
  review_quorum_failed: '复核委员会出席不足法定人数，另行表决',
  review_upheld: '复核结论：异议成立',
  review_dismissed: '复核结论：维持原评定',
  grade_confirmed: '公示期满，确认评估等级',
  disqualified: '取消本次评估资格',
};

export const actionLabel = (a: string) => ACTION[a] ?? a;

export const EVALUATOR_STATUS: Record<string, string> = {
  assigned: '待声明',
  cleared: '评估中',
  conflicted: '自行回避',
  recused: '应申请回避',
};

/** A seat as others see it: a submitted sheet says so whatever the declaration was. */
export const seatLabel = (e: { status: string; total: number | null }) =>
  e.total !== null ? '已提交评分表' : (EVALUATOR_STATUS[e.status] ?? e.status);

export const AWARDING: Record<string, string> = {
  district: '区民政局',
  city: '市民政局',
  province: '省民政厅',
  national: '民政部',
};

export const REVIEW_KIND: Record<string, string> = {
  objection: '异议',
  review: '复核申请',
};

export const AGGREGATION: Record<string, string> = {
  mean: '算术平均',
  trimmed_mean: '去掉最高最低后平均',
  median: '中位数',
};

/** The steps of a file as the organisation follows them. */
export const STAGES = ['申报', '资格审查', '专家评估', '委员会评审', '公示', '确认等级'];

export function stageOf(status: FileStatus): number {
  switch (status) {
    case 'applied':
      return 1;
    case 'ineligible':
      return 1;
    case 'assigned':
      return 2;
    case 'scored':
    case 'recommended_upward':
      return 3;
    case 'publicised':
    case 'review_requested':
      return 4;
    default:
      return 5;
  }
}

/** What a file waits for now, in the organisation's words. */
export const NEXT_STEP: Record<FileStatus, string> = {
  applied: '等待申报期截止后进行资格审查',
  ineligible: '不符合参评条件，本次评估已办结',
  assigned: '评估专家正在评估',
  scored: '等待评估委员会表决',
  recommended_upward: '已推荐上级民政部门评定，等待评定结果',
  publicised: '评估结果公示中，公示期内可提出异议或申请复核',
  review_requested: '复核委员会正在复核',
  confirmed: '评估等级已确认',
  not_graded: '未达到等级标准，本次评估已办结',
  disqualified: '已被取消本次评估资格，评估得分不再计入',
};

/** The closed list of grounds (§4.2), worded as the API words them. */
export {
  DISQUALIFICATION_GROUND_LABEL as DISQUALIFICATION_GROUND,
  DISQUALIFICATION_GROUNDS,
} from '../../../domain/evaluation/disqualification';

export const COMPLAINT_STATUS: Record<ComplaintStatus, { label: string; tone: string }> = {
  filed: { label: '待核实', tone: 'warn' },
  verified: { label: '复核委员会审议中', tone: 'info' },
  dismissed: { label: '不予受理', tone: 'muted' },
  upheld: { label: '举报成立', tone: 'bad' },
  rejected: { label: '举报不成立', tone: 'ok' },
};

export const COMPLAINT_MEASURE: Record<ComplaintMeasure, string> = {
  file_disqualified: '已取消该组织本次评估资格，初评得分作废。',
  grade_cancelled: '已撤销该组织的评估等级。',
  none: '该评估事项已经办结或该组织已无有效等级，不再另行处理。',
};

export const GRADE_STATUS: Record<string, { label: string; tone: string }> = {
  active: { label: '有效', tone: 'ok' },
  downgraded: { label: '已降级', tone: 'warn' },
  cancelled: { label: '已撤销', tone: 'bad' },
  expired: { label: '已到期', tone: 'muted' },
  superseded: { label: '已被新等级取代', tone: 'muted' },
};
