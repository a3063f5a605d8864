import { localDateOf } from '../domain/calendar';
import type { EvaluationComplaint } from '../generated/prisma/client';
import * as cm from '../workflows/evaluation/complaint-messages';
import {
  type ComplaintContact,
  fileComplaint as fileComplaintRow,
} from '../operations/evaluation/file-complaint';
import { type Actor, FINAL_FILE_STATUSES } from '../workflows/evaluation/messages';
import { organizationNames } from './evaluation-access';
import { operate } from './operations';
import type { EvaluationDeps } from './routes/evaluation-campaigns';

/**
 * Filing a complaint (举报, §4.3 COMPLAINT), the same for a signed-in person and for the public
 * form: the operation checks the subject and writes the row, then the complaint's workflow starts.
 */
export async function fileComplaint(
  deps: EvaluationDeps,
  body: { fileId?: string | undefined; organizationId?: string | undefined; content: string },
  who: { complainant: Actor; contact?: ComplaintContact },
): Promise<EvaluationComplaint> {
  const fromPublic = who.complainant.role === 'public';
  const filed = await operate(() =>
    fileComplaintRow(deps.db, {
      ...body,
      complainantId: fromPublic ? null : who.complainant.id,
      contact: who.contact,
      districtCode: deps.config.DISTRICT_CODE,
      finalFileStatuses: FINAL_FILE_STATUSES,
      workflowIdOf: cm.complaintWorkflowId,
    }),
  );
  await deps.evaluation.startComplaint({
    complaintId: filed.row.id,
    organizationId: filed.organizationId,
    subject: filed.subject,
    complainant: who.complainant,
    reviewCommitteeIds: filed.reviewCommitteeIds,
    filedAt: filed.filedAt,
  });
  return filed.row;
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
