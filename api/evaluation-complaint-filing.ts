import { randomUUID } from 'node:crypto';
import { localDateOf } from '../domain/calendar';
import type { EvaluationComplaint } from '../generated/prisma/client';
import * as cm from '../workflows/evaluation/complaint-messages';
import { type Actor, FINAL_FILE_STATUSES, type FileStatus } from '../workflows/evaluation/messages';
import { organizationNames } from './evaluation-access';
import { AppError } from './problem';
import type { EvaluationDeps } from './routes/evaluation-campaigns';

/**
 * Filing a complaint (举报, §4.3 COMPLAINT), the same for a signed-in person and for the public
 * form: the subject is checked, the row written, the complaint's workflow started.
 */

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

/** A public complainant's name and how to reach them; kept in PostgreSQL only. */
export interface ComplaintContact {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export async function fileComplaint(
  deps: EvaluationDeps,
  body: { fileId?: string | undefined; organizationId?: string | undefined; content: string },
  who: { complainant: Actor; contact?: ComplaintContact },
): Promise<EvaluationComplaint> {
  const target = await subjectOf(deps, body);
  const id = randomUUID();
  const filedAt = Date.now();
  const fromPublic = who.complainant.role === 'public';
  const row = await deps.db.evaluationComplaint.create({
    data: {
      id,
      workflowId: cm.complaintWorkflowId(id),
      subjectType: target.subject.type,
      fileId: target.subject.type === 'file' ? target.subject.fileId : null,
      gradeId: target.subject.type === 'grade' ? target.subject.gradeId : null,
      organizationId: target.organizationId,
      complainantId: fromPublic ? null : who.complainant.id,
      contactName: who.contact?.name ?? null,
      contactPhone: who.contact?.phone ?? null,
      contactEmail: who.contact?.email ?? null,
      content: body.content,
      reviewCommitteeIds: target.reviewCommitteeIds,
      filedAt: new Date(filedAt),
    },
  });
  await deps.evaluation.startComplaint({
    complaintId: id,
    organizationId: target.organizationId,
    subject: target.subject,
    complainant: who.complainant,
    reviewCommitteeIds: target.reviewCommitteeIds,
    filedAt,
  });
  return row;
}

/** Results under publicity and grades in force in the district: names and levels only. */
export async function publicResults(deps: EvaluationDeps) {
  const { db } = deps;
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
    // A grade past its expiry is no longer in force, even before the sweep marks it expired.
    where: {
      status: 'active',
      expiresOn: { gte: new Date(`${localDateOf(Date.now())}T00:00:00Z`) },
      organizationId: { in: orgs.map((o) => o.id) },
    },
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
}
