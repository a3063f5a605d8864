import type { Router } from 'express';
import * as C from '../../contract/competition';
import { competitionPolicySchema } from '../../domain/competition/policy';
import type { Phase } from '../../domain/competition/stages';
import {
  endScoreDraft as endDraft,
  saveScoreDraft,
} from '../../operations/competition/save-score-draft';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { proposalFor, roundFor } from '../competition-access';
import { operate } from '../operations';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/competition';

const TAG = '公益创投';
const SCORING_STAGE: Record<Phase, string> = { first: 'first_scoring', roadshow: 'roadshow' };

/** A judge's score-sheet draft kept on the server (operations/competition/save-score-draft.ts). */

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
      const d = await operate(() =>
        saveScoreDraft(db, {
          key,
          roundId: p.roundId,
          scoringOpen: round.stage === SCORING_STAGE[params.phase],
          rubric: competitionPolicySchema.parse(round.settings).rubric,
          criteria: body.criteria,
          comment: body.comment,
        }),
      );
      return { draft: toJson(d) };
    },
  );
}

/** A submitted score ends the judge's draft of that proposal and phase. */
export async function endScoreDraft(deps: AppDeps, id: string, phase: Phase, judgeId: string) {
  await endDraft(deps.db, { proposalId: id, phase, judgeId });
}
