import {
  type CampaignStage,
  campaignStages,
  type Span,
} from '../domain/evaluation/campaign-stages';
import type { EvaluationCampaign } from '../generated/prisma/client';
import type { Db } from '../lib/db';

/** File audit actions that mark each phase of the campaign (see campaign-stages.ts). */
const EVENTS = {
  opened: ['experts_assigned', 'eligibility_refused'],
  scored: ['scored'],
  decided: ['grade_decided', 'recommended_upward', 'not_graded'],
  publicised: ['grade_decided'],
} as const;

interface Row {
  action: string;
  first: Date;
  last: Date;
  publicity_ends: bigint | null;
}

/**
 * The campaign's phases with their dates, from the campaign row, its files' statuses and the
 * first and last time of the file events in the audit log (one query each).
 */
export async function loadCampaignStages(
  db: Db,
  c: EvaluationCampaign,
  statuses: string[],
): Promise<CampaignStage[]> {
  const actions = [...new Set(Object.values(EVENTS).flat())];
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.action, min(a.at) AS first, max(a.at) AS last,
           max((a.details->>'publicityEndsAt')::bigint) AS publicity_ends
    FROM "AuditEntry" a JOIN "EvaluationFile" f ON f.id = a."subjectId"
    WHERE a."subjectType" = 'evaluation_file' AND f."campaignId" = ${c.id}::uuid
      AND a.action = ANY(${actions})
    GROUP BY a.action`;
  const span = (kind: keyof typeof EVENTS): Span | undefined => {
    const hit = rows.filter((r) => (EVENTS[kind] as readonly string[]).includes(r.action));
    if (hit.length === 0) return undefined;
    const first = Math.min(...hit.map((r) => r.first.getTime()));
    const last = Math.max(...hit.map((r) => r.last.getTime()));
    return { first: new Date(first).toISOString(), last: new Date(last).toISOString() };
  };
  const ends = rows.find((r) => r.action === 'grade_decided')?.publicity_ends ?? null;
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return campaignStages({
    phase: c.phase,
    noticeAt: c.noticeAt.toISOString(),
    windowOpensAt: c.windowOpensAt.toISOString(),
    windowClosesAt: c.windowClosesAt.toISOString(),
    applicationsClosedAt: iso(c.applicationsClosedAt),
    closedAt: iso(c.closedAt),
    statuses: counts,
    events: {
      opened: span('opened'),
      scored: span('scored'),
      decided: span('decided'),
      publicised: span('publicised'),
    },
    lastPublicityEndsAt: ends === null ? null : new Date(Number(ends)).toISOString(),
  });
}
