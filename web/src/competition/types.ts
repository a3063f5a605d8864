import type { CompetitionPolicy } from '../../../domain/competition/policy';
import type { Proposal } from '../../../domain/competition/proposal';
import type { Phase, ProposalStatus, RoundStage } from '../../../domain/competition/stages';
import type { Offers } from '../offers';

/** Shapes the competition API answers (api/routes/competition-*.ts); types only. */

// Declared once, on the routes (contract/competition.ts): the pages read the same schemas.
export type {
  CommunityRecord,
  Objection,
  ProposalRow,
  Publicity,
  RoundFigures,
  RoundSummary,
} from '../../../contract/competition';

export interface RoundDetail extends Offers {
  id: string;
  title: string;
  stage: RoundStage;
  proposals?: number;
  callOpensAt?: string;
  callClosesAt?: string;
  publicityEndsAt?: string | null;
  pendingObjections?: number;
  /** Round news still on its way to the proposals' workflows. */
  newsPending?: number;
  settings: CompetitionPolicy;
  ruleVersion: string;
  /** Officials only: the round's workflow in the Temporal Web UI. */
  temporalUrl?: string;
}

/** A proposal as GET /api/competition-proposals/:id answers it, with the decisions offered. */
export interface ProposalDetail extends Offers {
  id: string;
  roundId: string;
  title: string;
  category: string;
  requestedFen: number;
  submittedAt: string;
  status?: ProposalStatus;
  organization?: { id: string; name: string; creditCode: string | null } | null;
  content: Omit<Proposal, 'bankAccount' | 'documentIds'> & Partial<Proposal>;
  blind: boolean;
  awardFen?: number | null;
  qualificationNote?: string | null;
  fundingReason?: string | null;
  /** The funding decision (资助决定书), numbered once the funding list is final. */
  decision?: {
    /** The decision's seal: the verification code as printed and the public page it names. */
    seal: { code: string; url: string } | null;
    decisionNo: string;
    decidedAt: string;
    roundTitle: string;
    categoryName: string;
    awardFen: number;
  } | null;
  /** The round's stage as recorded; the workflow's own view may not have heard it yet. */
  roundStage?: RoundStage;
  workflow?: ProposalView | null;
  /** Officials only: the proposal's workflow in the Temporal Web UI. */
  temporalUrl?: string;
  /** The administrator only: the evaluators seated on the mid-term and final evaluations. */
  evaluators?: { id: string; name: string }[];
}

/** A judge's own unsubmitted score sheet, kept on the server. */
export interface ScoreDraft {
  criteria: Record<string, number>;
  comment: string;
  updatedAt: string;
}

/** The proposal workflow's status view (workflows/competition/messages.ts), as the API answers it. */
export interface Tranche {
  n: number;
  amountFen: number;
  status: 'blocked' | 'payable' | 'ordered' | 'paid' | 'withheld';
}
export interface ProposalView {
  proposalId: string;
  roundId: string;
  status: ProposalStatus;
  roundStage: RoundStage;
  openPhase: Phase | null;
  panels: Record<Phase, string[]>;
  declarations: Record<string, 'clear' | 'conflicted'>;
  scored: string[];
  awardFen: number | null;
  publicityClosed: boolean;
  midtermGrade: string | null;
  tranches: Tranche[];
}

export type { Phase, ProposalStatus, RoundStage };
