import type { Db, Prisma } from '../../lib/db';
import type { FileAudit } from './record-file';

export interface ComplaintPatch {
  status: string;
  verifiedAt: number | null;
  dismissReason: string | null;
  ruledAt: number | null;
  upheld: boolean | null;
  measure: string | null;
}

const at = (t: number | null) => (t === null ? null : new Date(t));

/** The complaint's projection and its audit entry in one transaction; seq makes a retry a no-op. */
export function makeRecordComplaint(db: Db) {
  return async function recordComplaint(input: {
    complaintId: string;
    workflowId: string;
    patch: ComplaintPatch;
    audit: FileAudit;
  }): Promise<void> {
    const { patch: p, audit: a } = input;
    await db.$transaction(async (tx) => {
      await tx.evaluationComplaint.update({
        where: { id: input.complaintId },
        data: {
          status: p.status,
          verifiedAt: at(p.verifiedAt),
          dismissReason: p.dismissReason,
          ruledAt: at(p.ruledAt),
          upheld: p.upheld,
          measure: p.measure,
        },
      });
      await tx.auditEntry.createMany({
        skipDuplicates: true,
        data: [
          {
            subjectType: 'evaluation_complaint',
            subjectId: input.complaintId,
            seq: a.seq,
            workflowId: input.workflowId,
            at: new Date(a.at),
            // A complainant from the public form has no account.
            actorId: a.actor.role === 'system' || a.actor.role === 'public' ? null : a.actor.id,
            actorName: a.actor.name,
            actorRole: a.actor.role,
            action: a.action,
            fromStatus: a.fromStatus ?? null,
            toStatus: a.toStatus ?? null,
            reason: a.reason ?? null,
            ruleVersion: a.ruleVersion ?? null,
            legalBasis: '社会组织评估管理办法',
            details: (a.details ?? undefined) as Prisma.InputJsonValue | undefined,
          },
        ],
      });
    });
  };
}

/** A review-committee member's named vote on a complaint (evidence). */
export function makeRecordComplaintVote(db: Db) {
  return async function recordComplaintVote(input: {
    complaintId: string;
    round: number;
    memberId: string;
    approve: boolean;
    at: number;
  }): Promise<void> {
    const key = { complaintId: input.complaintId, round: input.round, memberId: input.memberId };
    await db.evaluationComplaintVote.upsert({
      where: { complaintId_round_memberId: key },
      create: { ...key, approve: input.approve, votedAt: new Date(input.at) },
      update: {},
    });
  };
}
