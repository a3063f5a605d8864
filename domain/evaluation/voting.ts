import type { EvaluationPolicy } from './policy';

export interface Tally {
  members: number;
  present: number;
  approvals: number;
  quorum: boolean;
  approved: boolean;
}

/**
 * §4.5 rule 7: quorum ≥ ⅔ of all members present (everyone who voted was present);
 * approval needs more than half of *all* members, not of those present.
 */
export function tallyVotes(
  members: string[],
  votes: { memberId: string; approve: boolean }[],
  rule: EvaluationPolicy['committee'],
): Tally {
  const valid = votes.filter((v) => members.includes(v.memberId));
  const present = new Set(valid.map((v) => v.memberId)).size;
  const approvals = valid.filter((v) => v.approve).length;
  const quorum = present * rule.quorumDenominator >= members.length * rule.quorumNumerator;
  return {
    members: members.length,
    present,
    approvals,
    quorum,
    approved: quorum && approvals * 2 > members.length,
  };
}
