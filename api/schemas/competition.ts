import { z } from 'zod';
import { PHASES, PROPOSAL_STATUSES } from '../../domain/competition/stages';
import { pagedQuery } from '../paging';

/** Request schemas of the competition routes (公益创投); the proposal body is domain's proposalSchema. */

export const ZCreateRoundRequest = z.object({
  title: z.string().trim().min(2).max(100),
  callOpensAt: z.iso.datetime({ offset: true }),
  callClosesAt: z.iso.datetime({ offset: true }),
  judges: z.object({
    first: z.array(z.uuid()).min(1).max(200),
    roadshow: z.array(z.uuid()).min(1).max(200),
  }),
  /** Per-round settings over the rules in force (every number of DOMAIN §5 has a default). */
  settings: z.record(z.string(), z.unknown()).default({}),
});

export const ZRoundParams = z.object({ id: z.uuid('编号格式不正确') });
export const ZPhaseParams = z.object({ id: z.uuid('编号格式不正确'), phase: z.enum(PHASES) });
export const ZTrancheParams = z.object({
  id: z.uuid('编号格式不正确'),
  tranche: z.coerce.number().int().min(1).max(10),
});
export const ZObjectionParams = z.object({ id: z.uuid(), objectionId: z.uuid() });
export const ZPhaseQuery = z.object({ phase: z.enum(PHASES).default('first') });
export const ZEmpty = z.object({}).strict();

export const ZFundingRequest = z.object({
  /** Amounts a panel set for particular projects (fen); otherwise the lesser of cap and request. */
  panelAmounts: z.record(z.uuid(), z.number().int().min(1)).default({}),
});
export const ZQualifyRequest = z.object({
  pass: z.boolean(),
  reasons: z.array(z.string().trim().min(2).max(500)).max(20).default([]),
});
export const ZDeclarationRequest = z.object({
  phase: z.enum(PHASES),
  conflict: z.boolean(),
  note: z.string().trim().max(500).default(''),
});
export const ZScoreRequest = z.object({
  phase: z.enum(PHASES),
  criteria: z.record(z.string().regex(/^[a-z_]+$/), z.number()),
  comment: z.string().trim().max(2000).default(''),
});
export const ZAgreementRequest = z.object({ agreementNo: z.string().trim().min(2).max(50) });
export const ZEvaluationRequest = z.object({
  stage: z.enum(['midterm', 'final']),
  score: z.number().int().min(0).max(100),
  report: z.string().trim().min(2).max(5000),
});
export const ZTerminationRequest = z.object({
  reason: z.string().trim().min(2).max(1000),
  clawbackFen: z.number().int().min(0),
});
export const ZObjectionRequest = z.object({
  proposalId: z.uuid(),
  text: z.string().trim().min(5).max(2000),
});
export const ZObjectionDecisionRequest = z.object({
  uphold: z.boolean(),
  decision: z.string().trim().min(2).max(2000),
});
export const ZConflictsRequest = z.object({
  organizationIds: z.array(z.uuid()).min(1).max(200),
  reason: z.string().trim().min(2).max(500),
});
export const ZCommunityRecordRequest = z.object({
  organizationId: z.uuid(),
  recordNo: z.string().trim().min(2).max(50),
  recordedOn: z.iso.date(),
});
/** A draft may be incomplete; the round's rubric maxima are checked by the route. */
export const ZScoreDraftRequest = z.object({
  criteria: z
    .record(z.string().regex(/^[a-z_]+$/, '评分指标代码格式不正确'), z.number())
    .default({}),
  comment: z.string().trim().max(2000).default(''),
});

/** A round's proposals, a page at a time; `proposalId` asks for one (a judge's seat on it). */
export const ZRoundProposalsQuery = pagedQuery({
  status: z
    .enum(PROPOSAL_STATUSES, { error: '项目状态不正确' })
    .optional()
    .meta({ title: '项目状态' }),
  proposalId: z.uuid({ error: '项目编号不正确' }).optional().meta({ title: '项目' }),
});
