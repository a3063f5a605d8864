import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

/**
 * A judge declares ties to applying organisations (利益关联); assignment then passes them by.
 * The declarations go into the round's trail (`competition_round`).
 */
export async function declareConflicts(
  db: Db,
  input: { roundId: string; organizationIds: string[]; reason: string; judge: Actor },
) {
  const onPanel = await db.competitionJudge.count({
    where: { roundId: input.roundId, accountId: input.judge.id },
  });
  if (!onPanel) throw new Refused('not_found', '没有找到该创投轮次');
  await audited(db, {
    subjectType: 'competition_round',
    subjectId: input.roundId,
    actor: input.judge,
    action: 'conflicts_declared',
    reason: input.reason,
    write: async (tx) => {
      await tx.competitionConflict.createMany({
        skipDuplicates: true,
        data: input.organizationIds.map((organizationId) => ({
          roundId: input.roundId,
          judgeId: input.judge.id,
          organizationId,
          reason: input.reason,
        })),
      });
      return { value: undefined, details: { organizationIds: input.organizationIds } };
    },
  });
  return { declared: input.organizationIds.length };
}
