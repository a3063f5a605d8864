import { z } from 'zod';
import { text } from '../../domain/evaluation/requests';

/** Requests of the evaluation routes; the same schemas feed the OpenAPI document. */

const localDate = z.iso.date('日期格式应为 YYYY-MM-DD');

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

export const ZListFilesQuery = z.object({
  campaignId: z.uuid().optional(),
  status: z.string().max(40).optional(),
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
