import { addCalendarMonths } from '../calendar';

export interface ExpertFacts {
  accountId: string;
  /** The organisation the expert's own account belongs to (same person), if any. */
  organizationId: string | null;
  employments: { organizationId: string; startedOn: string; endedOn: string | null }[];
}

/**
 * §4.1 recusal the system can see: the expert is the organisation's own person, works for it,
 * or left it less than `lookbackYears` ago. Returns the reason, or null.
 */
export function visibleConflict(
  expert: ExpertFacts,
  organizationId: string,
  day: string,
  lookbackYears: number,
): string | null {
  if (expert.organizationId === organizationId) return '评估专家是该组织的人员';
  const since = addCalendarMonths(day, -12 * lookbackYears);
  for (const e of expert.employments) {
    if (e.organizationId !== organizationId) continue;
    if (e.endedOn === null) return '评估专家现任职于该组织';
    if (e.endedOn > since) return `评估专家离开该组织未满${lookbackYears}年`;
  }
  return null;
}
