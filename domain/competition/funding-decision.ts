/**
 * The funding decision of a competition proposal (资助决定书, issue 15 point 7): its number's
 * word, its title, and the document key its seal is stored under. Plain data for every layer.
 */

/** 钟民创资字〔2026〕第0001号: the word between the authority's short name and the year. */
export const FUNDING_DECISION_WORD = '创资';
export const FUNDING_DECISION_TITLE = '公益创投项目资助决定书';

/** The seal's document key of a proposal's funding decision. */
export const fundingDecisionKey = (proposalId: string) =>
  `competition-funding-decision:${proposalId}`;
