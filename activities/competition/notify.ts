import type { Db } from '../../lib/db';
import { type MailAudience, makeMailActivity } from '../mail/enqueue-mail';
import type { Outbox } from '../mail/outbox';
import { type Ctx, renderCompetitionMail } from './templates';

interface NotifyCompetitionInput {
  key: string;
  template: string;
  organizationId?: string;
  proposalId?: string;
  accountIds?: string[];
  context: Ctx;
}

const audienceOf = (input: NotifyCompetitionInput): MailAudience[] => [
  ...(input.organizationId
    ? [{ kind: 'organizations' as const, organizationIds: [input.organizationId] }]
    : []),
  ...(input.accountIds?.length
    ? [{ kind: 'accounts' as const, accountIds: input.accountIds }]
    : []),
];

/** The proposal's title and round, read now, so the workflow need not carry them. */
async function contextOf(db: Db, input: NotifyCompetitionInput): Promise<Ctx> {
  const context = { ...input.context };
  if (input.proposalId) {
    const p = await db.competitionProposal.findUnique({
      where: { id: input.proposalId },
      include: { round: true },
    });
    if (p) Object.assign(context, { title: p.title, round: p.round.title });
  }
  return context;
}

/** The competition's `notifyCompetition` activity over the one mail path. */
export function makeNotifyCompetition(db: Db, outbox: Outbox, opts: { portalUrl: string }) {
  return makeMailActivity<NotifyCompetitionInput>(db, outbox, {
    // Keys of this process were always prefixed: a retried step must find its rows.
    key: (input) => `competition/${input.key}`,
    audience: audienceOf,
    render: async (input, db) =>
      renderCompetitionMail(input.template, await contextOf(db, input), opts.portalUrl),
  });
}
