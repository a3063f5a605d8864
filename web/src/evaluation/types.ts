import type { DisqualificationGround } from '../../../domain/evaluation/disqualification';
import type { IndicatorNode } from '../../../domain/evaluation/policy';
import type { ScoreSheet } from '../../../domain/evaluation/scoring';

/**
 * What the evaluation API answers, as the pages read it. The front end may not import
 * workflows/ (test/unit/web-imports), so the parts of the workflow's FileView it reads are
 * spelt out here.
 */

export type { IndicatorNode, ScoreSheet };

export type FileStatus =
  | 'applied'
  | 'ineligible'
  | 'assigned'
  | 'scored'
  | 'recommended_upward'
  | 'publicised'
  | 'review_requested'
  | 'confirmed'
  | 'not_graded'
  | 'disqualified';

export type { DisqualificationGround };

/** §4.2: taken out of the evaluation before confirmation; the score is kept but void. */
export interface Disqualification {
  ground: DisqualificationGround;
  reason: string;
  complaintId: string | null;
  at: string;
  by: string;
  cancelledScore: number | null;
}

export interface Tally {
  members: number;
  present: number;
  approvals: number;
  quorum: boolean;
  approved: boolean;
}

export interface ReviewRequest {
  kind: 'objection' | 'review';
  reason: string;
  requestedLevel: number;
  requestedAt: string;
  round: number;
  decidedAt: string | null;
  upheld: boolean | null;
  answerDueAt: string | null;
  tally: Tally | null;
}

export interface FileView {
  fileId: string;
  campaignId: string;
  status: FileStatus;
  ruleVersion: string | null;
  eligibility: { eligible: boolean; basis: string | null; reasons: string[] } | null;
  evaluators: {
    id: string;
    name: string;
    status: 'assigned' | 'cleared' | 'conflicted' | 'recused';
    total: number | null;
  }[];
  score: { value: number; spread: number; flagged: boolean; method: string; used: number[] } | null;
  proposedLevel: number | null;
  committee: { round: number; votes: number; lastTally: Tally | null; decidedAt: string | null };
  decidedLevel: number | null;
  awardingLevel: 'district' | 'city' | 'province' | null;
  publicityEndsAt: string | null;
  review: ReviewRequest | null;
  gradeId: string | null;
  certificateFileId: string | null;
  levelNote?: string | null;
  disqualification?: Disqualification | null;
  /** Experts the panel still lacks; scoring waits until the office seats them. */
  panelShortBy?: number;
}

export interface TrailEntry {
  seq: number;
  at: string;
  actor: { name: string; role: string };
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface NamedVote {
  body: 'committee' | 'review';
  round: number;
  memberId: string;
  memberName: string;
  approve: boolean;
  votedAt: string;
}

export interface FileSummary {
  id: string;
  /** PG-2026-0001; null for files applied before numbers were kept. */
  fileNo: string | null;
  campaignId: string;
  organizationId: string;
  organizationName: string | null;
  status: FileStatus;
  appliedAt: string;
  finalScore: number | null;
  proposedLevel: number | null;
  decidedLevel: number | null;
  ineligibleReason: string | null;
  flagged: boolean;
  scoreCancelled?: boolean;
  /** Experts the panel lacks after conflicts (the office seats replacements). */
  panelShortBy?: number;
  /** Bureau staff only. */
  temporalUrl?: string;
  /** For a committee member: which committee's vote this file waits for from them. */
  awaitingMyVote?: 'committee' | 'review' | null;
}

export interface FileDetail extends FileSummary {
  view: FileView | null;
  materials: { selfScore: number; selfAssessment: string; evidenceFileIds: string[] } | null;
  trail: TrailEntry[];
  votes: NamedVote[];
}

export interface SheetAnswer {
  indicators: IndicatorNode[];
  bonusMax: number;
  status: 'empty' | 'draft' | 'submitted';
  sheet: ScoreSheet | null;
  total: number | null;
}

export interface Campaign {
  id: string;
  year: number;
  title: string;
  phase: string;
  windowOpensAt: string;
  windowClosesAt: string;
  closedAt: string | null;
  committeeSize: number;
  reviewCommitteeSize: number;
  /** The evaluation office and the committee members only. */
  committeeIds?: string[];
  reviewCommitteeIds?: string[];
  progress: Record<string, number>;
  /** Bureau staff only. */
  temporalUrl?: string;
  /** The published notice (公告), readable by anyone. */
  notice?: { id: string; title: string; publishedAt: string } | null;
  /** §4.3 ROUND phases with their dates. */
  stages?: CampaignStage[];
}

export interface CampaignStage {
  key: string;
  label: string;
  state: 'done' | 'current' | 'pending';
  startedAt: string | null;
  endedAt: string | null;
}

/** A pool expert the office may seat on a file, with any conflict the system sees. */
export interface ExpertCandidate {
  id: string;
  name: string;
  agencyName: string;
  load: number;
  conflict: string | null;
}

/** What waits for the evaluation office on files. */
export interface OfficeTask {
  kind: 'panel_incomplete';
  task: string;
  fileId: string;
  campaignId: string;
  campaignTitle: string;
  organizationName: string | null;
  missing: number;
  since: string;
}

// ── complaints (举报) ──

export type ComplaintStatus = 'filed' | 'verified' | 'dismissed' | 'upheld' | 'rejected';
export type ComplaintMeasure = 'file_disqualified' | 'grade_cancelled' | 'none';

export interface ComplaintSummary {
  id: string;
  subjectType: 'file' | 'grade';
  fileId: string | null;
  /** PG-2026-0001 for a file that has a number. */
  fileNo: string | null;
  gradeId: string | null;
  organizationId: string;
  organizationName: string | null;
  content: string;
  status: ComplaintStatus;
  filedAt: string;
  upheld: boolean | null;
  measure: ComplaintMeasure | null;
  verificationDueAt: string | null;
  overdue: boolean;
  round: number;
  /** For a review-committee member: the complaint waits for their vote in this round. */
  awaitingMyVote: boolean;
  /** A signed-in account or the public form. */
  channel?: 'account' | 'public';
  /** For the office: how to reach a complainant from the public form. */
  contact?: { name: string | null; phone: string | null; email: string | null } | null;
}

export interface ComplaintView {
  status: ComplaintStatus;
  verificationDueAt: string | null;
  overdue: boolean;
  verification: { by: string; at: string; note: string | null } | null;
  dismissal: { by: string; at: string; reason: string } | null;
  committee: { members: number; round: number; votes: number; lastTally: Tally | null };
  ruling: { at: string; upheld: boolean; tally: Tally; measure: ComplaintMeasure | null } | null;
}

export interface ComplaintDetail extends ComplaintSummary {
  view: ComplaintView | null;
  votes: {
    round: number;
    memberId: string;
    memberName: string;
    approve: boolean;
    votedAt: string;
  }[];
}

export interface PublicResults {
  publicity: {
    fileId: string;
    organizationId: string;
    organizationName: string | null;
    campaignTitle: string;
    level: number | null;
  }[];
  grades: {
    organizationId: string;
    organizationName: string | null;
    level: number;
    awardingLevel: string;
    awardedOn: string;
    expiresOn: string;
  }[];
}

// ── grades ──

export interface GradeRecord {
  id: string;
  level: number;
  awardingLevel: string;
  awardedOn: string;
  expiresOn: string;
  status: 'active' | 'downgraded' | 'cancelled' | 'expired' | 'superseded';
  endedOn: string | null;
  endReason: string | null;
}

/** The grade workflow's view of the grade it manages. */
export interface GradeStatusView {
  organizationId: string;
  grade: {
    id: string;
    level: number;
    awardedOn: string;
    expiresOn: string;
    hasCertificate: boolean;
  } | null;
  status: 'active' | 'downgraded' | 'cancelled' | 'expired';
  certificateDue: { gradeId: string; at: string } | null;
  certificateVoided: boolean;
}
