import { z } from 'zod';
import type { Criterion } from '../../domain/competition/policy';
import type { Phase } from '../../domain/competition/stages';
import type { Db, Prisma } from '../../lib/db';
import { Refused } from '../refused';

/*
 * A judge's score-sheet draft kept on the server, so it follows the judge to another browser.
 * A draft is not a decision: nobody else reads it and nothing depends on it, so it needs no
 * workflow (and no history or audit entry); only the submitted score goes through the workflow.
 */

/** Each value present must be a whole number within its criterion's maximum; none may be unknown. */
function refuseOffRubric(rubric: Criterion[], criteria: Record<string, number>) {
  const range = (c: Criterion) => `“${c.name}”的分数应为 0 至 ${c.max} 之间的整数`;
  const schema = z.strictObject(
    Object.fromEntries(
      rubric.map((c) => [
        c.key,
        z.number().int(range(c)).min(0, range(c)).max(c.max, range(c)).optional(),
      ]),
    ),
  );
  const r = schema.safeParse(criteria);
  if (r.success) return;
  const problems = r.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: `body.criteria.${k}`, message: `本轮没有评分指标“${k}”` }))
      : [{ path: ['body', 'criteria', ...i.path.map(String)].join('.'), message: i.message }],
  );
  throw new Refused('unprocessable', problems.map((x) => x.message).join('；'), problems);
}

/** Saves the judge's draft for one proposal and phase while that phase's scoring is open. */
export async function saveScoreDraft(
  db: Db,
  input: {
    key: { proposalId: string; phase: Phase; judgeId: string };
    roundId: string;
    scoringOpen: boolean;
    rubric: Criterion[];
    criteria: Record<string, number>;
    comment: string;
  },
) {
  if (!input.scoringOpen) throw new Refused('conflict', '该评审环节未开放或已截止');
  refuseOffRubric(input.rubric, input.criteria);
  const data = { criteria: input.criteria as Prisma.InputJsonValue, comment: input.comment };
  return db.competitionScoreDraft.upsert({
    where: { proposalId_phase_judgeId: input.key },
    create: { ...input.key, roundId: input.roundId, ...data },
    update: data,
  });
}

/** A submitted score ends the judge's draft of that proposal and phase. */
export async function endScoreDraft(
  db: Db,
  input: { proposalId: string; phase: Phase; judgeId: string },
): Promise<void> {
  await db.competitionScoreDraft.deleteMany({ where: input });
}
