import { z } from 'zod';

/**
 * Requests of the evaluation routes that a person fills in a form: the API validates with them
 * and the web front end checks its forms with the very same schemas (and wording).
 */

export const text = (what: string, max = 2000) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 字`);
export const instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601' });
export const level = z.number().int().min(1, '等级为 1 至 5').max(5, '等级为 1 至 5');

export const ZOpenCampaignRequest = z.object({
  year: z
    .number('请填写年度')
    .int('年度须为整数')
    .min(2000, '年度须在 2000 至 2100 之间')
    .max(2100, '年度须在 2000 至 2100 之间'),
  title: text('评估活动名称', 200),
  windowOpensAt: instant,
  windowClosesAt: instant,
  // Only a sanity bound here: the sizes in force (default 7–25 and 5–9) are policy settings,
  // checked by the API against the rule set when the campaign opens.
  committeeIds: z.array(z.uuid()).min(1, '请选择评估委员会委员').max(200, '委员人数过多'),
  reviewCommitteeIds: z.array(z.uuid()).min(1, '请选择复核委员会委员').max(200, '委员人数过多'),
});

export const ZRecusalRequest = z.object({
  evaluatorId: z.uuid('请选择专家'),
  reason: text('申请回避的理由'),
});

export const ZVoteRequest = z.object({ approve: z.boolean() });

export const ZUpwardResultRequest = z.object({
  level,
  awardingLevel: z.enum(['city', 'province'], '请选择评定机关'),
});

export const ZReviewRequest = z.object({
  kind: z.enum(['objection', 'review'], '请选择异议或复核'),
  reason: text('异议或复核的理由'),
  requestedLevel: level,
});
