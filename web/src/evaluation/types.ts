import type { IndicatorNode } from '../../../domain/evaluation/policy';
import type { ScoreSheet } from '../../../domain/evaluation/scoring';
import type { FileStatus, FileView } from '../../../workflows/evaluation/messages';

/** What the evaluation API answers, as the pages read it. */

export type { FileStatus, FileView, IndicatorNode, ScoreSheet };

export interface FileSummary {
  id: string;
  campaignId: string;
  organizationId: string;
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
