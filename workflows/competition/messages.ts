import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, WithActor } from '../../domain/actor';
import type { CompetitionPolicy } from '../../domain/competition/policy';
import {
  type Phase,
  type ProposalStatus,
  ROUND_NEWS_SIGNAL,
  ROUND_NEWS_UPDATE,
  type RoundStage,
} from '../../domain/competition/stages';

export * from '../../domain/competition/stages';

/**
 * The competition workflows' contract (round and proposal), importable by the API and tests
 * without pulling in workflow code. Every human decision is an Update whose validator refuses an
 * illegal transition synchronously; the API answers 409 (or 422 for bad content) with the reason.
 */

export type { Actor, WithActor } from '../../domain/actor';

/** Round news the API read from the projection, carried by a person's action on a proposal. */
export interface WithNews {
  news?: RoundNews[];
}

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
  /** Pieces of round news still being delivered to the proposals in the background. */
  newsPending?: number;
  summary: Record<string, unknown>;
}

export interface SubmitArgs extends WithActor {
  proposalId: string;
  organizationId: string;
  category: string;
  requestedFen: number;
  capFen: number;
}
/** Rounds started before proposals were accepted by the API took each submission as an Update. */
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
export const roundNewsSignal = defineSignal<[RoundNews]>(ROUND_NEWS_SIGNAL);
export const roundNewsUpdate = defineUpdate<void, [RoundNews]>(ROUND_NEWS_UPDATE);

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

/** The input a proposal's workflow starts with: the round's rubric, tranches and evaluation rules. */
export function proposalInput(
  input: Pick<RoundInput, 'roundId' | 'policy'>,
  a: Pick<SubmitArgs, 'proposalId' | 'organizationId' | 'requestedFen'>,
  seq: number,
  now: number,
): ProposalInput {
  const p = input.policy;
  return {
    roundId: input.roundId,
    proposalId: a.proposalId,
    organizationId: a.organizationId,
    seq,
    submittedAt: now,
    requestedFen: a.requestedFen,
    rubric: p.rubric,
    tranchePercents: p.tranchePercents,
    midterm: p.midterm,
    finalPassMark: p.finalPassMark,
  };
}
