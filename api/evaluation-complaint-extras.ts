import { isEvaluationOffice } from '../domain/evaluation/office';
import type { EvaluationComplaint } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import type { Session } from './auth/session';
import { organizationNames } from './evaluation-access';

/**
 * What the complaint pages show beside the projection: the organisation's name, the
 * verification deadline and whether it passed (written to the audit log when filed), which
 * complaints wait for a review-committee member's vote in the current round, and the named votes.
 */

const ROUND_ENDS = 'complaint_quorum_failed';

export interface ComplaintExtras {
  organizationName: string | null;
  /** The number of the file complained about (PG-2026-0001), when there is one. */
  fileNo: string | null;
  verificationDueAt: string | null;
  overdue: boolean;
  round: number;
  awaitingMyVote: boolean;
}

export async function complaintExtras(
  db: Db,
  rows: EvaluationComplaint[],
  session: Session,
): Promise<Map<string, ComplaintExtras>> {
  const ids = rows.map((r) => r.id);
  const fileIds = rows.flatMap((r) => (r.fileId ? [r.fileId] : []));
  const [names, entries, mine, files] = await Promise.all([
    organizationNames(
      db,
      rows.map((r) => r.organizationId),
    ),
    db.auditEntry.findMany({
      where: {
        subjectType: 'evaluation_complaint',
        subjectId: { in: ids },
        action: { in: ['complaint_filed', 'complaint_verification_overdue', ROUND_ENDS] },
      },
      select: { subjectId: true, action: true, details: true },
    }),
    session.role === 'committee_member'
      ? db.evaluationComplaintVote.findMany({
          where: { complaintId: { in: ids }, memberId: session.sub },
          select: { complaintId: true, round: true },
        })
      : Promise.resolve([]),
    db.evaluationFile.findMany({
      where: { id: { in: fileIds } },
      select: { id: true, fileNo: true },
    }),
  ]);
  const fileNos = new Map(files.map((f) => [f.id, f.fileNo]));
  const voted = new Set(mine.map((v) => `${v.complaintId}/${v.round}`));
  const out = new Map<string, ComplaintExtras>();
  for (const r of rows) {
    const own = entries.filter((e) => e.subjectId === r.id);
    const filed = own.find((e) => e.action === 'complaint_filed')?.details as {
      verificationDueAt?: number;
    } | null;
    const due = filed?.verificationDueAt;
    const round = 1 + own.filter((e) => e.action === ROUND_ENDS).length;
    out.set(r.id, {
      organizationName: names.get(r.organizationId) ?? null,
      fileNo: r.fileId ? (fileNos.get(r.fileId) ?? null) : null,
      verificationDueAt: typeof due === 'number' ? new Date(due).toISOString() : null,
      overdue: own.some((e) => e.action === 'complaint_verification_overdue'),
      round,
      awaitingMyVote:
        r.status === 'verified' &&
        r.reviewCommitteeIds.includes(session.sub) &&
        !voted.has(`${r.id}/${round}`),
    });
  }
  return out;
}

/** Named votes on a complaint, every round, for the office and the review committee only. */
export async function complaintVotes(db: Db, c: EvaluationComplaint, session: Session) {
  if (!isEvaluationOffice(session.role) && !c.reviewCommitteeIds.includes(session.sub)) return [];
  const votes = await db.evaluationComplaintVote.findMany({
    where: { complaintId: c.id },
    orderBy: [{ round: 'asc' }, { votedAt: 'asc' }],
  });
  const names = new Map(
    (
      await db.account.findMany({
        where: { id: { in: votes.map((v) => v.memberId) } },
        select: { id: true, displayName: true },
      })
    ).map((a) => [a.id, a.displayName]),
  );
  return votes.map((v) => ({
    round: v.round,
    memberId: v.memberId,
    memberName: names.get(v.memberId) ?? '—',
    approve: v.approve,
    votedAt: v.votedAt.toISOString(),
  }));
}
