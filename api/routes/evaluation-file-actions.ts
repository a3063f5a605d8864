import type { Router } from 'express';
import type { z } from 'zod';
import * as E from '../../contract/evaluation';
import { localDateOf } from '../../domain/calendar';
import { expertCandidates } from '../../lib/evaluation-expert-pool';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import * as m from '../../workflows/evaluation/messages';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { actorOf, evaluationFileFor } from '../evaluation-access';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
import type { EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估';
type Role =
  | 'evaluator'
  | 'applicant'
  | 'committee_member'
  | 'administrator'
  | 'section_head'
  | 'agency';

interface Action {
  path: string;
  summary: string;
  access: readonly Role[];
  body: z.ZodType;
  update: m.FileUpdate;
  /** Turns the body into the Update's arguments (the actor is added for every action). */
  args?: (body: never) => object;
  /** The refusal once the file is finished. */
  whenClosed?: string | ((status: m.FileStatus) => string);
  /** Checks on other records before the Update is sent (they answer 4xx). */
  guard?: (
    deps: EvaluationDeps,
    file: { id: string; organizationId: string },
    body: never,
  ) => Promise<void>;
}

/** Disqualification on an upheld complaint must name a complaint about this very file. */
async function upheldComplaintGuard(
  { db }: EvaluationDeps,
  file: { id: string },
  body: { ground: string; complaintId?: string | undefined },
) {
  if (body.ground !== 'complaint_upheld') return;
  if (!body.complaintId)
    throw new AppError('unprocessable', '以举报成立为由取消资格的，须指明该举报');
  const c = await db.evaluationComplaint.findUnique({ where: { id: body.complaintId } });
  if (!c || c.fileId !== file.id)
    throw new AppError('unprocessable', '所指明的举报不是针对该评估事项的');
  if (c.status !== 'upheld') throw new AppError('conflict', '所指明的举报尚未经复核委员会裁定成立');
}

/** The office's replacements: each from the district's pool, free of any conflict it shows. */
async function seatableGuard(
  deps: EvaluationDeps,
  file: { id: string; organizationId: string },
  body: { evaluatorIds: string[] },
) {
  const seated = await deps.db.evaluationAssignment.findMany({
    where: { fileId: file.id },
    select: { evaluatorId: true },
  });
  const { policy } = await loadEvaluationPolicy(deps.db, deps.config.DISTRICT_CODE, Date.now());
  const pool = await expertCandidates(deps.db, {
    districtCode: deps.config.DISTRICT_CODE,
    organizationId: file.organizationId,
    day: localDateOf(Date.now()),
    lookbackYears: policy.experts.conflictLookbackYears,
    exclude: seated.map((x) => x.evaluatorId),
    only: body.evaluatorIds,
  });
  const problems = body.evaluatorIds.flatMap((id, i) => {
    const c = pool.find((x) => x.id === id);
    const path = `body.evaluatorIds.${i}`;
    if (!c) return [{ path, message: '不在本区评估专家库中，或已在（曾在）本事项专家组中' }];
    return c.conflict ? [{ path, message: `${c.name}：${c.conflict}，应当回避` }] : [];
  });
  if (problems.length)
    throw new AppError('unprocessable', problems.map((p) => p.message).join('；'), problems);
}

export const ACTIONS: Action[] = [
  {
    path: 'declare-conflict',
    summary: '评估专家声明有无回避情形（查阅材料前）',
    access: ['evaluator'],
    body: S.ZDeclareConflictRequest,
    update: m.declareConflictUpdate,
  },
  {
    path: 'recusal-request',
    summary: '被评估组织申请评估专家回避',
    access: ['applicant'],
    body: S.ZRecusalRequest,
    update: m.requestRecusalUpdate,
  },
  {
    path: 'submit-sheet',
    summary: '评估专家提交评分表（只能提交一次）',
    access: ['evaluator'],
    body: S.ZScoreSheetRequest,
    update: m.submitSheetUpdate,
    args: (b: { scores: Record<string, number>; bonus: number }) => ({ sheet: b }),
  },
  {
    path: 'seat-experts',
    summary: '评估办公室从专家库增补评估专家（专家组不足规定人数时）',
    access: ['administrator', 'section_head'],
    body: S.ZSeatExpertsRequest,
    update: m.seatExpertsUpdate,
    guard: seatableGuard as Action['guard'],
  },
  {
    path: 'vote',
    summary: '评估委员会委员记名表决',
    access: ['committee_member'],
    body: S.ZVoteRequest,
    update: m.voteUpdate,
  },
  {
    path: 'close-vote',
    summary: '评估委员会计票（法定人数与全体委员过半数）',
    access: ['administrator'],
    body: S.ZEmptyRequest,
    update: m.closeVoteUpdate,
  },
  {
    path: 'upward-result',
    summary: '登记上级民政部门的评定结果（4A、5A）',
    access: ['administrator'],
    body: S.ZUpwardResultRequest,
    update: m.recordUpwardResultUpdate,
  },
  {
    path: 'review-request',
    summary: '被评估组织在公示期内提出异议或申请复核',
    access: ['applicant'],
    body: S.ZReviewRequest,
    update: m.requestReviewUpdate,
    whenClosed: '公示期已结束，不能提出异议或申请复核',
  },
  {
    path: 'review-vote',
    summary: '复核委员会委员记名表决',
    access: ['committee_member'],
    body: S.ZVoteRequest,
    update: m.reviewVoteUpdate,
  },
  {
    path: 'close-review',
    summary: '复核委员会计票并作出复核结论',
    access: ['administrator'],
    body: S.ZEmptyRequest,
    update: m.closeReviewUpdate,
  },
  {
    path: 'disqualify',
    summary: '评估办公室取消组织本次评估资格（确认等级前，须说明事由；初评得分作废）',
    access: ['administrator', 'section_head'],
    body: S.ZDisqualifyRequest,
    update: m.disqualifyUpdate,
    whenClosed: (status) =>
      status === 'confirmed'
        ? '评估等级已经确认，不能再取消评估资格；如有违规情形，请依法撤销评估等级'
        : status === 'disqualified'
          ? '该组织已被取消本次评估资格'
          : '该评估事项已经办结，不能取消评估资格',
    guard: upheldComplaintGuard as Action['guard'],
  },
];

/** Every decision on a file, each one workflow Update. */
export function registerEvaluationFileActions(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, evaluation } = deps;

  for (const a of ACTIONS) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/evaluation/files/:id/${a.path}`,
        tag: TAG,
        summary: a.summary,
        access: a.access,
        params: uuidParam,
        body: a.body,
        headers: DECISION_HEADERS,
        response: { status: 200, description: '办理后的评估事项', schema: E.ZFileView },
        problems: ['not_found', 'conflict', 'forbidden', 'unprocessable', 'unavailable'],
      },
      async ({ params, body, session, req }) => {
        const { file } = await evaluationFileFor(db, params.id, session!);
        const key = await claimDecisionKey(db, { req, params, body, session: session! });
        // A retry under its key collects the first outcome, even when that one ended the file.
        if (!key?.replay) {
          const view = await evaluation.fileStatus(file.id);
          if (!view) throw new AppError('conflict', '该评估事项尚未进入评估流程（申报期未截止）');
          // A finished file's workflow takes no more Updates: say why instead of "not found".
          if (m.FINAL_FILE_STATUSES.includes(view.status)) {
            const why =
              typeof a.whenClosed === 'function' ? a.whenClosed(view.status) : a.whenClosed;
            throw new AppError('conflict', why ?? '该评估事项已经办结');
          }
        }
        await a.guard?.(deps, file, body as never);
        const mapped = a.args ? a.args(body as never) : (body ?? {});
        return evaluation.updateFile(
          file.id,
          a.update,
          { ...mapped, actor: actorOf(session!) },
          key?.updateId,
        );
      },
    );
  }
}
