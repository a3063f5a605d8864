import { type ScoreSheet, validateSheet } from '../../domain/evaluation/scoring';
import type { Db, Prisma } from '../../lib/db';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import { Refused } from '../refused';

/**
 * An expert's score sheet saved as a draft, checked against the indicators of the organisation's
 * legal form (a draft may be incomplete). A draft is the expert's working copy, not a decision:
 * the sheet submitted through the file's workflow is what the trail records.
 */
export async function saveScoreSheetDraft(
  db: Db,
  input: {
    file: { id: string; organizationId: string };
    seatStatus: string | undefined;
    evaluatorId: string;
    sheet: ScoreSheet;
    districtCode: string;
  },
) {
  const { file, evaluatorId, sheet } = input;
  if (input.seatStatus !== 'cleared')
    throw new Refused('conflict', '请先声明是否存在需要回避的情形');
  const key = { fileId_evaluatorId: { fileId: file.id, evaluatorId } };
  const existing = await db.evaluationScoreSheet.findUnique({ where: key });
  if (existing?.status === 'submitted') throw new Refused('conflict', '评分表已经提交，不能再修改');
  const org = await db.organization.findUniqueOrThrow({ where: { id: file.organizationId } });
  const { policy } = await loadEvaluationPolicy(db, input.districtCode, Date.now());
  const tree = policy.indicators[org.legalForm ?? 'social_group'];
  const problems = validateSheet(sheet, tree, policy, { complete: false });
  if (problems.length) throw new Refused('unprocessable', problems.join('；'));
  const data = { scores: sheet as unknown as Prisma.InputJsonValue, total: 0, status: 'draft' };
  await db.evaluationScoreSheet.upsert({
    where: key,
    create: { fileId: file.id, evaluatorId, ...data },
    update: data,
  });
  return { tree };
}
