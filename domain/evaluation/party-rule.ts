import type { OrganizationProfile } from '../organization/profile';
import type { EvaluationPolicy } from './policy';

export interface LevelDecision {
  level: number;
  /** Why the level is lower than the score's, when a rule lowered it. */
  reason: string | null;
}

/**
 * §4.5 rule 4: when the policy asks for it, a file scored into 5A without a recorded Party
 * organisation is graded 4A, and the decision says why. A profile with nothing recorded counts
 * as having none.
 */
export function applyPartyOrganizationRule(
  level: number,
  profile: Pick<OrganizationProfile, 'partyOrganization'>,
  policy: Pick<EvaluationPolicy, 'fiveARequiresPartyOrganization'>,
): LevelDecision {
  if (level < 5 || !policy.fiveARequiresPartyOrganization) return { level, reason: null };
  if (profile.partyOrganization?.present) return { level, reason: null };
  return { level: 4, reason: '评估得分达到5A，但该组织未建立党组织，按规定评为4A' };
}
