import type { Role } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import { type MailAudience, makeMailActivity } from '../mail/enqueue-mail';
import type { Outbox } from '../mail/outbox';
import {
  type EvaluationMailContext,
  type EvaluationTemplate,
  renderEvaluationMail,
} from './templates';

interface NotifyEvaluationInput {
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
}

const audienceOf = ({ to, organizationId }: NotifyEvaluationInput): MailAudience[] => [
  ...(to.organization
    ? [{ kind: 'organizations' as const, organizationIds: [organizationId] }]
    : []),
  ...(to.accountIds?.length ? [{ kind: 'accounts' as const, accountIds: to.accountIds }] : []),
  ...(to.roles?.length ? [{ kind: 'roles' as const, roles: to.roles }] : []),
  ...(to.complainantOf ? [{ kind: 'complainant' as const, complaintId: to.complainantOf }] : []),
];

/** The evaluation's `notifyEvaluation` activity over the one mail path. */
export function makeNotifyEvaluation(db: Db, outbox: Outbox, authority: string) {
  return makeMailActivity<NotifyEvaluationInput>(db, outbox, {
    audience: audienceOf,
    render: async (input, db) => {
      const org = await db.organization.findUnique({
        where: { id: input.organizationId },
        select: { name: true },
      });
      return renderEvaluationMail(
        input.template,
        { organizationName: org?.name ?? '', ...input.context },
        authority,
      );
    },
    attachments: (input) => input.attachmentFileIds,
  });
}
