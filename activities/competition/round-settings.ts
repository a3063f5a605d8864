import { type CompetitionPolicy, competitionPolicySchema } from '../../domain/competition/policy';
import type { Db } from '../../lib/db';
import { ACTIVITY_ERRORS, nonRetryable } from '../errors';

/** The settings a round was opened with (stored on the round; rule changes never move it). */
export async function roundSettings(db: Db, roundId: string) {
  const round = await db.competitionRound.findUnique({ where: { id: roundId } });
  if (!round) throw nonRetryable(ACTIVITY_ERRORS.NOT_FOUND, `没有找到创投轮次 ${roundId}`);
  const policy: CompetitionPolicy = competitionPolicySchema.parse(round.settings);
  return { round, policy };
}
