import type { Db } from '../../lib/db';
import type { Audience, MailTemplate } from '../../workflows/registration/effects';
import type { MailContext } from '../../workflows/registration/outputs';
import { type MailAudience, makeMailActivity, outboxEntries } from './enqueue-mail';
import type { Outbox, OutboxEntry } from './outbox';
import { renderMail } from './templates';

export interface NotifyInput {
  key: string;
  registrationId: string;
  organizationId: string;
  audience: Audience[];
  template: MailTemplate;
  context: MailContext;
  attachmentFileIds?: string[];
}

/** The registration's audiences: the applicant (its contact and accounts), an account, a role. */
function audienceOf(input: NotifyInput): MailAudience[] {
  return input.audience.map((a) =>
    a.kind === 'account'
      ? { kind: 'accounts', accountIds: [a.accountId] }
      : a.kind === 'role'
        ? { kind: 'roles', roles: [a.role] }
        : { kind: 'registration-applicant', registrationId: input.registrationId },
  );
}

type MailOpts = { portalUrl: string; authority: string };

/** The outbox rows of one notification, for a step that writes them with its record. */
export async function mailEntries(
  db: Db,
  input: NotifyInput,
  opts: MailOpts,
): Promise<OutboxEntry[]> {
  return outboxEntries(db, {
    key: input.key,
    audience: audienceOf(input),
    rendered: renderMail(input.template, input.context, opts.portalUrl, opts.authority),
    attachmentFileIds: input.attachmentFileIds,
  });
}

/** The registration's `notify` activity over the one mail path (activities/mail/enqueue-mail.ts). */
export function makeNotify(db: Db, outbox: Outbox, opts: MailOpts) {
  return makeMailActivity<NotifyInput>(db, outbox, {
    audience: audienceOf,
    render: (input) => renderMail(input.template, input.context, opts.portalUrl, opts.authority),
    attachments: (input) => input.attachmentFileIds,
  });
}
