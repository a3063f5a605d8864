import type { Db, Prisma } from '../../lib/db';
import type { Disqualification, Actor } from '../../workflows/evaluation/messages';

export interface FileAudit {
  seq: number;
  at: number;
  actor: Actor;
  action: string;
  fromStatus?: string | undefined;
  toStatus?: string | undefined;
  reason?: string | undefined;
  ruleVersion?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface FilePatch {
  status?: string;
  ineligibleReason?: string | null;
  agencyId?: string | null;
  finalScore?: number | null;
  proposedLevel?: number | null;
  decidedLevel?: number | null;
  flagged?: boolean;
  gradeId?: string | null;
  reviewRequestedAt?: number | null;
  scoreCancelled?: boolean;
  disqualification?: Disqualification;
  panelShortBy?: number;
}

/** The file's projection and its audit entry in one transaction; the seq makes a retry a no-op. */
export function makeRecordEvaluationFile(db: Db) {
  return async function recordEvaluationFile(input: {
    fileId: string;
    workflowId: string;
    patch: FilePatch;
    audit?: FileAudit;
  }): Promise<void> {
    const { reviewRequestedAt, disqualification, ...rest } = input.patch;
    const at = (t: number | null) => (t === null ? null : new Date(t));
    const data: Prisma.EvaluationFileUpdateInput = {
      ...rest,
      ...(reviewRequestedAt !== undefined ? { reviewRequestedAt: at(reviewRequestedAt) } : {}),
      ...(disqualification
        ? { disqualification: disqualification as unknown as Prisma.InputJsonValue }
        : {}),
    };
    const a = input.audit;
    // The projection alone is one statement: no transaction around it (BEGIN and COMMIT are two
    // more round trips).
    if (!a) {
      await db.evaluationFile.update({ where: { id: input.fileId }, data });
      return;
    }
    // Interactive, with room to wait for a connection: a busy pool delays, it does not fail.
    await db.$transaction(
      async (tx) => {
        await tx.evaluationFile.update({ where: { id: input.fileId }, data });
        // Audit entries are never updated (the database refuses it): a retry's insert is skipped.
        await tx.auditEntry.createMany({
          skipDuplicates: true,
          data: {
            subjectType: 'evaluation_file',
            subjectId: input.fileId,
            seq: a.seq,
            workflowId: input.workflowId,
            at: new Date(a.at),
            actorId: a.actor.role === 'system' ? null : a.actor.id,
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
        });
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
  };
}
