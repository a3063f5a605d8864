import type { CatalogueItemSnapshot } from '../../domain/purchase/catalogue';
import type { ClauseKey, TrancheGate } from '../../domain/purchase/contract-terms';
import type { ProcurementMethod } from '../../domain/purchase/policy';
import type { MethodGround } from '../../domain/purchase/procurement-method';
import type { RuleSetRef } from '../../domain/registration/policy';

/** Shapes the status Query returns; plain JSON (times as ISO strings), shared with the API. */

export const PURCHASE_STATUSES = [
  'need_defined',
  'planned',
  'tendering',
  'failed',
  'evaluating',
  'publicity',
  'awarded',
  'performing',
  'closed',
  'terminated',
  'cancelled',
] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export const FINAL_PURCHASE_STATUSES: readonly PurchaseStatus[] = [
  'closed',
  'terminated',
  'cancelled',
];

export const PURCHASE_STATUS_LABEL: Record<PurchaseStatus, string> = {
  need_defined: '需求已确定，待确定采购方式',
  planned: '采购方式已确定，待发布公告',
  tendering: '采购公告已发布，接收响应中',
  failed: '采购失败，待重新采购或变更方式',
  evaluating: '评审中',
  publicity: '成交结果公示中',
  awarded: '已确定承接主体，待签订合同',
  performing: '合同履行中',
  closed: '已结项',
  terminated: '合同已解除',
  cancelled: '项目已撤销',
};

export interface ActorRef {
  id: string | null;
  name: string;
  role: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actor: ActorRef;
  action: string;
  from: PurchaseStatus;
  to: PurchaseStatus;
  reason?: string;
  legalBasis?: string;
  ruleVersion?: string;
  details?: Record<string, unknown>;
}

export interface ResponseRecord {
  organizationId: string;
  name: string;
  creditCode: string;
  priceFen: number;
  proposal: string;
  gradeLevel: number | null;
  submittedAt: string;
}

export interface ExpertRecord {
  id: string;
  name: string;
  declaration: { conflict: boolean; note: string; at: string } | null;
  scores: { organizationId: string; score: number; comment?: string }[] | null;
}

export interface RankingRow {
  organizationId: string;
  name: string;
  averageScore: number;
  gradeBonus: number;
  total: number;
  priceFen: number;
}

export interface ChallengeRecord {
  id: string;
  organizationId: string;
  reason: string;
  filedAt: string;
  answer: { upheld: boolean; reply: string; at: string } | null;
}

export interface MilestoneRecord {
  id: string;
  title: string;
  dueDate: string;
  status: 'pending' | 'submitted' | 'accepted' | 'returned';
  submissions: { at: string; summary: string }[];
  reviews: { at: string; accepted: boolean; reason: string }[];
}

export interface TrancheRecord {
  no: number;
  percent: number;
  amountFen: number;
  gate: TrancheGate;
  status: 'pending' | 'requested' | 'paid' | 'cancelled';
  requestedBy: ActorRef | null;
  requestedAt: string | null;
  releasedBy: ActorRef | null;
  paidAt: string | null;
  voucherNo: string | null;
}

export interface ContractRecord {
  id: string;
  signedAt: string;
  publishBy: string | null;
  startDate: string;
  endDate: string;
  longTermJustification: string | null;
  amountFen: number;
  /** The amount as signed, before any amendment (absent in contracts signed before it). */
  originalAmountFen?: number;
  performanceBondFen: number;
  clauses: Partial<Record<ClauseKey, string>>;
}

/** One contract amendment: the end date after it, and what changed from what. */
export interface AmendmentRecord {
  at: string;
  reason: string;
  endDate: string;
  by: ActorRef;
  /** The changes in words (absent in amendments recorded before amounts and scope could change). */
  changes?: string[];
  before?: { startDate: string; endDate: string; amountFen: number };
}

export interface EvaluationRecord {
  stage: 'interim' | 'final';
  score: number;
  passed: boolean;
  report: string;
  by: ActorRef;
  at: string;
}

export interface PurchaseView {
  projectId: string;
  projectNo: string;
  ocid: string;
  title: string;
  department: string;
  status: PurchaseStatus;
  statusLabel: string;
  item: CatalogueItemSnapshot;
  budgetFen: number;
  budgetYear: number;
  performanceTargets: string[];
  ruleSet: RuleSetRef;
  createdBy: ActorRef;
  procurement: {
    method: ProcurementMethod;
    methodLabel: string;
    ground: MethodGround | null;
    approvalRef: string | null;
    at: string;
  } | null;
  notice: {
    publishedAt: string;
    closesAt: string;
    requirements: string;
    /** 投标（响应）保证金 the notice asks for (absent or 0: none). */
    bidBondFen?: number;
  } | null;
  /**
   * The bid bonds and when each must be back (实施条例 art. 38): the unsuccessful respondents'
   * within the limit of the award notice, the winner's within it of the contract.
   */
  bidBondReturns: { organizationId: string; name: string; dueBy: string | null }[];
  responses: ResponseRecord[];
  panel: ExpertRecord[];
  ranking: RankingRow[];
  award: {
    organizationId: string;
    name: string;
    creditCode: string;
    amountFen: number;
    decidedAt: string;
    noticeAt: string | null;
    signBy: string | null;
  } | null;
  publicity: { startedAt: string; endsAt: string } | null;
  challenges: ChallengeRecord[];
  contract: ContractRecord | null;
  milestones: MilestoneRecord[];
  tranches: TrancheRecord[];
  evaluations: EvaluationRecord[];
  amendments: AmendmentRecord[];
  termination: { at: string; ground: string; reason: string; by: ActorRef } | null;
  closedAt: string | null;
  /** Who acts next (role), for work lists. */
  awaiting: string | null;
  warnings: string[];
  paidFen: number;
  withheldFen: number;
  trail: AuditRecord[];
}
