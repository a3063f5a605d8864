import type { EvaluationClient } from '../client/evaluation-client';
import { startOfLocalDay } from '../domain/calendar';
import type { Db } from '../lib/db';
import { loadEvaluationPolicy } from '../lib/rules/load-evaluation-rules';

/**
 * Puts every active grade that was imported (not awarded by a campaign, which starts its own)
 * under a grade workflow, so that it expires, reminds and is downgraded like any other.
 * Idempotent: a running grade workflow is left as it is. Returns how many were handed over.
 */
export async function watchImportedGrades(
  deps: { db: Db; evaluation: EvaluationClient; districtCode: string },
  organizationIds?: string[],
): Promise<number> {
  const grades = await deps.db.grade.findMany({
    where: {
      status: 'active',
      source: 'import',
      ...(organizationIds ? { organizationId: { in: organizationIds } } : {}),
    },
  });
  if (grades.length === 0) return 0;
  const { policy } = await loadEvaluationPolicy(deps.db, deps.districtCode, Date.now());
  for (const g of grades) {
    const expiresOn = g.expiresOn.toISOString().slice(0, 10);
    await deps.evaluation.watchGrade({
      organizationId: g.organizationId,
      grade: {
        id: g.id,
        level: g.level,
        awardedOn: g.awardedOn.toISOString().slice(0, 10),
        expiresOn,
        expiresAt: startOfLocalDay(expiresOn),
        hasCertificate: g.level >= policy.certificateMinLevel,
      },
    });
  }
  return grades.length;
}
