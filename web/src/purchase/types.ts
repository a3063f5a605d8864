import type { CatalogueItemInput } from '../../../domain/purchase/catalogue';
import type { PurchaseView } from '../../../workflows/purchase/view-types';
import type { Offers } from '../offers';

/** Shapes the purchase API answers (api/schemas/purchase.ts); types only. */

export interface CatalogueItem extends CatalogueItemInput {
  id: string;
  version: number;
  status: 'active' | 'retired';
  retiredAt: string | null;
  retiredReason: string | null;
  previousId: string | null;
}

export interface ProjectSummary {
  id: string;
  projectNo: string;
  ocid: string;
  title: string;
  department: string;
  status: PurchaseView['status'];
  method: string | null;
  budgetFen: number;
  budgetYear: number;
  catalogueClass: string;
}

/** The project as GET /api/purchases/:id answers it: the view, and for officials the workflows. */
export type ProjectDetail = PurchaseView &
  Offers & {
    temporalUrl?: string;
    /** The signed contract's child workflow; null before signing. */
    contractTemporalUrl?: string | null;
    /** Purchasers only: the third-party evaluators seated on the performance evaluation. */
    performanceEvaluators?: { id: string; name: string }[];
    /** The award notice's seal once the notice is issued: its verification code and page. */
    awardSeal?: { code: string; url: string } | null;
  };

export type { PurchaseView };
