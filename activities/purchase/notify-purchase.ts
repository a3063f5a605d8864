import type { Db } from '../../lib/db';
import type { PurchaseAudience, PurchaseMailTemplate } from '../../workflows/purchase/effects';
import type { Outbox } from '../mail/outbox';
import { type PurchaseMailContext, renderPurchaseMail } from './mail-templates';

interface Recipient {
  address: string;
  name: string | null;
}

/** Who an audience is today: accounts resolve at send time, so a new colleague is included. */
async function resolve(db: Db, audience: PurchaseAudience[]): Promise<Recipient[]> {
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
      out.push(...accs.map((x) => ({ address: x.email, name: x.displayName })));
    } else {
      const orgs = await db.organization.findMany({
        where: { id: { in: a.organizationIds } },
        include: { accounts: { where: { active: true, role: 'applicant' } } },
      });
      for (const o of orgs) {
        if (o.email) out.push({ address: o.email, name: o.name });
        out.push(...o.accounts.map((x) => ({ address: x.email, name: x.displayName })));
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.address.toLowerCase()) && seen.add(r.address.toLowerCase()));
}

/** One outbox row per recipient, keyed by the workflow's effect key and the address. */
export function makeNotifyPurchase(
  db: Db,
  outbox: Outbox,
  opts: { portalUrl: string; authority: string },
) {
  return async function notifyPurchase(input: {
    key: string;
    audience: PurchaseAudience[];
    template: PurchaseMailTemplate;
    context: PurchaseMailContext;
  }): Promise<{ queued: number }> {
    const recipients = await resolve(db, input.audience);
    const mail = renderPurchaseMail(input.template, input.context, opts.portalUrl, opts.authority);
    const entries = recipients.map((r) => ({
      key: `${input.key}/${r.address.toLowerCase()}`,
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
