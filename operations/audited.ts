import { appendAudit } from '../lib/audit';
import type { Db, Prisma } from '../lib/db';

/** Who makes a change outside the workflows, as the audit trail names them. */
export interface Actor {
  id: string;
  name: string;
  role: string;
}

export type Tx = Prisma.TransactionClient;

/**
 * One write and its audit entry in one transaction (STYLE §10): the caller guards first, `write`
 * changes the records and says what it did; the entry is appended last, so the audit chain's
 * lock is held only for the commit (lib/audit.ts). The subject may be the row the write creates.
 *
 * Only for subjects whose trail no workflow writes: a workflow numbers its own entries
 * (appendWorkflowAudit), and an entry appended here would take a number it later skips.
 */
export async function audited<T>(
  db: Db,
  change: {
    subjectType: string;
    /** Omitted when the write creates the subject: `write` names it then. */
    subjectId?: string;
    actor: Actor;
    action: string;
    reason?: string | null;
    now?: Date;
    write: (tx: Tx) => Promise<{ value: T; details: Prisma.InputJsonObject; subjectId?: string }>;
  },
): Promise<T> {
  return db.$transaction(async (tx) => {
    const { value, details, subjectId } = await change.write(tx);
    const subject = change.subjectId ?? subjectId;
    if (subject === undefined) throw new Error(`audited ${change.action}: no subject`);
    await appendAudit(tx, {
      subjectType: change.subjectType,
      subjectId: subject,
      at: change.now ?? new Date(),
      actor: change.actor,
      action: change.action,
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      details,
    });
    return value;
  });
}
