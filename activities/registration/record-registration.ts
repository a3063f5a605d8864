import { appendWorkflowAudit } from '../../lib/audit';
import type { Db, Prisma } from '../../lib/db';
import type { Projection } from '../../workflows/registration/outputs';
import type { AuditRecord, RegistrationView } from '../../workflows/registration/view-types';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * One transaction: the projection moved forward (never backward: a stale retry changes nothing)
 * and the new decisions appended to the audit log (idempotent on their sequence number).
 */
export function makeRecordRegistration(db: Db) {
  return async function recordRegistration(input: {
    registrationId: string;
    workflowId: string;
    entries: AuditRecord[];
    projection: Projection;
    view: RegistrationView;
  }): Promise<void> {
    const { registrationId, workflowId, entries, projection: p, view } = input;
    const seq = view.trail.length;
    await db.$transaction(async (tx) => {
      await tx.registration.updateMany({
        where: { id: registrationId, viewSeq: { lte: seq } },
        data: {
          status: p.status,
          step: p.step,
          ruleVersion: p.ruleVersion,
          receiptNo: p.receiptNo,
          acceptedAt: date(p.acceptedAt),
          decidedAt: date(p.decidedAt),
          dueAt: date(p.dueAt),
          promisedDueAt: date(p.promisedDueAt),
          overdue: p.overdue,
          awaitingRole: p.awaitingRole as never,
          assigneeId: p.assigneeId,
          creditCode: p.creditCode,
          certificateFileId: p.certificateFileId,
          decisionFileId: p.decisionFileId,
          applicationVersion: p.applicationVersion,
          proposedName: p.proposedName,
          view: view as unknown as Prisma.InputJsonValue,
          viewSeq: seq,
        },
      });
      // Last: the audit chain's lock is held from here to the commit (lib/audit.ts).
      await appendWorkflowAudit(
        tx,
        { type: 'registration', id: registrationId, workflowId },
        entries,
      );
    });
  };
}
