import type { DeficiencyItem } from '../../domain/registration/completeness';
import type { RefusalGround } from '../../domain/registration/grounds';
import type { RuleSetRef } from '../../domain/registration/policy';

/** Shapes the status Query returns; plain JSON, shared by the API and the web front end. */

export const REGISTRATION_STATUSES = [
  'submitted',
  'correction_required',
  'not_accepted',
  'first_review',
  'second_review',
  'returned',
  'preparing',
  'approved',
  'rejected',
  'withdrawn',
  'lapsed',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const FINAL_STATUSES: readonly RegistrationStatus[] = [
  'not_accepted',
  'approved',
  'rejected',
  'withdrawn',
  'lapsed',
];

/** An application under way: its proposed name is taken, and the applicant may withdraw it. */
export const OPEN_STATUSES = [
  'submitted',
  'correction_required',
  'first_review',
  'second_review',
  'returned',
  'preparing',
] as const satisfies readonly RegistrationStatus[];

export const STATUS_LABEL: Record<RegistrationStatus, string> = {
  submitted: '已提交，待受理审查',
  correction_required: '待申请人补正材料',
  not_accepted: '不予受理',
  first_review: '初审中',
  second_review: '复审中',
  returned: '退回申请人补正',
  preparing: '筹备中',
  approved: '准予登记',
  rejected: '不予登记',
  withdrawn: '已撤回',
  lapsed: '逾期终止',
};

export type Phase = 'registration' | 'preparation' | 'founding';

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
  from: RegistrationStatus | null;
  to: RegistrationStatus | null;
  reason?: string;
  legalBasis?: string;
  ruleVersion?: string;
  details?: Record<string, unknown>;
}

export type DeadlineKind = 'intake' | 'response' | 'decision' | 'promised' | 'preparation';

export interface DeadlineView {
  kind: DeadlineKind;
  label: string;
  limit: string;
  dueAt: string | null;
  state: 'running' | 'paused' | 'overdue';
  provisional: boolean;
  missingYears: number[];
}

export interface NoticeView {
  no: number;
  kind: 'intake' | 'review';
  issuedAt: string;
  issuedBy: ActorRef;
  items: DeficiencyItem[];
  note?: string;
  fileId?: string;
  answeredAt?: string;
}

export interface IssuedDocument {
  kind: string;
  title: string;
  fileId: string;
  docNo: string;
  issuedAt: string;
}

export interface RegistrationView {
  registrationId: string;
  applicationNo: string;
  organizationId: string;
  workflowId: string;
  status: RegistrationStatus;
  statusLabel: string;
  phase: Phase;
  name: string;
  legalForm: string;
  category: string;
  applicationVersion: number;
  ruleSet: RuleSetRef | null;
  ruleVersion: string;
  filedAt: string;
  receivedAt: string;
  acceptedAt: string | null;
  deemedAccepted: boolean;
  receiptNo: string | null;
  awaiting: { role: string | null; assignee: ActorRef | null; excludedActorIds: string[] };
  recommendation: { outcome: 'approve' | 'reject'; grounds: RefusalGround[]; by: ActorRef } | null;
  deadlines: DeadlineView[];
  overdue: boolean;
  pauses: { from: string; to: string | null; reason: string }[];
  findings: DeficiencyItem[];
  nameCheck: {
    exact: { name: string; status: string }[];
    similar: { name: string; status: string }[];
  } | null;
  notices: NoticeView[];
  extension: { requestedBy: ActorRef; reason: string; decided: boolean; granted: boolean } | null;
  expertReview: { since: string; reason: string; expectedWorkingDays: number } | null;
  decision: {
    outcome: 'approved' | 'rejected' | 'not_accepted' | 'withdrawn' | 'lapsed';
    at: string;
    by: ActorRef;
    reason: string;
    grounds?: RefusalGround[];
    legalBasis: string;
  } | null;
  creditCode: string | null;
  certificateFileId: string | null;
  announcementId: string | null;
  documents: IssuedDocument[];
  allowedActions: string[];
  trail: AuditRecord[];
  warnings: string[];
}
