import { z } from 'zod';
import { DISQUALIFICATION_GROUNDS } from '../../domain/evaluation/disqualification';
import { text } from '../../domain/evaluation/requests';

/** Requests of the evaluation routes; the same schemas feed the OpenAPI document. */

const localDate = z.iso.date({
  error: (i) => `「${String(i.input)}」不是日期，应写作如 2026-05-01`,
});

// What a person fills in a form lives in domain/ so that the web front end checks it alike.
export {
  ZOpenCampaignRequest,
  ZRecusalRequest,
  ZReviewRequest,
  ZUpwardResultRequest,
  ZVoteRequest,
} from '../../domain/evaluation/requests';

export const ZApplyRequest = z.object({
  selfScore: z.number().int().min(0).max(1000),
  selfAssessment: text('自评报告', 20_000),
  evidenceFileIds: z.array(z.uuid()).max(50).default([]),
});

export const ZDeclareConflictRequest = z.object({
  hasConflict: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});

const scoreValue = z.number().min(0).max(1000);
export const ZScoreSheetRequest = z.object({
  scores: z.record(z.string().min(1).max(64), scoreValue),
  bonus: z.number().min(0).max(1000).default(0),
});

export const ZEmptyRequest = z.object({}).optional();
export const ZCancelGradeRequest = z.object({ reason: text('取消等级的理由') });

export const ZAgencyRequest = z.object({ name: text('机构名称', 200) });
export const ZExpertRequest = z.object({ accountId: z.uuid() });
export const ZEmploymentRequest = z.object({
  organizationId: z.uuid(),
  startedOn: localDate,
  endedOn: localDate.nullable().default(null),
});
export const ZFiguresQuery = z.object({ campaignId: z.uuid().optional() });

export const ZSeatExpertsRequest = z.object({
  evaluatorIds: z
    .array(z.uuid('专家编号格式不正确'))
    .min(1, '请至少选择一名评估专家')
    .max(25, '一次最多增补25名评估专家'),
});

export const ZDisqualifyRequest = z.object({
  ground: z.enum(DISQUALIFICATION_GROUNDS, {
    error: `取消评估资格的事由须为：${DISQUALIFICATION_GROUNDS.join('、')}`,
  }),
  reason: text('取消评估资格的具体事实和理由'),
  /** The upheld complaint, when that is the ground. */
  complaintId: z.uuid().optional(),
});

/** A complaint names exactly one subject: a file in evaluation or an organisation's grade. */
export const ZFileComplaintRequest = z
  .object({
    fileId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    content: text('举报的事实和理由', 5000),
  })
  .refine((b) => (b.fileId === undefined) !== (b.organizationId === undefined), {
    message: '请指明举报的评估事项（fileId）或被举报等级的组织（organizationId），二者选一',
    path: ['fileId'],
  });
export const ZVerifyComplaintRequest = z
  .object({ note: z.string().trim().max(2000).optional() })
  .optional();
export const ZDismissComplaintRequest = z.object({ reason: text('不予受理的理由') });
