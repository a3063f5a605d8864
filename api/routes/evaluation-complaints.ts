import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { z } from 'zod';
import { isEvaluationOffice } from '../../domain/evaluation/office';
import type { EvaluationComplaint } from '../../generated/prisma/client';
import * as cm from '../../workflows/evaluation/complaint-messages';
import { FINAL_FILE_STATUSES, type FileStatus } from '../../workflows/evaluation/messages';
import type { Session } from '../auth/session';
import { actorOf, organizationNames } from '../evaluation-access';
import { complaintExtras, complaintVotes } from '../evaluation-complaint-extras';
import { AppError, hiddenFrom } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
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
    ...(isEvaluationOffice(session.role) ? { complainantId: c.complainantId } : {}),
  };
}

/** The subject, the organisation and the review committee that will rule. */
async function subjectOf(deps: EvaluationDeps, body: { fileId?: string; organizationId?: string }) {
  const { db, config } = deps;
  if (body.fileId) {
    const file = await db.evaluationFile.findUnique({
      where: { id: body.fileId },
      include: { campaign: true },
    });
    if (!file || file.campaign.districtCode !== config.DISTRICT_CODE)
      throw new AppError('not_found', '没有找到该评估事项');
    if (file.status === 'confirmed')
      throw new AppError('conflict', '该评估事项的等级已经确认，请对该组织的评估等级提出举报');
    if (FINAL_FILE_STATUSES.includes(file.status as FileStatus))
      throw new AppError('conflict', '该评估事项已经办结，不能再对其举报');
    return {
      subject: { type: 'file', fileId: file.id } as cm.ComplaintSubject,
      organizationId: file.organizationId,
      reviewCommitteeIds: file.campaign.reviewCommitteeIds,
    };
  }
  const organizationId = body.organizationId as string;
  const grade = await db.grade.findUnique({ where: { activeFor: organizationId } });
  if (!grade) throw new AppError('conflict', '该组织没有有效的评估等级');
  // A grade outlives its campaign: the district's current review committee rules.
  const campaign = await db.evaluationCampaign.findFirst({
    where: { districtCode: config.DISTRICT_CODE },
    orderBy: { year: 'desc' },
  });
  if (!campaign) throw new AppError('conflict', '尚未组建复核委员会，暂不能受理对评估等级的举报');
  return {
    subject: { type: 'grade', gradeId: grade.id } as cm.ComplaintSubject,
    organizationId,
    reviewCommitteeIds: campaign.reviewCommitteeIds,
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
      response: { status: 201, description: '已受理登记' },
      problems: ['bad_request', 'not_found', 'conflict'],
    },
    async ({ body, session, res }) => {
      const target = await subjectOf(deps, body);
      const id = randomUUID();
      const filedAt = Date.now();
      const row = await db.evaluationComplaint.create({
        data: {
          id,
          workflowId: cm.complaintWorkflowId(id),
          subjectType: target.subject.type,
          fileId: target.subject.type === 'file' ? target.subject.fileId : null,
          gradeId: target.subject.type === 'grade' ? target.subject.gradeId : null,
          organizationId: target.organizationId,
          complainantId: session!.sub,
          content: body.content,
          reviewCommitteeIds: target.reviewCommitteeIds,
          filedAt: new Date(filedAt),
        },
      });
      await evaluation.startComplaint({
        complaintId: id,
        organizationId: target.organizationId,
        subject: target.subject,
        complainant: actorOf(session!),
        reviewCommitteeIds: target.reviewCommitteeIds,
        filedAt,
      });
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
      response: { status: 200, description: '公示中的评估事项与有效等级' },
    },
    async () => {
      const files = await db.evaluationFile.findMany({
        where: {
          status: { in: ['publicised', 'review_requested'] },
          campaign: { districtCode: deps.config.DISTRICT_CODE },
        },
        include: { campaign: { select: { title: true } } },
        orderBy: { appliedAt: 'asc' },
        take: 500,
      });
      const orgs = await db.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM "Organization"
        WHERE substring("creditCode" from 3 for 6) = ${deps.config.DISTRICT_CODE}`;
      const grades = await db.grade.findMany({
        where: { status: 'active', organizationId: { in: orgs.map((o) => o.id) } },
        orderBy: { expiresOn: 'asc' },
        take: 1000,
      });
      const names = await organizationNames(db, [
        ...files.map((f) => f.organizationId),
        ...grades.map((g) => g.organizationId),
      ]);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      return {
        publicity: files.map((f) => ({
          fileId: f.id,
          organizationId: f.organizationId,
          organizationName: names.get(f.organizationId) ?? null,
          campaignTitle: f.campaign.title,
          level: f.decidedLevel,
        })),
        grades: grades.map((g) => ({
          organizationId: g.organizationId,
          organizationName: names.get(g.organizationId) ?? null,
          level: g.level,
          awardingLevel: g.awardingLevel,
          awardedOn: day(g.awardedOn),
          expiresOn: day(g.expiresOn),
        })),
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/complaints',
      tag: TAG,
      summary: '举报列表（评估办公室看全部，复核委员看待裁定的，举报人看自己的）',
      access: 'signed-in',
      query: S.ZListComplaintsQuery,
      response: { status: 200, description: '举报' },
    },
    async ({ query, session }) => {
      const s = session!;
      const who = isEvaluationOffice(s.role)
        ? {}
        : { OR: [{ reviewCommitteeIds: { has: s.sub } }, { complainantId: s.sub }] };
      const rows = await db.evaluationComplaint.findMany({
        where: { ...who, ...(query.status ? { status: query.status } : {}) },
        orderBy: { filedAt: 'desc' },
        take: 500,
      });
      const extras = await complaintExtras(db, rows, s);
      return { items: rows.map((r) => ({ ...summarize(r, s), ...extras.get(r.id) })) };
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
      response: { status: 200, description: '举报' },
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
        response: { status: 200, description: '办理后的举报' },
        problems: ['not_found', 'conflict', 'forbidden', 'unprocessable'],
      },
      async ({ params, body, session }) => {
        const c = await complaintFor(deps, params.id, session!);
        if (cm.FINAL_COMPLAINT_STATUSES.includes(c.status as cm.ComplaintStatus))
          throw new AppError('conflict', '该举报已经办结');
        return evaluation.updateComplaint(c.id, a.update, {
          ...((body as object | undefined) ?? {}),
          actor: actorOf(session!),
        });
      },
    );
  }

  return router;
}
