import { Router } from 'express';
import type { z } from 'zod';
import * as E from '../../contract/evaluation';
import { isEvaluationOffice } from '../../domain/evaluation/office';
import type { EvaluationComplaint } from '../../generated/prisma/client';
import * as cm from '../../workflows/evaluation/complaint-messages';
import type { Session } from '../auth/session';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { actorOf } from '../evaluation-access';
import { complaintExtras, complaintVotes } from '../evaluation-complaint-extras';
import { fileComplaint, publicResults } from '../evaluation-complaint-filing';
import {
  COMPLAINT_COLUMNS,
  COMPLAINT_ORDER,
  complaintRows,
  complaintWhere,
  ZComplaintExportQuery,
  ZComplaintListQuery,
} from '../evaluation-complaint-list';
import { allowedFor } from '../offers';
import { pageArgs } from '../paging';
import { AppError, hiddenFrom } from '../problem';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
import { exportList, exportResponse } from '../table-export';
import type { EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估';
const OFFICE = ['administrator', 'section_head'] as const;

/**
 * Object-level access to a complaint: the office sees all, a review-committee member those
 * their committee rules on, the complainant their own. The organisation complained about does
 * not read it (the complainant stays protected); it is told by mail. Others get 404.
 */
async function complaintFor(deps: EvaluationDeps, id: string, session: Session) {
  const c = await deps.db.evaluationComplaint.findUnique({ where: { id } });
  if (
    c &&
    (isEvaluationOffice(session.role) ||
      c.reviewCommitteeIds.includes(session.sub) ||
      c.complainantId === session.sub)
  )
    return c;
  if (!c) throw new AppError('not_found', '没有找到该举报');
  throw hiddenFrom('没有找到该举报');
}

function summarize(c: EvaluationComplaint, session: Session) {
  return {
    id: c.id,
    subjectType: c.subjectType,
    fileId: c.fileId,
    gradeId: c.gradeId,
    organizationId: c.organizationId,
    content: c.content,
    status: c.status,
    filedAt: c.filedAt.toISOString(),
    upheld: c.upheld,
    measure: c.measure,
    /** Where the complaint came from: a signed-in account or the public form. */
    channel: c.complainantId ? ('account' as const) : ('public' as const),
    // Who complained stays with the office (the organisation never reads a complaint).
    ...(isEvaluationOffice(session.role)
      ? {
          complainantId: c.complainantId,
          contact: c.complainantId
            ? null
            : { name: c.contactName, phone: c.contactPhone, email: c.contactEmail },
        }
      : {}),
  };
}

interface Action {
  path: string;
  summary: string;
  access: readonly ('administrator' | 'section_head' | 'committee_member')[];
  body: z.ZodType;
  update: cm.ComplaintUpdate;
}

const ACTIONS: Action[] = [
  {
    path: 'verify',
    summary: '评估办公室核实举报属实，提交复核委员会裁定',
    access: OFFICE,
    body: S.ZVerifyComplaintRequest,
    update: cm.verifyComplaintUpdate,
  },
  {
    path: 'dismiss',
    summary: '评估办公室核实举报不实，说明理由不予受理',
    access: OFFICE,
    body: S.ZDismissComplaintRequest,
    update: cm.dismissComplaintUpdate,
  },
  {
    path: 'vote',
    summary: '复核委员会委员对举报记名表决（赞成即认定举报成立）',
    access: ['committee_member'],
    body: S.ZVoteRequest,
    update: cm.complaintVoteUpdate,
  },
  {
    path: 'close-vote',
    summary: '复核委员会计票并作出裁定（法定人数与全体委员过半数）',
    access: OFFICE,
    body: S.ZEmptyRequest,
    update: cm.closeComplaintVoteUpdate,
  },
];

/** Complaints (举报, §4.3 COMPLAINT): filed by anyone signed in, each its own small workflow. */
export function createEvaluationComplaintsRouter(
  registry: RouteRegistry,
  deps: EvaluationDeps,
): Router {
  const router = Router();
  const { db, evaluation } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/complaints',
      tag: TAG,
      summary: '对评估事项或组织的评估等级提出举报（任何登录用户）',
      access: 'signed-in',
      body: S.ZFileComplaintRequest,
      response: { status: 201, description: '已受理登记', schema: E.ZComplaintSummary },
      problems: ['bad_request', 'not_found', 'conflict'],
    },
    async ({ body, session, res }) => {
      const row = await fileComplaint(deps, body, { complainant: actorOf(session!) });
      res.status(201);
      return summarize(row, session!);
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/public-results',
      tag: TAG,
      summary: '评估结果公示名单与有效等级名单（任何登录用户；可据此提出举报）',
      access: 'signed-in',
      response: {
        status: 200,
        description: '公示中的评估事项与有效等级',
        schema: E.ZPublicResults,
      },
    },
    () => publicResults(deps),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/complaints',
      tag: TAG,
      summary: '举报列表（评估办公室看全部，复核委员看待裁定的，举报人看自己的）',
      access: 'signed-in',
      query: ZComplaintListQuery,
      response: { status: 200, description: '一页举报', schema: E.ZComplaintList },
    },
    async ({ query, session }) => {
      const s = session!;
      const where = complaintWhere(query, s);
      const [total, rows] = await Promise.all([
        db.evaluationComplaint.count({ where }),
        db.evaluationComplaint.findMany({ where, orderBy: COMPLAINT_ORDER, ...pageArgs(query) }),
      ]);
      const extras = await complaintExtras(db, rows, s);
      const items = rows.map((r) => ({ ...summarize(r, s), ...extras.get(r.id) }));
      return { items, page: query.page, pageSize: query.pageSize, total };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/complaints/export',
      tag: TAG,
      summary: '导出举报列表（Excel 或 CSV，筛选条件与可见范围与列表相同，不含举报人联系方式）',
      description: `最多导出${deps.config.EXPORT_MAX_ROWS}行。`,
      access: 'signed-in',
      query: ZComplaintExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, session, res }) => {
      const where = complaintWhere(query, session!);
      const { config } = deps;
      const opts = { format: query.format, title: '评估举报', creator: config.AUTHORITY_NAME };
      await exportList(res, { ...opts, maxRows: config.EXPORT_MAX_ROWS }, COMPLAINT_COLUMNS, {
        count: () => db.evaluationComplaint.count({ where }),
        read: async () =>
          complaintRows(
            db,
            await db.evaluationComplaint.findMany({ where, orderBy: COMPLAINT_ORDER }),
            session!,
          ),
      });
      return SENT;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/complaints/:id',
      tag: TAG,
      summary: '举报详情与办理进度',
      access: 'signed-in',
      params: uuidParam,
      response: { status: 200, description: '举报', schema: E.ZComplaintDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const c = await complaintFor(deps, params.id, session!);
      const extras = await complaintExtras(db, [c], session!);
      return {
        ...summarize(c, session!),
        ...extras.get(c.id),
        view: await evaluation.complaintStatus(c.id),
        votes: await complaintVotes(db, c, session!),
        ...allowedFor(
          await evaluation.complaintOffers(c.id, actorOf(session!)),
          ACTIONS,
          session!.role,
        ),
      };
    },
  );

  for (const a of ACTIONS) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/evaluation/complaints/:id/${a.path}`,
        tag: TAG,
        summary: a.summary,
        access: a.access,
        params: uuidParam,
        body: a.body,
        headers: DECISION_HEADERS,
        response: { status: 200, description: '办理后的举报', schema: E.ZComplaintView },
        problems: ['not_found', 'conflict', 'forbidden', 'unprocessable', 'unavailable'],
      },
      async ({ params, body, session, req }) => {
        const c = await complaintFor(deps, params.id, session!);
        const key = await claimDecisionKey(db, { req, params, body, session: session! });
        const closed = cm.FINAL_COMPLAINT_STATUSES.includes(c.status as cm.ComplaintStatus);
        if (closed && !key?.replay) throw new AppError('conflict', '该举报已经办结');
        return evaluation.updateComplaint(
          c.id,
          a.update,
          { ...((body as object | undefined) ?? {}), actor: actorOf(session!) },
          key?.updateId,
        );
      },
    );
  }

  return router;
}
