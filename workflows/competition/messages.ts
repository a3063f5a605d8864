import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CompetitionPolicy } from '../../domain/competition/policy';

/**
 * The competition workflows' contract (round and proposal), importable by the API and tests
 * without pulling in workflow code. Every human decision is an Update whose validator refuses an
 * illegal transition synchronously; the API answers 409 (or 422 for bad content) with the reason.
 */

export interface Actor {
  id: string;
  name: string;
  role: string;
}
export interface WithActor {
  actor: Actor;
}

export const PHASES = ['first', 'roadshow'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABEL: Record<Phase, string> = {
  first: '初评（专家评审）',
  roadshow: '路演答辩',
};

export const ROUND_STAGES = [
  'call_open',
  'eligibility_review',
  'first_scoring',
  'first_scored',
  'roadshow',
  'scored',
  'publicity',
  'implementing',
  'closed',
] as const;
export type RoundStage = (typeof ROUND_STAGES)[number];

export interface RoundInput {
  roundId: string;
  title: string;
  policy: CompetitionPolicy;
  callOpensAt: number;
  callClosesAt: number;
  /** Tests lower this to exercise continue-as-new; production follows the server's hint. */
  maxHistoryEvents?: number;
}

export interface RoundState {
  stage: RoundStage;
  /** Proposals per organisation (the one-per-organisation rule). */
  perOrg: Record<string, number>;
  proposals: number;
  publicityEndsAt: number | null;
  pendingObjections: string[];
  summary: Record<string, unknown>;
}

export interface RoundView {
  roundId: string;
  title: string;
  stage: RoundStage;
  proposals: number;
  callOpensAt: string;
  callClosesAt: string;
  publicityEndsAt: string | null;
  pendingObjections: number;
  summary: Record<string, unknown>;
}

export const roundWorkflowId = (roundId: string) => `competition-round-${roundId}`;
export const proposalWorkflowId = (proposalId: string) => `competition-proposal-${proposalId}`;

export interface SubmitArgs extends WithActor {
  proposalId: string;
  organizationId: string;
  category: string;
  requestedFen: number;
  capFen: number;
}
export const submitProposalUpdate = defineUpdate<{ proposalId: string; seq: number }, [SubmitArgs]>(
  'submitProposal',
);
export const closeCallUpdate = defineUpdate<RoundView, [WithActor]>('closeCall');
export const openScoringUpdate = defineUpdate<RoundView, [WithActor & { phase: Phase }]>(
  'openScoring',
);
export const closeScoringUpdate = defineUpdate<RoundView, [WithActor & { phase: Phase }]>(
  'closeScoring',
);
export const decideFundingUpdate = defineUpdate<
  RoundView,
  [WithActor & { panelAmounts: Record<string, number> }]
>('decideFunding');
export const fileObjectionUpdate = defineUpdate<
  { objectionId: string },
  [WithActor & { objectionId: string; proposalId: string; text: string }]
>('fileObjection');
export const decideObjectionUpdate = defineUpdate<
  RoundView,
  [WithActor & { objectionId: string; uphold: boolean; decision: string }]
>('decideObjection');
export const closeRoundUpdate = defineUpdate<RoundView, [WithActor]>('closeRound');
export const roundStatusQuery = defineQuery<RoundView>('roundStatus');

// ── the proposal (child workflow) ──

export const PROPOSAL_STATUSES = [
  'submitted',
  'rejected',
  'qualified',
  'not_shortlisted',
  'shortlisted',
  'not_funded',
  'selected',
  'agreement_signed',
  'in_progress',
  'midterm_passed',
  'suspended',
  'terminated',
  'final_passed',
  'final_tranche_withheld',
  'closed',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Statuses after which the proposal's workflow has ended. */
export const PROPOSAL_FINAL: readonly ProposalStatus[] = [
  'rejected',
  'not_shortlisted',
  'terminated',
  'final_tranche_withheld',
  'closed',
];

export interface ProposalInput {
  roundId: string;
  proposalId: string;
  organizationId: string;
  seq: number;
  submittedAt: number;
  requestedFen: number;
  rubric: CompetitionPolicy['rubric'];
  tranchePercents: number[];
  midterm: CompetitionPolicy['midterm'];
  finalPassMark: number;
}

export interface Tranche {
  n: number;
  amountFen: number;
  status: 'blocked' | 'payable' | 'ordered' | 'paid' | 'withheld';
  orderedBy: Actor | null;
  confirmedBy: Actor | null;
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

/** News from the round: its stage, a panel, a phase outcome, a funding decision. */
export type RoundNews =
  | { kind: 'stage'; stage: RoundStage }
  | { kind: 'panel'; phase: Phase; judges: string[] }
  | { kind: 'phase_closed'; phase: Phase; advanced: boolean; rank: number; score: number }
  | { kind: 'funding'; selected: boolean; awardFen: number; reason: string }
  | { kind: 'publicity_closed' };
export const roundNewsSignal = defineSignal<[RoundNews]>('roundNews');

export const qualifyUpdate = defineUpdate<
  ProposalView,
  [WithActor & { pass: boolean; reasons: string[] }]
>('qualify');
export const declareUpdate = defineUpdate<
  ProposalView,
  [WithActor & { phase: Phase; conflict: boolean; note: string }]
>('declare');
export const scoreUpdate = defineUpdate<
  ProposalView,
  [WithActor & { phase: Phase; criteria: Record<string, number>; comment: string }]
>('score');
export const signAgreementUpdate = defineUpdate<
  ProposalView,
  [WithActor & { agreementNo: string }]
>('signAgreement');
export const orderPaymentUpdate = defineUpdate<ProposalView, [WithActor & { tranche: number }]>(
  'orderPayment',
);
export const confirmPaymentUpdate = defineUpdate<ProposalView, [WithActor & { tranche: number }]>(
  'confirmPayment',
);
export const evaluateUpdate = defineUpdate<
  ProposalView,
  [WithActor & { stage: 'midterm' | 'final'; score: number; report: string }]
>('evaluate');
export const terminateUpdate = defineUpdate<
  ProposalView,
  [WithActor & { reason: string; clawbackFen: number }]
>('terminate');
export const proposalStatusQuery = defineQuery<ProposalView>('proposalStatus');
