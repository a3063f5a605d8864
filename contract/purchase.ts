import { z } from 'zod';
import { catalogueItemSchema } from '../domain/purchase/catalogue';
import { ZOffers, ZPage, ZSealLink } from './common';

/**
 * Answers of the purchase-of-services routes (api/routes/purchase-*.ts). The workflow's view
 * (workflows/purchase/view-types.ts PurchaseView) is declared with the fields every reader
 * gets and may carry more (`.loose()`); the web reads it with the view's own type.
 */

export const ZCatalogueItem = catalogueItemSchema.extend({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['active', 'retired']),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  previousId: z.string().nullable(),
});

export const ZProjectSummary = z.object({
  id: z.uuid(),
  projectNo: z.string(),
  ocid: z.string(),
  title: z.string(),
  department: z.string(),
  purchaserKind: z.string(),
  status: z.string(),
  method: z.string().nullable(),
  budgetFen: z.number(),
  budgetYear: z.number(),
  catalogueClass: z.string(),
});
export const ZProjectList = ZPage(ZProjectSummary);

/** The workflow's view (workflows/purchase/view-types.ts PurchaseView). */
export const ZPurchaseView = z
  .object({
    projectId: z.uuid(),
    projectNo: z.string(),
    ocid: z.string(),
    title: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    budgetFen: z.number(),
    responses: z.array(z.object({ organizationId: z.string() }).loose()),
    challenges: z.array(z.object({ id: z.string() }).loose()),
    milestones: z.array(z.object({ id: z.string(), title: z.string() }).loose()),
    tranches: z.array(z.object({ no: z.number().int(), percent: z.number() }).loose()),
    /** Left out of a decision's answer: it is read with the project. */
    trail: z.array(z.object({ seq: z.number(), action: z.string() }).loose()).optional(),
  })
  .loose()
  .meta({ id: 'PurchaseView', description: '项目流程的当前状态（工作流查询结果）' });

/** What GET /api/purchases/:id adds to the view: what the caller may decide now, the workflows. */
const ZProjectDetailExtras = z.object({
  ...ZOffers,
  /** Officials only: the project's workflow in the Temporal Web UI. */
  temporalUrl: z.string().optional(),
  /** The signed contract's child workflow; null before signing. */
  contractTemporalUrl: z.string().nullable().optional(),
  /** Purchasers only: the third-party evaluators seated on the performance evaluation. */
  performanceEvaluators: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
  /** The award notice's seal once the notice is issued (issue 15 point 11), for its print view. */
  awardSeal: ZSealLink.nullable(),
});

export const ZProjectDetail = ZPurchaseView.extend(ZProjectDetailExtras.shape).meta({
  id: 'PurchaseProjectDetail',
  description: '项目详情',
});

export type CatalogueItem = z.infer<typeof ZCatalogueItem>;
export type ProjectSummary = z.infer<typeof ZProjectSummary>;
export type ProjectDetailExtras = z.infer<typeof ZProjectDetailExtras>;
