import { randomUUID } from 'node:crypto';
import { localDateOf } from '../../domain/calendar';
import { decideEligibility } from '../../domain/evaluation/eligibility';
import { nextCounterIn } from '../../lib/counter';
import { type Db, Prisma } from '../../lib/db';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import { Refused } from '../refused';

/**
 * An organisation's application in a campaign's window (自评与证明材料), numbered PG-<year>-<seq>
 * gap-free per campaign year. Refused as it applies, with every reason, not weeks later when the
 * window closes (§4.5 rule 1: eligibility on the profile as it stands on the application date).
 * The campaign's workflow picks the file up and writes its trail.
 */
export async function applyForEvaluation(
  db: Db,
  input: {
    campaign: {
      id: string;
      year: number;
      phase: string;
      windowOpensAt: Date;
      windowClosesAt: Date;
    };
    organizationId: string | null;
    appliedById: string;
    selfScore: number;
    selfAssessment: string;
    evidenceFileIds: string[];
    districtCode: string;
    workflowIdOf: (fileId: string) => string;
  },
) {
  const c = input.campaign;
  const now = Date.now();
  if (
    c.phase !== 'application_window' ||
    now < c.windowOpensAt.getTime() ||
    now >= c.windowClosesAt.getTime()
  )
    throw new Refused('conflict', '不在申报期内，不能提交评估申请');
  const org = input.organizationId;
  if (!org) throw new Refused('forbidden', '账号未关联社会组织');
  const owned = await db.storedFile.count({
    where: { id: { in: input.evidenceFileIds }, organizationId: org },
  });
  if (owned !== new Set(input.evidenceFileIds).size)
    throw new Refused('unprocessable', '证明材料须是本组织上传的文件');
  const profile = await loadOrganizationProfile(db, org);
  if (!profile) throw new Refused('not_found', '没有找到本组织的档案');
  const { policy } = await loadEvaluationPolicy(db, input.districtCode, now);
  const eligibility = decideEligibility(profile, localDateOf(now), policy);
  if (!eligibility.eligible)
    throw new Refused(
      'unprocessable',
      `不符合评估申报条件：${eligibility.reasons.join('；')}`,
      eligibility.reasons.map((message) => ({ path: 'organization', message })),
    );
  const id = randomUUID();
  try {
    return await db.$transaction(async (tx) => {
      const seq = await nextCounterIn(tx, `evaluation-file:${c.year}`);
      return tx.evaluationFile.create({
        data: {
          id,
          fileNo: `PG-${c.year}-${String(seq).padStart(4, '0')}`,
          campaignId: c.id,
          organizationId: org,
          workflowId: input.workflowIdOf(id),
          appliedAt: new Date(now),
          appliedById: input.appliedById,
          selfScore: input.selfScore,
          selfAssessment: input.selfAssessment,
          evidenceFileIds: input.evidenceFileIds,
          profileSnapshot: profile as unknown as Prisma.InputJsonValue,
        },
      });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw new Refused('conflict', '本组织已经申报了本年度的评估');
    throw err;
  }
}
