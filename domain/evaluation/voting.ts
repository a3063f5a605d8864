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

/** DOMAIN §4.1: the committee has 7–25 members and the review committee 5–9 (policy ranges). */
export function committeeSizeProblems(
  sizes: { committee: number; review: number },
  rule: Pick<
    EvaluationPolicy['committee'],
    'minMembers' | 'maxMembers' | 'reviewMinMembers' | 'reviewMaxMembers'
  >,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (sizes.committee < rule.minMembers || sizes.committee > rule.maxMembers)
    out.push({
      path: 'body.committeeIds',
      message: `评估委员会须有 ${rule.minMembers}–${rule.maxMembers} 名委员，现为 ${sizes.committee} 名`,
    });
  if (sizes.review < rule.reviewMinMembers || sizes.review > rule.reviewMaxMembers)
    out.push({
      path: 'body.reviewCommitteeIds',
      message: `复核委员会须有 ${rule.reviewMinMembers}–${rule.reviewMaxMembers} 名委员，现为 ${sizes.review} 名`,
    });
  return out;
}
