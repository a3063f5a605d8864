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

/** Mainland mobile numbers, or landlines with their area code (0519-88881234). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * A complaint (举报) from the public form, without an account (§4.5 rule 8: complaints may come
 * from anyone): its subject, the facts, and how the office reaches the complainant (a phone
 * number or an e-mail address, at least one).
 */
export const ZPublicComplaintRequest = z
  .object({
    fileId: z.uuid('请选择举报的评估事项').optional(),
    organizationId: z.uuid('请选择被举报的组织').optional(),
    content: text('举报的事实和理由', 5000).refine(
      (t) => t.length >= 15,
      '请具体说明举报的事实和理由（不少于15字）',
    ),
    contact: z
      .object({
        name: text('举报人姓名', 30),
        phone: z
          .string()
          .trim()
          .regex(PHONE, '联系电话应为11位手机号码或带区号的固定电话（如 0519-88881234）')
          .optional(),
        email: z.email('电子邮箱格式不正确').max(200).optional(),
      })
      .refine((c) => c.phone !== undefined || c.email !== undefined, {
        message: '请至少留下联系电话或电子邮箱，以便核实和告知处理结果',
        path: ['phone'],
      }),
  })
  .refine((b) => (b.fileId === undefined) !== (b.organizationId === undefined), {
    message: '请从公示名单或有效等级名单中选择一个举报对象',
    path: ['fileId'],
  });
