import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

/** Queues again a mail whose sending was interrupted (待核实), once someone has checked it. */
export async function resendOutboxMail(db: Db, input: { id: string; actor: Actor }) {
  await audited(db, {
    subjectType: 'outbox_mail',
    subjectId: input.id,
    actor: input.actor,
    action: 'mail_requeued',
    write: async (tx) => {
      const r = await tx.outboxMail.updateMany({
        where: { id: input.id, status: 'uncertain' },
        data: { status: 'pending', nextAttemptAt: new Date() },
      });
      if (r.count === 0) throw new Refused('conflict', '只有“待核实”的邮件可以重发');
      return { value: undefined, details: {} };
    },
  });
  return { id: input.id, status: 'pending' as const };
}
