import { Router } from 'express';
import * as E from '../../contract/evaluation';
import { localDateOf } from '../../domain/calendar';
import { expertCandidates } from '../../lib/evaluation-expert-pool';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import type { Session } from '../auth/session';
import { actorOf, evaluationFileFor, organizationNames, summarizeFile } from '../evaluation-access';
import {
  FILE_COLUMNS,
  FILE_ORDER,
  fileRows,
  fileWhere,
  ZFileExportQuery,
  ZFileListQuery,
} from '../evaluation-file-list';
import { awaitingVotes, fileTrail, namedVotes } from '../evaluation-trail';
import { allowedFor } from '../offers';
import { pageArgs } from '../paging';
import { adminWorkflowLink } from '../registration-access';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import { sealLink } from '../seal-link';
import { exportList, exportResponse } from '../table-export';
import type { EvaluationDeps } from './evaluation-campaigns';
import { ACTIONS, registerEvaluationFileActions } from './evaluation-file-actions';
import { registerEvaluationScoreSheets } from './evaluation-file-score-sheets';

const TAG = '等级评估';
const FILE_READERS = [
  'administrator',
  'section_head',
  'agency',
  'evaluator',
  'committee_member',
  'applicant',
] as const;

/** The link to a file's workflow in the Temporal UI, for those who may follow it. */
function workflowUrlFor(config: EvaluationDeps['config']) {
  const ui = { url: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE };
  return (session: Session, workflowId: string) => adminWorkflowLink(ui, session, workflowId);
}

/** Files: lists by who may see them, the live view, every decision as a workflow Update. */
export function createEvaluationFilesRouter(registry: RouteRegistry, deps: EvaluationDeps): Router {
  const router = Router();
  registerEvaluationFileList(registry, router, deps);
  registerEvaluationFileDetail(registry, router, deps);
  registerEvaluationScoreSheets(registry, router, deps);
  registerExpertCandidates(registry, router, deps);
  registerEvaluationFileActions(registry, router, deps);
  return router;
}

/** The files a caller may see, as a page or an export. */
export function registerEvaluationFileList(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, config } = deps;
  const workflowUrl = workflowUrlFor(deps.config);

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/files',
      tag: TAG,
      summary: '评估事项列表（评估专家只看到分配给自己的事项）',
      access: FILE_READERS,
      query: ZFileListQuery,
      response: { status: 200, description: '一页评估事项', schema: E.ZFileList },
    },
    async ({ query, session }) => {
      const where = await fileWhere(db, query, session!);
      const [total, rows] = await Promise.all([
        db.evaluationFile.count({ where }),
        db.evaluationFile.findMany({ where, orderBy: FILE_ORDER, ...pageArgs(query) }),
      ]);
      const names = await organizationNames(
        db,
        rows.map((r) => r.organizationId),
      );
      const awaiting = await awaitingVotes(db, session!, rows);
      const items = rows.map((r) => ({
        ...summarizeFile(r, names),
        ...workflowUrl(session!, r.workflowId),
        awaitingMyVote: awaiting.get(r.id) ?? null,
      }));
      return { items, page: query.page, pageSize: query.pageSize, total };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/files/export',
      tag: TAG,
      summary: '导出评估事项列表（Excel 或 CSV，筛选条件与可见范围与列表相同）',
      description: `评估专家只导出分配给自己的事项，社会组织只导出本组织的事项。最多导出${config.EXPORT_MAX_ROWS}行。`,
      access: FILE_READERS,
      query: ZFileExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, session, res }) => {
      const where = await fileWhere(db, query, session!);
      const opts = { format: query.format, title: '评估事项', creator: config.AUTHORITY_NAME };
      await exportList(res, { ...opts, maxRows: config.EXPORT_MAX_ROWS }, FILE_COLUMNS, {
        count: () => db.evaluationFile.count({ where }),
        read: async () =>
          fileRows(
            db,
            await db.evaluationFile.findMany({
              where,
              orderBy: FILE_ORDER,
              include: { campaign: { select: { title: true } } },
            }),
          ),
      });
      return SENT;
    },
  );
}

/** One file's live view, with the actions offered to the caller. */
export function registerEvaluationFileDetail(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, evaluation } = deps;
  const workflowUrl = workflowUrlFor(deps.config);

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/files/:id',
      tag: TAG,
      summary: '评估事项详情（评估专家须先声明无回避情形才能查阅材料）',
      access: [
        'administrator',
        'section_head',
        'agency',
        'evaluator',
        'committee_member',
        'applicant',
      ],
      params: uuidParam,
      response: { status: 200, description: '评估事项', schema: E.ZFileDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const { file, seat } = await evaluationFileFor(db, params.id, session!);
      const view = await evaluation.fileStatus(file.id);
      const materialsOpen = session!.role !== 'evaluator' || seat?.status === 'cleared';
      // Offered only what the file's workflow would accept now from this person.
      const offered = view ? await evaluation.fileOffers(file.id, actorOf(session!)) : [];
      return {
        ...summarizeFile(file, await organizationNames(db, [file.organizationId])),
        ...workflowUrl(session!, file.workflowId),
        view,
        ...allowedFor(offered, ACTIONS, session!.role),
        trail: await fileTrail(db, file.id, session!),
        votes: await namedVotes(db, file.id, session!),
        decisionSeal: await sealLink(db, deps.config.publicUrl, {
          documentKey: `evaluation-certificate:${file.id}`,
        }),
        materials: materialsOpen
          ? {
              selfScore: file.selfScore,
              selfAssessment: file.selfAssessment,
              evidenceFileIds: file.evidenceFileIds,
            }
          : null,
      };
    },
  );
}

/** Experts who may be added to a short panel. */
export function registerExpertCandidates(
  registry: RouteRegistry,
  router: Router,
  deps: EvaluationDeps,
): void {
  const { db, config } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/files/:id/expert-candidates',
      tag: TAG,
      summary: '可增补的评估专家（本区专家库中未在本事项专家组的专家，标明回避情形与在评数量）',
      access: ['administrator', 'section_head'],
      params: uuidParam,
      response: { status: 200, description: '候选专家', schema: E.ZExpertCandidates },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const { file } = await evaluationFileFor(db, params.id, session!);
      const seated = await db.evaluationAssignment.findMany({
        where: { fileId: file.id },
        select: { evaluatorId: true },
      });
      const { policy } = await loadEvaluationPolicy(db, config.DISTRICT_CODE, Date.now());
      const items = await expertCandidates(db, {
        districtCode: config.DISTRICT_CODE,
        organizationId: file.organizationId,
        day: localDateOf(Date.now()),
        lookbackYears: policy.experts.conflictLookbackYears,
        exclude: seated.map((x) => x.evaluatorId),
      });
      return { panelShortBy: file.panelShortBy, required: policy.experts.perFile, items };
    },
  );
}
