/**
 * Names shared by the competition workflows, their activities and the API: phases, stages,
 * statuses and workflow ids. Plain data, so every layer may import it.
 */

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

/** Words for a round's stages, on its pages and in its exports. */
export const ROUND_STAGE_LABEL: Record<RoundStage, string> = {
  call_open: '征集中',
  eligibility_review: '资格审查',
  first_scoring: '初评打分中',
  first_scored: '初评已汇总',
  roadshow: '路演答辩打分中',
  scored: '评审已结束',
  publicity: '资助名单公示中',
  implementing: '项目实施',
  closed: '本轮已结束',
};

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
  /** Accepted by the API but its workflow never started (the round records it, see round-workflow). */
  'start_failed',
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

export const roundWorkflowId = (roundId: string) => `competition-round-${roundId}`;
export const proposalWorkflowId = (proposalId: string) => `competition-proposal-${proposalId}`;

/** The signal name of round news to a proposal (activities send it through the client). */
export const ROUND_NEWS_SIGNAL = 'roundNews';
/** The same news as an Update: it returns once the proposal has applied it. */
export const ROUND_NEWS_UPDATE = 'applyRoundNews';
