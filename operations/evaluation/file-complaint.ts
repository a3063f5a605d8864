import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db';
import { Refused } from '../refused';

/** What a complaint is about: an evaluation in progress, or a grade in force. */
export type ComplaintSubject =
  | { type: 'file'; fileId: string }
  | { type: 'grade'; gradeId: string };

/** A public complainant's name and how to reach them; kept in PostgreSQL only. */
export interface ComplaintContact {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}

/** The subject, the organisation and the review committee that will rule. */
async function subjectOf(
  db: Db,
  input: {
    fileId?: string | undefined;
    organizationId?: string | undefined;
    districtCode: string;
    finalFileStatuses: readonly string[];
  },
) {
  if (input.fileId) {
    const file = await db.evaluationFile.findUnique({
      where: { id: input.fileId },
      include: { campaign: true },
    });
    if (!file || file.campaign.districtCode !== input.districtCode)
      throw new Refused('not_found', '没有找到该评估事项');
    if (file.status === 'confirmed')
      throw new Refused('conflict', '该评估事项的等级已经确认，请对该组织的评估等级提出举报');
    if (input.finalFileStatuses.includes(file.status))
      throw new Refused('conflict', '该评估事项已经办结，不能再对其举报');
    return {
      subject: { type: 'file', fileId: file.id } as ComplaintSubject,
      organizationId: file.organizationId,
      reviewCommitteeIds: file.campaign.reviewCommitteeIds,
    };
  }
  const organizationId = input.organizationId as string;
  const grade = await db.grade.findUnique({ where: { activeFor: organizationId } });
  if (!grade) throw new Refused('conflict', '该组织没有有效的评估等级');
  // A grade outlives its campaign: the district's current review committee rules.
  const campaign = await db.evaluationCampaign.findFirst({
    where: { districtCode: input.districtCode },
    orderBy: { year: 'desc' },
  });
  if (!campaign) throw new Refused('conflict', '尚未组建复核委员会，暂不能受理对评估等级的举报');
  return {
    subject: { type: 'grade', gradeId: grade.id } as ComplaintSubject,
    organizationId,
    reviewCommitteeIds: campaign.reviewCommitteeIds,
  };
}

/**
 * A complaint (举报, §4.3 COMPLAINT) recorded against a checked subject, the same for a signed-in
 * person and for the public form. The caller starts its workflow, which writes its trail.
 */
export async function fileComplaint(
  db: Db,
  input: {
    fileId?: string | undefined;
    organizationId?: string | undefined;
    content: string;
    /** The signed-in complainant's account; null for the public form. */
    complainantId: string | null;
    contact?: ComplaintContact | undefined;
    districtCode: string;
    finalFileStatuses: readonly string[];
    workflowIdOf: (complaintId: string) => string;
  },
) {
  const target = await subjectOf(db, input);
  const id = randomUUID();
  const filedAt = Date.now();
  const row = await db.evaluationComplaint.create({
    data: {
      id,
      workflowId: input.workflowIdOf(id),
      subjectType: target.subject.type,
      fileId: target.subject.type === 'file' ? target.subject.fileId : null,
      gradeId: target.subject.type === 'grade' ? target.subject.gradeId : null,
      organizationId: target.organizationId,
      complainantId: input.complainantId,
      contactName: input.contact?.name ?? null,
      contactPhone: input.contact?.phone ?? null,
      contactEmail: input.contact?.email ?? null,
      content: input.content,
      reviewCommitteeIds: target.reviewCommitteeIds,
      filedAt: new Date(filedAt),
    },
  });
  return { row, ...target, filedAt };
}
