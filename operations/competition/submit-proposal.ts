import { randomUUID } from 'node:crypto';
import type { CompetitionPolicy } from '../../domain/competition/policy';
import {
  capFor,
  checkProposal,
  type Eligibility,
  type Proposal,
} from '../../domain/competition/proposal';
import type { Db, Prisma } from '../../lib/db';
import { Refused } from '../refused';

/**
 * A proposal accepted into an open round, then its workflow started by `start`. Accepted here,
 * not by the round workflow: one Update per submission on one workflow was the round's
 * bottleneck at thousands of proposals, and the rule needs only the database. A lock per round
 * makes the one-per-organisation count and the sequence number exact. If the start fails, the
 * row says so, it no longer counts against the organisation's limit, and the applicant may
 * submit again. The proposal's workflow writes its trail.
 */
export async function submitProposal(
  db: Db,
  input: {
    roundId: string;
    policy: CompetitionPolicy;
    orgId: string;
    eligibility: Eligibility;
    proposal: Proposal;
    workflowIdOf: (proposalId: string) => string;
    start: (accepted: { id: string; seq: number; now: number }) => Promise<void>;
    /** After a successful start, before the row says submitted (e.g. news the workflow missed). */
    started: (id: string) => Promise<void>;
  },
) {
  const { roundId, policy, orgId, eligibility, proposal: body } = input;
  const { recorded } = eligibility;
  const findings = checkProposal(policy, eligibility, body);
  if (body.documentIds.length) {
    const owned = await db.storedFile.count({
      where: { id: { in: body.documentIds }, organizationId: orgId },
    });
    if (owned !== new Set(body.documentIds).size)
      findings.push({ code: 'DOCUMENTS', message: '附件不存在或不属于本单位' });
  }
  if (findings.length)
    throw new Refused(
      'unprocessable',
      findings.map((f) => f.message).join('；'),
      findings.map((f) => ({ path: `body.${f.code}`, message: f.message })),
    );
  const id = randomUUID();
  const capFen = capFor(policy, recorded);
  const now = Date.now();
  const seq = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`competition-submit:${roundId}`}))`;
    const r = await tx.competitionRound.findUniqueOrThrow({ where: { id: roundId } });
    if (r.stage !== 'call_open' || now >= r.callClosesAt.getTime())
      throw new Refused('conflict', '本轮项目征集已经截止');
    if (now < r.callOpensAt.getTime())
      throw new Refused('conflict', `本轮项目征集将于 ${r.callOpensAt.toISOString()} 开始`);
    const limit = policy.proposalsPerOrganization;
    const mine = await tx.competitionProposal.count({
      where: { roundId, organizationId: orgId, status: { not: 'start_failed' } },
    });
    if (mine >= limit)
      throw new Refused('conflict', `每个单位本轮限报${limit}个项目，贵单位已经申报`);
    const before = await tx.competitionProposal.count({ where: { roundId } });
    await tx.competitionProposal.create({
      data: {
        id,
        roundId,
        organizationId: orgId,
        workflowId: input.workflowIdOf(id),
        title: body.title,
        category: body.category,
        status: 'submitting',
        content: body as unknown as Prisma.InputJsonValue,
        requestedFen: BigInt(body.requestedFen),
        capFen: BigInt(capFen),
        recorded,
        submittedAt: new Date(now),
      },
    });
    return before + 1;
  });
  try {
    await input.start({ id, seq, now });
  } catch (err) {
    await db.competitionProposal.updateMany({
      where: { id, status: 'submitting' },
      data: { status: 'start_failed', qualificationNote: '系统未能受理该项目，请重新申报' },
    });
    throw err;
  }
  await input.started(id);
  await db.competitionProposal.updateMany({
    where: { id, status: 'submitting' },
    data: { status: 'submitted' },
  });
  return { id, seq, status: 'submitted' as const, capFen, recorded };
}
