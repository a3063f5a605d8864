import type { Role } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import type { Outbox, OutboxEntry } from './outbox';

/**
 * One mail path for every process (issue 17 point 5): who the mail is for (an audience, resolved
 * now, so a new colleague is included), what it says (the process's template), and one outbox
 * row per recipient keyed by the workflow's step and the address, so a retried activity adds
 * nothing. Each process's notify activity keeps its name and input and describes itself here.
 */

export interface Recipient {
  address: string;
  name: string | null;
}

export type MailAudience =
  /** Active accounts by id. */
  | { kind: 'accounts'; accountIds: readonly string[] }
  /** Every active account of these roles. */
  | { kind: 'roles'; roles: readonly Role[] }
  /** An organisation's own address and its active applicant accounts. */
  | { kind: 'organizations'; organizationIds: readonly string[] }
  /** The contact named in a registration's latest application, and the organisation's accounts. */
  | { kind: 'registration-applicant'; registrationId: string }
  /** The contact address a complaint from the public form left (never carried by the workflow). */
  | { kind: 'complainant'; complaintId: string };

export interface RenderedMail {
  subject: string;
  body: string;
}

/** What one process's notify activity is: its audience, its template and its key. */
export interface MailProcess<I> {
  audience(input: I): MailAudience[];
  render(input: I, db: Db): Promise<RenderedMail> | RenderedMail;
  /** The outbox key before the address (default: the workflow's effect key as given). */
  key?(input: I): string;
  attachments?(input: I): string[] | undefined;
}

const byUsername = { username: 'asc' } as const;

async function recipientsOf(db: Db, a: MailAudience): Promise<Recipient[]> {
  switch (a.kind) {
    case 'accounts': {
      if (a.accountIds.length === 0) return [];
      const accs = await db.account.findMany({
        where: { id: { in: [...a.accountIds] }, active: true },
        orderBy: byUsername,
      });
      return accs.map((x) => ({ address: x.email, name: x.displayName }));
    }
    case 'roles': {
      if (a.roles.length === 0) return [];
      const accs = await db.account.findMany({
        where: { role: { in: [...a.roles] }, active: true },
        orderBy: byUsername,
      });
      return accs.map((x) => ({ address: x.email, name: x.displayName }));
    }
    case 'organizations': {
      if (a.organizationIds.length === 0) return [];
      const orgs = await db.organization.findMany({
        where: { id: { in: [...a.organizationIds] } },
        include: { accounts: { where: { active: true, role: 'applicant' } } },
      });
      return orgs.flatMap((o) => [
        ...(o.email ? [{ address: o.email, name: o.name }] : []),
        ...o.accounts.map((x) => ({ address: x.email, name: x.displayName })),
      ]);
    }
    case 'registration-applicant':
      return registrationApplicant(db, a.registrationId);
    case 'complainant': {
      const c = await db.evaluationComplaint.findUnique({ where: { id: a.complaintId } });
      return c?.contactEmail ? [{ address: c.contactEmail, name: c.contactName }] : [];
    }
  }
}

/**
 * The contact of the latest application and the organisation's active applicant accounts, in
 * one statement (every step that writes to the applicant resolves this).
 */
async function registrationApplicant(db: Db, registrationId: string): Promise<Recipient[]> {
  const rows = await db.$queryRaw<
    { contact: { email?: string; name?: string } | null; accounts: Recipient[] }[]
  >`
    SELECT
      (SELECT v.data->'contact' FROM "ApplicationVersion" v
        WHERE v."registrationId" = r.id ORDER BY v.version DESC LIMIT 1) AS contact,
      COALESCE((SELECT json_agg(json_build_object('address', a.email, 'name', a."displayName")
                                ORDER BY a.username)
        FROM "Account" a
        WHERE a."organizationId" = r."organizationId" AND a.active AND a.role = 'applicant'),
        '[]'::json) AS accounts
    FROM "Registration" r WHERE r.id = ${registrationId}::uuid`;
  const row = rows[0];
  if (!row) return [];
  const contact = row.contact;
  const out: Recipient[] = contact?.email
    ? [{ address: contact.email, name: contact.name ?? null }]
    : [];
  return [...out, ...row.accounts];
}

/** Everyone the audience names today, each address once (compared without case). */
export async function resolveAudience(db: Db, audience: MailAudience[]): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const a of audience) out.push(...(await recipientsOf(db, a)));
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.address.toLowerCase()) && seen.add(r.address.toLowerCase()));
}

/**
 * Puts one mail per recipient in the outbox and starts sending them straight away. Once the rows
 * are committed the workflow has done its part: delivery runs in the background (the dispatcher
 * retries it, and a send that may have happened is flagged, never repeated), so no decision
 * waits for a mail server.
 */
export async function enqueueMail(
  db: Db,
  outbox: Outbox,
  mail: OneMail,
): Promise<{ queued: number }> {
  const entries = await outboxEntries(db, mail);
  await outbox.enqueue(entries);
  outbox.dispatchSoon(entries.map((e) => e.key));
  return { queued: entries.length };
}

export interface OneMail {
  key: string;
  audience: MailAudience[];
  rendered: RenderedMail;
  attachmentFileIds?: string[];
}

/**
 * The outbox rows of one mail, one per recipient keyed by the step and the address; a caller
 * that writes them in its own transaction (a step recording its decision) sends them after.
 */
export async function outboxEntries(db: Db, mail: OneMail): Promise<OutboxEntry[]> {
  const recipients = await resolveAudience(db, mail.audience);
  return recipients.map((r) => ({
    key: `${mail.key}/${r.address.toLowerCase()}`,
    toAddress: r.address,
    toName: r.name,
    subject: mail.rendered.subject,
    text: mail.rendered.body,
    attachmentFileIds: mail.attachmentFileIds,
  }));
}

/** A process's notify activity over the one mail path. */
export function makeMailActivity<I extends { key: string }>(
  db: Db,
  outbox: Outbox,
  process: MailProcess<I>,
): (input: I) => Promise<{ queued: number }> {
  return async (input) =>
    enqueueMail(db, outbox, {
      key: process.key ? process.key(input) : input.key,
      audience: process.audience(input),
      rendered: await process.render(input, db),
      attachmentFileIds: process.attachments?.(input),
    });
}
