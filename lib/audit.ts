import { type Db, Prisma } from './db';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/*
 * The audit log is one hash chain (issue 13 point 10): the database's insert trigger places
 * each entry after the last one under a lock held until the writer's transaction commits, so
 * concurrent writers line up and a retried insert that is skipped leaves no gap (see the
 * migration `security` and lib/audit-chain.ts). Writers therefore append their audit entries as
 * the last statement of a transaction: the lock is then held only for the commit, and nothing
 * that holds it waits for another lock.
 */

export interface AuditInput {
  subjectType: string;
  subjectId: string;
  /** The workflow the decision belongs to; '' for a decision taken outside any workflow. */
  workflowId?: string;
  at: Date;
  actor: { id: string | null; name: string; role: string };
  action: string;
  reason?: string | null;
  legalBasis?: string | null;
  details?: Prisma.InputJsonValue;
}

/**
 * Appends one entry to a subject's audit trail inside the caller's transaction (DOMAIN §8
 * "Audit"). The subject's entries are serialised by an advisory lock on the subject, so two
 * concurrent decisions get consecutive sequence numbers instead of a unique-key failure.
 */
export async function appendAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${e.subjectType}:${e.subjectId}`}))`;
  const last = await tx.auditEntry.findFirst({
    where: { subjectType: e.subjectType, subjectId: e.subjectId },
    orderBy: { seq: 'desc' },
    select: { seq: true },
  });
  await tx.auditEntry.create({
    data: {
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      seq: (last?.seq ?? 0) + 1,
      workflowId: e.workflowId ?? '',
      at: e.at,
      actorId: e.actor.id,
      actorName: e.actor.name,
      actorRole: e.actor.role,
      action: e.action,
      reason: e.reason ?? null,
      legalBasis: e.legalBasis ?? null,
      ...(e.details === undefined ? {} : { details: e.details }),
    },
  });
}

/** A decision as workflows record it (the registration and purchase trails share this shape). */
export interface WorkflowAuditRecord {
  seq: number;
  at: string;
  actor: { id: string | null; name: string; role: string };
  action: string;
  from: string | null;
  to: string | null;
  reason?: string | null;
  legalBasis?: string | null;
  ruleVersion?: string | null;
  details?: unknown;
}

/**
 * Appends a workflow's new decisions to the audit log inside the caller's transaction;
 * idempotent on their sequence numbers, so a retried activity adds nothing.
 */
export async function appendWorkflowAudit(
  tx: Tx,
  subject: { type: string; id: string; workflowId: string },
  entries: WorkflowAuditRecord[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEntry.createMany({
    skipDuplicates: true,
    data: entries.map((e) => ({
      subjectType: subject.type,
      subjectId: subject.id,
      seq: e.seq,
      workflowId: subject.workflowId,
      at: new Date(e.at),
      actorId: e.actor.id,
      actorName: e.actor.name,
      actorRole: e.actor.role,
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      reason: e.reason ?? null,
      legalBasis: e.legalBasis ?? null,
      ruleVersion: e.ruleVersion ?? null,
      details: (e.details as Prisma.InputJsonValue | undefined) ?? Prisma.JsonNull,
    })),
  });
}
