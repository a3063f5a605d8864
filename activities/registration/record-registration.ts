import { appendWorkflowAudit } from '../../lib/audit';
import type { Db, Prisma } from '../../lib/db';
import { mailEntries, type NotifyInput } from '../mail/notify';
import { enqueueMails, type Outbox, type OutboxEntry } from '../mail/outbox';
import type { Projection } from '../../workflows/registration/outputs';
import type { AuditRecord, RegistrationView } from '../../workflows/registration/view-types';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

interface RecordInput {
  registrationId: string;
  workflowId: string;
  entries: AuditRecord[];
  projection: Projection;
  view: RegistrationView;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function write(tx: Tx, input: RecordInput): Promise<void> {
  const { registrationId, workflowId, entries, projection: p, view } = input;
  const seq = view.trail.length;
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
  await appendWorkflowAudit(tx, { type: 'registration', id: registrationId, workflowId }, entries);
}

/**
 * One transaction: the projection moved forward (never backward: a stale retry changes nothing)
 * and the new decisions appended to the audit log (idempotent on their sequence number).
 */
export function makeRecordRegistration(db: Db) {
  return async function recordRegistration(input: RecordInput): Promise<void> {
    await db.$transaction((tx) => write(tx, input));
  };
}

/**
 * A step's record and its mails in one transaction (a local activity, patch
 * `registration-step-local`): the projection, the outbox rows (keyed as `notify` keys them, so a
 * retry adds nothing) and, last, the audit entries. The mails start sending after the commit.
 */
export function makeRecordRegistrationStep(
  db: Db,
  outbox: Outbox,
  opts: { portalUrl: string; authority: string },
) {
  return async function recordRegistrationStep(
    input: RecordInput & { mails: NotifyInput[] },
  ): Promise<{ queued: number }> {
    const mails: OutboxEntry[] = [];
    for (const m of input.mails) mails.push(...(await mailEntries(db, m, opts)));
    // The view alone (a late output recorded) is one statement: no transaction around it.
    if (mails.length === 0 && input.entries.length === 0) await write(db, input);
    else
      await db.$transaction(async (tx) => {
        await enqueueMails(tx, mails);
        await write(tx, input);
      });
    if (mails.length > 0) outbox.dispatchSoon(mails.map((e) => e.key));
    return { queued: mails.length };
  };
}
