import type { Db } from '../../lib/db';
import type { PurchaseAudience, PurchaseMailTemplate } from '../../workflows/purchase/effects';
import { type MailAudience, makeMailActivity } from '../mail/enqueue-mail';
import type { Outbox } from '../mail/outbox';
import { type PurchaseMailContext, renderPurchaseMail } from './mail-templates';

interface NotifyPurchaseInput {
  key: string;
  audience: PurchaseAudience[];
  template: PurchaseMailTemplate;
  context: PurchaseMailContext;
}

const audienceOf = (input: NotifyPurchaseInput): MailAudience[] =>
  input.audience.map((a) =>
    a.kind === 'account'
      ? { kind: 'accounts', accountIds: [a.accountId] }
      : a.kind === 'role'
        ? { kind: 'roles', roles: [a.role] }
        : { kind: 'organizations', organizationIds: a.organizationIds },
  );

/** The purchase's `notifyPurchase` activity over the one mail path. */
export function makeNotifyPurchase(
  db: Db,
  outbox: Outbox,
  opts: { portalUrl: string; authority: string },
) {
  return makeMailActivity<NotifyPurchaseInput>(db, outbox, {
    audience: audienceOf,
    render: (input) =>
      renderPurchaseMail(input.template, input.context, opts.portalUrl, opts.authority),
  });
}
