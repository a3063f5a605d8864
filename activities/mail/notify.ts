import type { Db } from '../../lib/db';
import type { Audience, MailTemplate } from '../../workflows/registration/effects';
import type { MailContext } from '../../workflows/registration/outputs';
import type { Outbox, OutboxEntry } from './outbox';
import { renderMail } from './templates';

interface Recipient {
  address: string;
  name: string | null;
}

/** Who an audience is today: accounts resolve at send time, so a new colleague is included. */
async function resolve(db: Db, audience: Audience[], registrationId: string): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const a of audience) {
    if (a.kind === 'account') {
      const acc = await db.account.findFirst({ where: { id: a.accountId, active: true } });
      if (acc) out.push({ address: acc.email, name: acc.displayName });
    } else if (a.kind === 'role') {
      const accs = await db.account.findMany({
        where: { role: a.role, active: true },
        orderBy: { username: 'asc' },
      });
      out.push(...accs.map((acc) => ({ address: acc.email, name: acc.displayName })));
    } else {
      out.push(...(await applicantRecipients(db, registrationId)));
    }
  }
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.address.toLowerCase()) && seen.add(r.address.toLowerCase()));
}

/** The contact person named in the latest application, and the organisation's accounts. */
async function applicantRecipients(db: Db, registrationId: string): Promise<Recipient[]> {
  const reg = await db.registration.findUnique({
    where: { id: registrationId },
    include: {
      versions: { orderBy: { version: 'desc' }, take: 1 },
      organization: { include: { accounts: true } },
    },
  });
  if (!reg) return [];
  const contact = (
    reg.versions[0]?.data as { contact?: { email?: string; name?: string } } | undefined
  )?.contact;
  const out: Recipient[] = contact?.email
    ? [{ address: contact.email, name: contact.name ?? null }]
    : [];
  for (const acc of reg.organization.accounts) {
    if (acc.active && acc.role === 'applicant')
      out.push({ address: acc.email, name: acc.displayName });
  }
  return out;
}

export interface NotifyInput {
  key: string;
  registrationId: string;
  organizationId: string;
  audience: Audience[];
  template: MailTemplate;
  context: MailContext;
  attachmentFileIds?: string[];
}

/** The outbox rows of one notification: one per recipient, keyed by the effect key and address. */
export async function mailEntries(
  db: Db,
  input: NotifyInput,
  opts: { portalUrl: string; authority: string },
): Promise<OutboxEntry[]> {
  const recipients = await resolve(db, input.audience, input.registrationId);
  const mail = renderMail(input.template, input.context, opts.portalUrl, opts.authority);
  return recipients.map((r) => ({
    key: `${input.key}/${r.address.toLowerCase()}`,
    toAddress: r.address,
    toName: r.name,
    subject: mail.subject,
    text: mail.body,
    attachmentFileIds: input.attachmentFileIds,
  }));
}

/**
 * Puts one mail per recipient in the outbox (keyed by the workflow's effect key and the
 * address, so a retried activity adds nothing) and starts sending them straight away.
 */
export function makeNotify(db: Db, outbox: Outbox, opts: { portalUrl: string; authority: string }) {
  return async function notify(input: NotifyInput): Promise<{ queued: number }> {
    const entries = await mailEntries(db, input, opts);
    await outbox.enqueue(entries);
    // Once the rows are committed the workflow has done its part: delivery runs in the
    // background (and the dispatcher retries it), so no decision waits for a mail server.
    outbox.dispatchSoon(entries.map((e) => e.key));
    return { queued: entries.length };
  };
}
