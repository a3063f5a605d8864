import type { Router } from 'express';
import * as E from '../../contract/evaluation';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import { saveScoreSheetDraft } from '../../operations/evaluation/save-score-sheet-draft';
import { evaluationFileFor } from '../evaluation-access';
import { operate } from '../operations';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
import type { EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估';

/** An evaluator's score sheet: the draft saved, the sheet read. */
export function registerEvaluationScoreSheets(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/evaluation/files/:id/score-sheet',
      tag: TAG,
      summary: '评估专家保存评分表草稿',
      access: ['evaluator'],
      params: uuidParam,
      body: S.ZScoreSheetRequest,
      response: { status: 200, description: '已保存草稿', schema: E.ZSheetSaved },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      const { file, seat } = await evaluationFileFor(db, params.id, session!);
      const { tree } = await operate(() =>
        saveScoreSheetDraft(db, {
          file,
          seatStatus: seat?.status,
          evaluatorId: session!.sub,
          sheet: body,
          districtCode: deps.config.DISTRICT_CODE,
        }),
      );
      return { status: 'draft', sheet: body, indicators: tree };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/files/:id/score-sheet',
      tag: TAG,
      summary: '评估专家查看自己的评分表与指标体系',
      access: ['evaluator'],
      params: uuidParam,
      response: { status: 200, description: '评分表', schema: E.ZSheetAnswer },
      problems: ['not_found', 'conflict'],
    },
    async ({ params, session }) => {
      const { file, seat } = await evaluationFileFor(db, params.id, session!);
      if (seat?.status !== 'cleared')
        throw new AppError('conflict', '请先声明是否存在需要回避的情形');
      const org = await db.organization.findUniqueOrThrow({ where: { id: file.organizationId } });
      const { policy } = await loadEvaluationPolicy(db, deps.config.DISTRICT_CODE, Date.now());
      const sheet = await db.evaluationScoreSheet.findUnique({
        where: { fileId_evaluatorId: { fileId: file.id, evaluatorId: session!.sub } },
      });
      return {
        indicators: policy.indicators[org.legalForm ?? 'social_group'],
        bonusMax: policy.scoring.bonusMax,
        status: sheet?.status ?? 'empty',
        sheet: sheet?.scores ?? null,
        total: sheet?.status === 'submitted' ? sheet.total : null,
      };
    },
  );
}
