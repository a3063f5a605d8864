import { randomUUID } from 'node:crypto';
import { committeeSizeProblems } from '../../domain/evaluation/voting';
import { type Db, Prisma } from '../../lib/db';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import { Refused } from '../refused';

/**
 * The year's evaluation campaign (评估通知) with its two committees, one per year and district.
 * The caller starts its workflow, which writes the campaign's trail.
 */
export async function openCampaign(
  db: Db,
  input: {
    districtCode: string;
    year: number;
    title: string;
    windowOpensAt: number;
    windowClosesAt: number;
    committeeIds: string[];
    reviewCommitteeIds: string[];
    openedById: string;
    workflowIdOf: (campaignId: string) => string;
  },
): Promise<{ id: string }> {
  if (input.windowClosesAt <= input.windowOpensAt)
    throw new Refused('unprocessable', '申报截止时间须晚于开始时间');
  const { policy } = await loadEvaluationPolicy(db, input.districtCode, Date.now());
  const sizes = committeeSizeProblems(
    {
      committee: new Set(input.committeeIds).size,
      review: new Set(input.reviewCommitteeIds).size,
    },
    policy.committee,
  );
  if (sizes.length)
    throw new Refused('unprocessable', sizes.map((p) => p.message).join('；'), sizes);
  const members = [...input.committeeIds, ...input.reviewCommitteeIds];
  const found = await db.account.count({
    where: { id: { in: members }, role: 'committee_member', active: true },
  });
  if (found !== new Set(members).size)
    throw new Refused('unprocessable', '委员须为在册的评估委员会委员账号');
  const id = randomUUID();
  try {
    await db.evaluationCampaign.create({
      data: {
        id,
        workflowId: input.workflowIdOf(id),
        districtCode: input.districtCode,
        year: input.year,
        title: input.title,
        noticeAt: new Date(),
        windowOpensAt: new Date(input.windowOpensAt),
        windowClosesAt: new Date(input.windowClosesAt),
        committeeIds: input.committeeIds,
        reviewCommitteeIds: input.reviewCommitteeIds,
        openedById: input.openedById,
      },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw new Refused('conflict', `${input.year}年度的评估活动已经开启`);
    throw err;
  }
  return { id };
}
