import type { EvaluationFile } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import type { Session } from './auth/session';

/**
 * What the evaluation pages show beside the workflow's view: the file's trail from the audit
 * log, the committees' named votes, and which files still wait for a member's vote.
 */

/** The expert panel's and the committees' own steps: evidence for the office, not the organisation. */
const INTERNAL = new Set([
  'committee_vote',
  'review_vote',
  'conflict_declared',
  'no_conflict_declared',
]);
/** Entries that open a new committee round (the round lives in the workflow, not the projection). */
const NEW_COMMITTEE_ROUND = ['committee_rejected', 'committee_quorum_failed'];
const NEW_REVIEW_ROUND = ['review_quorum_failed'];

const insider = (s: Session) =>
  s.role === 'administrator' || s.role === 'agency' || s.role === 'committee_member';

export async function fileTrail(db: Db, fileId: string, session: Session) {
  if (session.role === 'evaluator') return [];
  const rows = await db.auditEntry.findMany({
    where: { subjectType: 'evaluation_file', subjectId: fileId },
    orderBy: { seq: 'asc' },
  });
  const all = insider(session);
  return rows
    .filter((r) => all || !INTERNAL.has(r.action))
    .map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actor: { name: r.actorName, role: r.actorRole },
      action: r.action,
      from: r.fromStatus,
      to: r.toStatus,
      reason: r.reason,
      details: all ? (r.details as Record<string, unknown> | null) : null,
    }));
}

/** Named votes of both committees, every round, for the office and the committees only. */
export async function namedVotes(db: Db, fileId: string, session: Session) {
  if (!insider(session)) return [];
  const votes = await db.evaluationVote.findMany({
    where: { fileId },
    orderBy: [{ body: 'asc' }, { round: 'asc' }, { votedAt: 'asc' }],
  });
  const names = new Map(
    (
      await db.account.findMany({
        where: { id: { in: votes.map((v) => v.memberId) } },
        select: { id: true, displayName: true },
      })
    ).map((a) => [a.id, a.displayName]),
  );
  return votes.map((v) => ({
    body: v.body as 'committee' | 'review',
    round: v.round,
    memberId: v.memberId,
    memberName: names.get(v.memberId) ?? '—',
    approve: v.approve,
    votedAt: v.votedAt.toISOString(),
  }));
}

/**
 * For a committee member: the files on this list that wait for their vote in the current round
 * (the evaluation committee's while scored, the review committee's while a review is open).
 */
export async function awaitingVotes(
  db: Db,
  session: Session,
  files: EvaluationFile[],
): Promise<Map<string, 'committee' | 'review'>> {
  const out = new Map<string, 'committee' | 'review'>();
  if (session.role !== 'committee_member') return out;
  const candidates = files.filter((f) => f.status === 'scored' || f.status === 'review_requested');
  if (candidates.length === 0) return out;
  const campaigns = new Map(
    (
      await db.evaluationCampaign.findMany({
        where: { id: { in: [...new Set(candidates.map((f) => f.campaignId))] } },
        select: { id: true, committeeIds: true, reviewCommitteeIds: true },
      })
    ).map((c) => [c.id, c]),
  );
  const ids = candidates.map((f) => f.id);
  const [roundEnds, mine] = await Promise.all([
    db.auditEntry.findMany({
      where: {
        subjectType: 'evaluation_file',
        subjectId: { in: ids },
        action: { in: [...NEW_COMMITTEE_ROUND, ...NEW_REVIEW_ROUND] },
      },
      select: { subjectId: true, action: true },
    }),
    db.evaluationVote.findMany({
      where: { fileId: { in: ids }, memberId: session.sub },
      select: { fileId: true, body: true, round: true },
    }),
  ]);
  const voted = new Set(mine.map((v) => `${v.fileId}/${v.body}/${v.round}`));
  for (const f of candidates) {
    const c = campaigns.get(f.campaignId);
    const body = f.status === 'scored' ? 'committee' : 'review';
    const members = body === 'committee' ? c?.committeeIds : c?.reviewCommitteeIds;
    if (!members?.includes(session.sub)) continue;
    const ends = body === 'committee' ? NEW_COMMITTEE_ROUND : NEW_REVIEW_ROUND;
    const round =
      1 + roundEnds.filter((e) => e.subjectId === f.id && ends.includes(e.action)).length;
    if (!voted.has(`${f.id}/${body}/${round}`)) out.set(f.id, body);
  }
  return out;
}
