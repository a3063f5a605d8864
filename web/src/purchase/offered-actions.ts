import type { ActionField, ActionValues } from '../components/action-dialog';
import { yuanToFen } from '../money';
import { isOffered } from '../offers';
import type { ProjectDetail, PurchaseView } from './types';

/** Each decision's route (api/routes/purchase-actions.ts) and the Update it sends. */
const UPDATE_OF: Record<string, string> = {
  plan: 'planProcurement',
  notice: 'publishNotice',
  responses: 'submitResponse',
  cancel: 'cancelProject',
  panel: 'appointPanel',
  declaration: 'declareConflict',
  scores: 'scoreResponses',
  award: 'award',
  challenges: 'challenge',
  'challenge-answers': 'answerChallenge',
  contract: 'signContract',
  deliverables: 'submitDeliverable',
  'deliverable-reviews': 'reviewDeliverable',
  'payment-requests': 'requestPayment',
  payments: 'releasePayment',
  'performance-evaluations': 'recordPerformanceEvaluation',
  amendments: 'amendContract',
  termination: 'terminateContract',
};

/** Offered by the workflow now (by the route's Update), for this object if it is about one. */
export const offered = (v: ProjectDetail, path: string, about?: Record<string, unknown>) =>
  isOffered(v, UPDATE_OF[path] ?? path, about);

/** One decision on a project as the page offers it: a button and its dialog. */
export interface OfferSpec {
  key: string;
  label: string;
  /** The route under /api/purchases/:id. */
  path: string;
  fields?: ActionField[];
  body?: (x: ActionValues) => unknown;
  tone?: 'primary' | 'danger';
  prompt?: string;
  /** The object the decision is about (a challenge, a milestone, a tranche). */
  about?: Record<string, unknown>;
}

/** 12345 fen → "123.45", as the yuan field shows it. */
export const fenToYuanText = (fen: number) =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Only what the purchaser changed goes to the API, with the reason. */
export function amendmentBody(v: PurchaseView, x: ActionValues) {
  const c = v.contract;
  const amountFen = x.amount?.trim() ? yuanToFen(x.amount) : undefined;
  return {
    reason: x.reason,
    ...(x.startDate && x.startDate !== c?.startDate ? { startDate: x.startDate } : {}),
    ...(x.endDate && x.endDate !== c?.endDate ? { endDate: x.endDate } : {}),
    ...(amountFen !== undefined && amountFen !== c?.amountFen ? { amountFen } : {}),
    ...(x.scope?.trim() && x.scope.trim() !== (c?.clauses.serviceContent ?? '')
      ? { scope: x.scope.trim() }
      : {}),
  };
}
