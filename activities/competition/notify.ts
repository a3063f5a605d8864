import type { Db } from '../../lib/db';
import type { Outbox } from '../mail/outbox';
import { type Ctx, renderCompetitionMail } from './templates';

interface Recipient {
  address: string;
  name: string | null;
}

async function organizationRecipients(db: Db, organizationId: string): Promise<Recipient[]> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    include: { accounts: true },
  });
  if (!org) return [];
  const out: Recipient[] = org.email ? [{ address: org.email, name: org.name }] : [];
  for (const a of org.accounts)
    if (a.active && a.role === 'applicant') out.push({ address: a.email, name: a.displayName });
  return out;
}

/** Queues a mail through the outbox (a unique row per step and address) and sends it soon. */
export function makeNotifyCompetition(db: Db, outbox: Outbox, opts: { portalUrl: string }) {
  return async function notifyCompetition(input: {
    key: string;
    template: string;
    organizationId?: string;
    proposalId?: string;
    accountIds?: string[];
    context: Ctx;
  }): Promise<{ queued: number }> {
    const recipients: Recipient[] = input.organizationId
      ? await organizationRecipients(db, input.organizationId)
      : [];
    if (input.accountIds?.length) {
      const accs = await db.account.findMany({
        where: { id: { in: input.accountIds }, active: true },
      });
      recipients.push(...accs.map((a) => ({ address: a.email, name: a.displayName })));
    }
    const context = { ...input.context };
    if (input.proposalId) {
      const p = await db.competitionProposal.findUnique({
        where: { id: input.proposalId },
        include: { round: true },
      });
      if (p) Object.assign(context, { title: p.title, round: p.round.title });
    }
    const mail = renderCompetitionMail(input.template, context, opts.portalUrl);
    const seen = new Set<string>();
    const entries = recipients
      .filter((r) => !seen.has(r.address.toLowerCase()) && seen.add(r.address.toLowerCase()))
      .map((r) => ({
        key: `competition/${input.key}/${r.address.toLowerCase()}`,
        toAddress: r.address,
        toName: r.name,
        subject: mail.subject,
        text: mail.body,
      }));
    await outbox.enqueue(entries);
    outbox.dispatchSoon(entries.map((e) => e.key));
    return { queued: entries.length };
  };
}
