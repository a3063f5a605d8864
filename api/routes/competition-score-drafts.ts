import type { Router } from 'express';
import { z } from 'zod';
import * as C from '../../contract/competition';
import { type Criterion, competitionPolicySchema } from '../../domain/competition/policy';
import type { Phase } from '../../domain/competition/stages';
import type { Prisma } from '../../lib/db';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { proposalFor, roundFor } from '../competition-access';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/competition';

const TAG = '公益创投';
const SCORING_STAGE: Record<Phase, string> = { first: 'first_scoring', roadshow: 'roadshow' };

/**
 * A judge's score-sheet draft kept on the server, so it follows the judge to another browser.
 * A draft is not a decision: nobody else reads it and nothing depends on it, so it needs no
 * workflow (and no history or audit entry); only the submitted score goes through the workflow.
 */

/** The judge's own slot: assigned to them in this phase, declared clear and not yet scored. */
async function draftSlot(deps: AppDeps, id: string, phase: Phase, session: Session) {
  const p = await proposalFor(deps.db, id, session);
  const key = { proposalId: p.id, phase, judgeId: session.sub };
  const a = await deps.db.competitionAssignment.findUnique({
    where: { proposalId_phase_judgeId: key },
  });
  if (!a || a.status === 'conflicted') throw new AppError('not_found', '没有找到该项目');
  if (a.status === 'assigned') throw new AppError('conflict', '打开项目前须先作出利益冲突声明');
  if (a.status === 'scored') throw new AppError('conflict', '您已提交该项目的评分，草稿不再保存');
  return { p, key };
}

/** Each value present must be a whole number within its criterion's maximum; none may be unknown. */
function checkAgainstRubric(rubric: Criterion[], criteria: Record<string, number>) {
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
  throw new AppError('unprocessable', problems.map((x) => x.message).join('；'), problems);
}

const toJson = (d: { criteria: unknown; comment: string; updatedAt: Date } | null) =>
  d && { criteria: d.criteria, comment: d.comment, updatedAt: d.updatedAt.toISOString() };

export function registerScoreDrafts(router: Router, registry: RouteRegistry, deps: AppDeps): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competition-proposals/:id/score-draft/:phase',
      tag: TAG,
      summary: '评审本人的评分草稿（未提交）',
      access: ['judge'],
      params: S.ZPhaseParams,
      response: { status: 200, description: '草稿（没有时为 null）', schema: C.ZScoreDraft },
      problems: ['not_found', 'conflict'],
    },
    async ({ params, session }) => {
      const { key } = await draftSlot(deps, params.id, params.phase, session!);
      const d = await db.competitionScoreDraft.findUnique({
        where: { proposalId_phase_judgeId: key },
      });
      return { draft: toJson(d) };
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/competition-proposals/:id/score-draft/:phase',
      tag: TAG,
      summary: '保存评审本人的评分草稿（可不完整；提交评分后草稿即删除）',
      access: ['judge'],
      params: S.ZPhaseParams,
      body: S.ZScoreDraftRequest,
      response: { status: 200, description: '已保存的草稿', schema: C.ZScoreDraft },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      const { p, key } = await draftSlot(deps, params.id, params.phase, session!);
      const round = await roundFor(db, p.roundId);
      if (round.stage !== SCORING_STAGE[params.phase])
        throw new AppError('conflict', '该评审环节未开放或已截止');
      checkAgainstRubric(competitionPolicySchema.parse(round.settings).rubric, body.criteria);
      const data = {
        criteria: body.criteria as Prisma.InputJsonValue,
        comment: body.comment,
      };
      const d = await db.competitionScoreDraft.upsert({
        where: { proposalId_phase_judgeId: key },
        create: { ...key, roundId: p.roundId, ...data },
        update: data,
      });
      return { draft: toJson(d) };
    },
  );
}

/** A submitted score ends the judge's draft of that proposal and phase. */
export async function endScoreDraft(deps: AppDeps, id: string, phase: Phase, judgeId: string) {
  await deps.db.competitionScoreDraft.deleteMany({ where: { proposalId: id, phase, judgeId } });
}
