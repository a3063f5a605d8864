import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar-schema';
import { catalogueItemSchema } from '../../domain/purchase/catalogue';
import { contractTermsSchema } from '../../domain/purchase/contract-terms-schema';
import { PROCUREMENT_METHODS } from '../../domain/purchase/policy';
import { METHOD_GROUNDS, type MethodGround } from '../../domain/purchase/procurement-method';
import { PURCHASER_KIND_KEYS } from '../../domain/purchase/purchaser';
import { dateRangeShape, pagedQuery } from '../paging';
import { exportShape } from '../table-export';

/** Request and response schemas of the purchase-of-services API (also the OpenAPI document). */

const text = (max: number) => z.string().trim().min(1).max(max);
const fen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const ZCatalogueItemRequest = catalogueItemSchema;
export const ZRetireRequest = z.object({ reason: text(500) });
export const ZCreateProjectRequest = z.object({
  catalogueItemId: z.uuid(),
  title: text(200),
  department: text(100),
  /** What kind of body the purchasing department is (102号 arts 2, 4, 8). */
  purchaserKind: z.enum(PURCHASER_KIND_KEYS, '请选择购买主体的类别'),
  budgetFen: fen,
  budgetYear: z.number().int().min(2014).max(2100),
  performanceTargets: z.array(text(500)).min(1).max(20),
});

const projectFilters = {
  status: z.string().max(40).optional(),
  /** Created on or after / on or before these days (China Standard Time). */
  ...dateRangeShape,
};
export const ZProjectListQuery = pagedQuery(projectFilters);
export const ZProjectExportQuery = z.object({ ...projectFilters, ...exportShape });
/** The workflow's view (workflows/purchase/view-types.ts); documented loosely here. */
export const ZPurchaseView = z.record(z.string(), z.unknown());

export const ZPlanRequest = z.object({
  method: z.enum(PROCUREMENT_METHODS),
  ground: z.enum(Object.keys(METHOD_GROUNDS) as [MethodGround, ...MethodGround[]]).optional(),
  approvalRef: z.string().trim().max(100).optional(),
  originalContractFen: fen.optional(),
});
export const ZNoticeRequest = z.object({
  closesAt: z.iso.datetime({ offset: true }),
  requirements: text(4000),
  /** 投标（响应）保证金 in fen; 0 or absent: none. */
  bidBondFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export const ZResponseRequest = z.object({ priceFen: fen, proposal: text(8000) });
export const ZReasonRequest = z.object({ reason: text(2000) });
export const ZPanelRequest = z.object({ expertIds: z.array(z.uuid()).min(1).max(25) });
export const ZDeclarationRequest = z.object({
  conflict: z.boolean(),
  note: z.string().trim().max(2000),
});
export const ZScoresRequest = z.object({
  scores: z
    .array(
      z.object({
        organizationId: z.uuid(),
        score: z.number().min(0).max(100),
        comment: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(200),
});
export const ZAwardRequest = z.object({ opinion: text(2000) });
export const ZAnswerChallengeRequest = z.object({
  challengeId: text(20),
  upheld: z.boolean(),
  reply: text(4000),
});
export const ZContractRequest = z.object({ terms: contractTermsSchema });
export const ZDeliverableRequest = z.object({ milestoneId: text(40), summary: text(8000) });
export const ZReviewRequest = z.object({
  milestoneId: text(40),
  accept: z.boolean(),
  reason: z.string().trim().max(2000),
});
export const ZPaymentRequest = z.object({ trancheNo: z.number().int().min(1).max(24) });
export const ZReleaseRequest = z.object({
  trancheNo: z.number().int().min(1).max(24),
  voucherNo: text(60),
});
export const ZEvaluationRequest = z.object({
  stage: z.enum(['interim', 'final']),
  score: z.number().min(0).max(100),
  passed: z.boolean(),
  report: text(8000),
});
/** 合同变更: the term, the amount (fen) or the scope (服务内容), at least one, with the reason. */
export const ZAmendRequest = z
  .object({
    reason: text(2000),
    startDate: localDateSchema.optional(),
    endDate: localDateSchema.optional(),
    amountFen: fen.optional(),
    scope: text(4000).optional(),
  })
  .refine(
    (b) =>
      b.startDate !== undefined ||
      b.endDate !== undefined ||
      b.amountFen !== undefined ||
      b.scope !== undefined,
    { message: '请至少变更服务期限、合同金额或服务内容中的一项', path: ['endDate'] },
  );
export const ZTerminateRequest = z.object({
  ground: z.enum(['breach', 'subcontracting', 'agreement', 'other']),
  reason: text(2000),
});
export const ZOcdsQuery = z.object({ download: z.enum(['0', '1']).optional() });
export const ZFiguresQuery = z.object({
  year: z.coerce.number().int().min(2014).max(2100).optional(),
});
export const ZFigures = z.record(z.string(), z.unknown());

// The answers the web reads live in contract/purchase.ts.
export {
  ZCatalogueItem,
  ZProjectDetail,
  ZProjectList,
  ZProjectSummary,
} from '../../contract/purchase';
