import type {
  CatalogueItem,
  ProjectDetailExtras,
  ProjectSummary as ProjectRow,
} from '../../../contract/purchase';
import type { PurchaseStatus, PurchaseView } from '../../../workflows/purchase/view-types';

/** Shapes the purchase API answers: declared once, on the routes (contract/purchase.ts). */

/** A project in the list; its status read as the workflow's (the contract keeps it a string). */
export type ProjectSummary = Omit<ProjectRow, 'status'> & { status: PurchaseStatus };

/** The project as GET /api/purchases/:id answers it: the view, and for officials the workflows. */
export type ProjectDetail = PurchaseView & ProjectDetailExtras;

export type { CatalogueItem, PurchaseView };
