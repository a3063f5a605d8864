import type { Db } from '../../lib/db';
import type { Audience, MailTemplate } from '../../workflows/registration/effects';
import type { MailContext } from '../../workflows/registration/outputs';
import { type MailAudience, makeMailActivity } from './enqueue-mail';
import type { Outbox } from './outbox';
import { renderMail } from './templates';

interface NotifyInput {
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

/** The registration's `notify` activity over the one mail path (activities/mail/enqueue-mail.ts). */
export function makeNotify(db: Db, outbox: Outbox, opts: { portalUrl: string; authority: string }) {
  return makeMailActivity<NotifyInput>(db, outbox, {
    audience: audienceOf,
    render: (input) => renderMail(input.template, input.context, opts.portalUrl, opts.authority),
    attachments: (input) => input.attachmentFileIds,
  });
}
