import { localDateOf } from '../domain/calendar';
import { type DistrictFigures, districtFigures } from '../domain/evaluation/figures';
import type { Db } from '../lib/db';
import { loadEvaluationPolicy } from '../lib/rules/load-evaluation-rules';
import { loadTargets } from '../lib/rules/load-targets';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The district's grade figures, one computation for the evaluation figures and the dashboard:
 * the district's registered organisations (positions 3–8 of the credit code), those registered
 * long enough to be due for evaluation, and the share holding a valid grade against the target.
 */
export async function gradeFigures(
  db: Db,
  districtCode: string,
  now: number,
): Promise<DistrictFigures> {
  const [{ policy }, targets] = await Promise.all([
    loadEvaluationPolicy(db, districtCode, now),
    loadTargets(db, districtCode, now),
  ]);
  const orgs = await db.$queryRaw<{ id: string; registeredAt: Date | null }[]>`
    SELECT id::text AS id, "registeredAt" FROM "Organization"
    WHERE status = 'registered' AND substring("creditCode" from 3 for 6) = ${districtCode}`;
  const grades = await db.grade.findMany({
    where: { organizationId: { in: orgs.map((o) => o.id) }, status: 'active' },
  });
  return districtFigures(
    orgs.map((o) => ({
      id: o.id,
      registeredOn: o.registeredAt ? localDateOf(o.registeredAt.getTime()) : null,
    })),
    grades.map((g) => ({
      organizationId: g.organizationId,
      level: g.level,
      awardedOn: day(g.awardedOn),
      expiresOn: day(g.expiresOn),
      status: g.status,
    })),
    localDateOf(now),
    { registeredYears: policy.eligibility.registeredYears, target: targets.ratedShareOfDue },
  );
}
