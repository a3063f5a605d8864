import { z } from 'zod';
import { ZSealLink } from './common';

/** Answers of the purchase routes (api/routes/purchase-projects.ts). */

/**
 * A project's detail: the workflow's view (workflows/purchase/view-types.ts), documented loosely,
 * and the award notice's seal once the notice is issued (issue 15 point 11), for its print view.
 */
export const ZPurchaseDetail = z.looseObject({
  awardSeal: ZSealLink.nullable(),
});
