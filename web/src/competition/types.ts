import type { CompetitionPolicy } from '../../../domain/competition/policy';
import type { Proposal } from '../../../domain/competition/proposal';
import type { Phase, ProposalStatus, RoundStage } from '../../../domain/competition/stages';
import type { Offers } from '../offers';

/** Shapes the competition API answers (api/routes/competition-*.ts); types only. */

export interface RoundSummary {
  id: string;
  title: string;
  stage: RoundStage;
  budgetFen: number;
  callOpensAt: string;
  callClosesAt: string;
}

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

export interface ProposalRow {
  id: string;
  title: string;
  category: string;
  status?: ProposalStatus;
  requestedFen?: number;
  awardFen?: number | null;
  recorded?: boolean;
  midtermGrade?: string | null;
  submittedAt?: string;
  /** A judge's rows: the phase and the assignment's state. */
  phase?: Phase;
  assignment?: 'assigned' | 'declared_clear' | 'conflicted' | 'scored';
}

export interface ProposalDetail {
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

/** The funding list under publicity (公示). */
export interface Publicity {
  publicityEndsAt: string | null;
  items: {
    id: string;
    title: string;
    category: string;
    organizationName: string;
    awardFen: number;
    selected: boolean;
    own: boolean;
  }[];
}

export interface Objection {
  id: string;
  proposalId: string;
  proposalTitle: string;
  text: string;
  status: 'pending' | 'upheld' | 'dismissed';
  filedAt: string;
  /** Administrators only: the objecting organisation. */
  filedBy?: string;
  decision: string | null;
  decidedAt: string | null;
}

export interface CommunityRecord {
  organizationId: string;
  organizationName: string;
  organizationStatus: string | null;
  recordNo: string;
  recordedOn: string;
  recordedBy: string;
}

export interface RoundFigures {
  proposalsByStatus: Record<string, number>;
  judges: {
    phase: Phase;
    judgeId: string;
    count: number;
    mean: number;
    sd: number;
    min: number | null;
    max: number | null;
  }[];
  funds: {
    budgetFen: number;
    committedFen: number;
    paidFen: number;
    budget: string;
    committed: string;
    paid: string;
    uncommitted: string;
  };
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
