import type { DisqualificationGround } from '../../../domain/evaluation/disqualification';
import type { IndicatorNode } from '../../../domain/evaluation/policy';
import type { ScoreSheet } from '../../../domain/evaluation/scoring';

/**
 * What the evaluation API answers, as the pages read it. The front end may not import
 * workflows/ (test/unit/web-imports), so the parts of the workflow's FileView it reads are
 * spelt out here.
 */

// Declared once, on the routes (contract/evaluation.ts): the pages read the same schemas.
export type {
  Campaign,
  CampaignDetail,
  CampaignStage,
  ComplaintDetail,
  ComplaintSummary,
  ComplaintView,
  Disqualification,
  ExpertCandidate,
  FileDetail,
  FileSummary,
  FileView,
  GradeStatusView,
  OfficeTask,
  PublicResults,
  ReviewRequest,
  Tally,
} from '../../../contract/evaluation';
export type { IndicatorNode, ScoreSheet };

import type { FILE_STATUSES } from '../../../contract/evaluation';

export type FileStatus = (typeof FILE_STATUSES)[number];

export type { DisqualificationGround };

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

export interface SheetAnswer {
  indicators: IndicatorNode[];
  bonusMax: number;
  status: 'empty' | 'draft' | 'submitted';
  sheet: ScoreSheet | null;
  total: number | null;
}

// ── complaints (举报) ──

export type ComplaintStatus = 'filed' | 'verified' | 'dismissed' | 'upheld' | 'rejected';
export type ComplaintMeasure = 'file_disqualified' | 'grade_cancelled' | 'none';

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
