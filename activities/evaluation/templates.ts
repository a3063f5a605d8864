/** zh-CN wording of every evaluation mail. Plain text: it reads well in any mail program. */

export const EVALUATION_TEMPLATES = [
  'eligible',
  'ineligible',
  'evaluator_assigned',
  'committee_pending',
  'grade_decided',
  'recommended_upward',
  'review_pending',
  'panel_incomplete',
  'review_answer',
  'grade_confirmed',
  'not_graded',
  'grade_expiry_reminder',
  'grade_expired',
  'grade_downgraded',
  'certificate_voided',
  'grade_cancelled',
  'disqualified',
  'complaint_filed',
  'complaint_overdue',
  'complaint_dismissed',
  'complaint_verified',
  'complaint_pending',
  'complaint_ruled',
] as const;
export type EvaluationTemplate = (typeof EVALUATION_TEMPLATES)[number];

export interface EvaluationMailContext {
  organizationName?: string;
  level?: number | null;
  score?: number | null;
  reasons?: string[];
  until?: string | null;
  reason?: string;
  upheld?: boolean;
  /** Disqualification ground, in words. */
  ground?: string;
  /** What a complaint is about, in words ("评估申请" or "评估等级"). */
  subject?: string;
  /** What an upheld complaint led to, in words. */
  measure?: string;
  /** An upheld re-review above the district's authority went to the city or province. */
  upward?: boolean;
  /** Experts a file's panel lacks, and how many it needs. */
  missing?: number;
  required?: number;
}

const fmt = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};
const lv = (n: number | null | undefined) => (n ? `${n}A` : '未定级');

type Render = (c: EvaluationMailContext) => { subject: string; body: string };

const T: Record<EvaluationTemplate, Render> = {
  eligible: (c) => ({
    subject: `【评估申请已受理】${c.organizationName}`,
    body: `${c.organizationName}的等级评估申请经资格审查符合条件，已予受理。第三方评估机构将组织专家组开展评估。`,
  }),
  ineligible: (c) => ({
    subject: `【评估申请不予受理】${c.organizationName}`,
    body: `${c.organizationName}的等级评估申请经资格审查不符合条件，理由如下：\n${(c.reasons ?? []).map((r, i) => `  ${i + 1}. ${r}`).join('\n')}`,
  }),
  evaluator_assigned: (c) => ({
    subject: `【评估任务】${c.organizationName}`,
    body: `您已被安排参加对${c.organizationName}的等级评估。查阅材料前，请先在系统中声明是否存在需要回避的情形。`,
  }),
  committee_pending: (c) => ({
    subject: `【待评估委员会表决】${c.organizationName}`,
    body: `${c.organizationName}的评估得分为 ${c.score} 分，拟定等级 ${lv(c.level)}，请参加记名表决。`,
  }),
  grade_decided: (c) => ({
    subject: `【评估结果公示】${c.organizationName}`,
    body: `评估委员会确定${c.organizationName}的评估等级为 ${lv(c.level)}，现予公示，公示期至 ${fmt(c.until)}。${c.reason ? `\n说明：${c.reason}。` : ''}\n对评估结果有异议的，可在公示期内提出异议或申请复核。`,
  }),
  recommended_upward: (c) => ({
    subject: `【推荐上报】${c.organizationName}`,
    body: `${c.organizationName}拟评为 ${lv(c.level)}，超出区级评定权限，已推荐上级民政部门评定。${c.reason ? `\n说明：${c.reason}。` : ''}`,
  }),
  panel_incomplete: (c) => ({
    subject: `【评估专家不足，待增补】${c.organizationName}`,
    body: `${c.organizationName}的评估专家组还缺 ${c.missing} 名无利益冲突的专家（每个评估事项应有 ${c.required} 名），专家组齐全前不开始评分。\n请在该评估事项页面从专家库增补专家。`,
  }),
  review_pending: (c) => ({
    subject: `【待复核委员会表决】${c.organizationName}`,
    body: `${c.organizationName}对评估结果提出复核请求：${c.reason}\n请复核委员会委员参加记名表决。`,
  }),
  review_answer: (c) => ({
    subject: `【复核结论】${c.organizationName}`,
    body: c.upward
      ? `经复核委员会表决，您的复核请求成立。拟评为 ${lv(c.level)}，超出区级评定权限，已推荐上级民政部门评定，评定结果另行通知。${c.reason ? `\n说明：${c.reason}。` : ''}`
      : c.upheld
        ? `经复核委员会表决，您的复核请求成立，评估等级调整为 ${lv(c.level)}。${c.reason ? `\n说明：${c.reason}。` : ''}`
        : `经复核委员会表决，您的复核请求不成立，维持评估等级 ${lv(c.level)}。`,
  }),
  grade_confirmed: (c) => ({
    subject: `【评估等级确认】${c.organizationName} ${lv(c.level)}`,
    body: `${c.organizationName}的社会组织评估等级确认为 ${lv(c.level)}，有效期至 ${c.until}。${(c.level ?? 0) >= 3 ? '评估等级证书见附件。' : ''}`,
  }),
  not_graded: (c) => ({
    subject: `【评估结果】${c.organizationName}`,
    body: `${c.organizationName}本次未评定等级。${c.reason ?? ''}`,
  }),
  grade_expiry_reminder: (c) => ({
    subject: `【评估等级即将到期】${c.organizationName}`,
    body: `${c.organizationName}的 ${lv(c.level)} 评估等级将于 ${c.until} 到期，请及时申请参加新一轮评估。`,
  }),
  grade_expired: (c) => ({
    subject: `【评估等级已到期】${c.organizationName}`,
    body: `${c.organizationName}的 ${lv(c.level)} 评估等级已到期，现视为无等级。`,
  }),
  grade_downgraded: (c) => ({
    subject: `【评估等级降级】${c.organizationName}`,
    body: `因${c.reason}，${c.organizationName}的评估等级降为 ${lv(c.level)}（有效期不变）。请于 ${fmt(c.until)} 前交回原证书和牌匾，逾期未交回的，由民政部门公告作废。`,
  }),
  certificate_voided: (c) => ({
    subject: `【证书牌匾作废公告】${c.organizationName}`,
    body: `${c.organizationName}未在规定期限内交回原评估等级证书和牌匾，现公告作废。`,
  }),
  grade_cancelled: (c) => ({
    subject: `【评估等级取消】${c.organizationName}`,
    body: `${c.organizationName}的评估等级已被取消。理由：${c.reason}`,
  }),
  disqualified: (c) => ({
    subject: `【取消评估资格】${c.organizationName}`,
    body: `${c.organizationName}在本次等级评估中因“${c.ground}”被取消评估资格，已有的初评得分作废。\n说明：${c.reason}`,
  }),
  complaint_filed: (c) => ({
    subject: `【收到举报】${c.organizationName}`,
    body: `收到一件关于${c.organizationName}${c.subject}的举报，请于 ${fmt(c.until)} 前核实，属实的提交复核委员会裁定，不属实的说明理由予以驳回。`,
  }),
  complaint_overdue: (c) => ({
    subject: `【举报核实已逾期】${c.organizationName}`,
    body: `关于${c.organizationName}${c.subject}的举报已超过核实期限（${fmt(c.until)}），请尽快办理。`,
  }),
  complaint_dismissed: (c) => ({
    subject: `【举报处理结果】${c.organizationName}`,
    body: `您关于${c.organizationName}${c.subject}的举报经评估办公室核实，不予受理。理由：${c.reason}`,
  }),
  complaint_verified: (c) => ({
    subject: `【举报已提交复核委员会】${c.organizationName}`,
    body: `有关${c.organizationName}${c.subject}的举报经评估办公室核实，已提交复核委员会裁定。复核委员会将听取组织的陈述和申辩。`,
  }),
  complaint_pending: (c) => ({
    subject: `【待复核委员会裁定举报】${c.organizationName}`,
    body: `关于${c.organizationName}${c.subject}的举报已经核实，请复核委员会委员参加记名表决（赞成即认定举报成立）。`,
  }),
  complaint_ruled: (c) => ({
    subject: `【举报裁定结果】${c.organizationName}`,
    body: c.upheld
      ? `经复核委员会记名表决，关于${c.organizationName}${c.subject}的举报成立。${c.measure ?? ''}`
      : `经复核委员会记名表决，关于${c.organizationName}${c.subject}的举报不成立。`,
  }),
};

export function renderEvaluationMail(
  t: EvaluationTemplate,
  c: EvaluationMailContext,
  authority: string,
) {
  const m = T[t](c);
  return { subject: m.subject, body: `${m.body}\n\n${authority}` };
}
