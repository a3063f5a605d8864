import type { CompetitionProposal, CompetitionRound } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import { type Actor, PROPOSAL_FINAL } from '../workflows/competition/messages';
import type { AppDeps } from './app';
import type { Session } from './auth/session';
import { isSeated } from './evaluator-seats';
import { AppError, hiddenFrom } from './problem';
import { adminWorkflowLink } from './registration-access';

/** The bureau's officials of the competition: they see every proposal and its workflow. */
const OFFICIALS = new Set(['administrator', 'reviewer', 'finance']);

export const actorOf = (s: Session): Actor => ({ id: s.sub, name: s.name, role: s.role });

export async function roundFor(db: Db, id: string): Promise<CompetitionRound> {
  const round = await db.competitionRound.findUnique({ where: { id } });
  if (!round) throw new AppError('not_found', '没有找到该创投轮次');
  return round;
}

/**
 * A round whose workflow has ended takes no more decisions (its workflow cannot answer), except
 * the replay of one sent before under its Idempotency-Key, which collects that outcome.
 */
export async function openRoundFor(
  db: Db,
  id: string,
  opts: { replay?: boolean } = {},
): Promise<CompetitionRound> {
  const round = await roundFor(db, id);
  if (round.stage === 'closed' && !opts.replay) throw new AppError('conflict', '本轮创投已经结束');
  return round;
}

/** A proposal whose workflow has ended (rejected, not shortlisted, closed…) takes no more decisions. */
export function assertProposalOpen(
  p: CompetitionProposal,
  round: CompetitionRound,
  opts: { replay?: boolean } = {},
): void {
  if (opts.replay) return;
  const ended =
    PROPOSAL_FINAL.includes(p.status as never) ||
    (p.status === 'not_funded' && ['implementing', 'closed'].includes(round.stage));
  if (ended) throw new AppError('conflict', '该项目流程已经结束，不能再办理');
}

/**
 * Object-level access to a proposal: officials see every one; an applicant only its own
 * organisation's; a judge only one assigned to them; an evaluator only one they are seated on to
 * evaluate. Others get 404.
 */
export async function proposalFor(
  db: Db,
  id: string,
  session: Session,
): Promise<CompetitionProposal> {
  const p = await db.competitionProposal.findUnique({ where: { id } });
  const missing = new AppError('not_found', '没有找到该项目');
  if (!p || p.status === 'submitting') throw missing;
  const hidden = hiddenFrom('没有找到该项目');
  if (OFFICIALS.has(session.role)) return p;
  if (session.role === 'applicant' && session.org === p.organizationId) return p;
  if (session.role === 'judge') {
    const a = await db.competitionAssignment.findFirst({
      where: { proposalId: id, judgeId: session.sub },
    });
    if (a) return p;
  }
  if (session.role === 'evaluator' && (await isSeated(db, 'competition_proposal', id, session.sub)))
    return p;
  throw hidden;
}

/** The workflow's page in the Temporal Web UI, for administrators only. */
export function workflowLink(deps: Pick<AppDeps, 'config'>, session: Session, workflowId: string) {
  const { TEMPORAL_UI_URL, TEMPORAL_NAMESPACE } = deps.config;
  return adminWorkflowLink(
    { url: TEMPORAL_UI_URL, namespace: TEMPORAL_NAMESPACE },
    session,
    workflowId,
  );
}
