import type { Role } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import type { Outbox } from '../mail/outbox';
import {
  type EvaluationMailContext,
  type EvaluationTemplate,
  renderEvaluationMail,
} from './templates';

/**
 * One outbox row per recipient, keyed by the workflow's step and the address: a retried
 * activity adds nothing. The organisation is reached at its address and its accounts.
 */
export function makeNotifyEvaluation(db: Db, outbox: Outbox, authority: string) {
  return async function notifyEvaluation(input: {
    key: string;
    organizationId: string;
    /**
     * `roles`: every active account of these roles (the evaluation office); `complainantOf`:
     * the contact address a complaint from the public form left (read here, never carried by
     * the workflow).
     */
    to: {
      organization?: boolean;
      accountIds?: string[];
      roles?: readonly Role[];
      complainantOf?: string;
    };
    template: EvaluationTemplate;
    context: EvaluationMailContext;
    attachmentFileIds?: string[];
  }): Promise<{ queued: number }> {
    const org = await db.organization.findUnique({
      where: { id: input.organizationId },
      include: { accounts: { where: { active: true, role: 'applicant' } } },
    });
    const recipients: { address: string; name: string | null }[] = [];
    if (input.to.organization && org) {
      if (org.email) recipients.push({ address: org.email, name: org.name });
      for (const a of org.accounts) recipients.push({ address: a.email, name: a.displayName });
    }
    if (input.to.accountIds?.length) {
      const accs = await db.account.findMany({
        where: { id: { in: input.to.accountIds }, active: true },
        orderBy: { username: 'asc' },
      });
      for (const a of accs) recipients.push({ address: a.email, name: a.displayName });
    }
    if (input.to.roles?.length) {
      const accs = await db.account.findMany({
        where: { role: { in: [...input.to.roles] }, active: true },
        orderBy: { username: 'asc' },
      });
      for (const a of accs) recipients.push({ address: a.email, name: a.displayName });
    }
    if (input.to.complainantOf) {
      const c = await db.evaluationComplaint.findUnique({ where: { id: input.to.complainantOf } });
      if (c?.contactEmail) recipients.push({ address: c.contactEmail, name: c.contactName });
    }
    const seen = new Set<string>();
    const unique = recipients.filter(
      (r) => !seen.has(r.address.toLowerCase()) && seen.add(r.address.toLowerCase()),
    );
    const mail = renderEvaluationMail(
      input.template,
      { organizationName: org?.name ?? '', ...input.context },
      authority,
    );
    const entries = unique.map((r) => ({
      key: `${input.key}/${r.address.toLowerCase()}`,
      toAddress: r.address,
      toName: r.name,
      subject: mail.subject,
      text: mail.body,
      attachmentFileIds: input.attachmentFileIds,
    }));
    await outbox.enqueue(entries);
    outbox.dispatchSoon(entries.map((e) => e.key));
    return { queued: entries.length };
  };
}
