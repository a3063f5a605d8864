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
  | 'not_graded';

export interface FileView {
  fileId: string;
  status: FileStatus;
  evaluators: {
    id: string;
    name: string;
    status: 'assigned' | 'cleared' | 'conflicted' | 'recused';
    total: number | null;
  }[];
}

export interface FileSummary {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName: string | null;
  status: FileStatus;
  appliedAt: string;
  finalScore: number | null;
  proposedLevel: number | null;
  decidedLevel: number | null;
}

export interface FileDetail extends FileSummary {
  view: FileView | null;
  materials: { selfScore: number; selfAssessment: string; evidenceFileIds: string[] } | null;
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
  progress: Record<string, number>;
}
