import type { EvaluationFile } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import type { Actor } from '../workflows/evaluation/messages';
import type { Session } from './auth/session';
import { AppError, hiddenFrom } from './problem';

/** Who sees every file: the bureau's evaluation office and the third-party agency. */
const OFFICE = new Set(['administrator', 'section_head', 'agency']);
const SEATED = ['assigned', 'cleared'];

export const actorOf = (s: Session): Actor => ({
  id: s.sub,
  name: s.name,
  role: s.role,
  organizationId: s.org,
});

/**
 * Object-level access to a file: the office and the agency see all; an evaluator only files they are seated
 * on; a committee member the campaign's files; an organisation only its own. Others get 404.
 */
export async function evaluationFileFor(
  db: Db,
  id: string,
  session: Session,
): Promise<{ file: EvaluationFile; seat: { status: string } | null }> {
  const file = await db.evaluationFile.findUnique({ where: { id }, include: { campaign: true } });
  const missing = new AppError('not_found', '没有找到该评估事项');
  if (!file) throw missing;
  if (OFFICE.has(session.role)) return { file, seat: null };
  if (session.role === 'applicant' && session.org === file.organizationId)
    return { file, seat: null };
  if (session.role === 'committee_member') {
    const c = file.campaign;
    if (c.committeeIds.includes(session.sub) || c.reviewCommitteeIds.includes(session.sub))
      return { file, seat: null };
  }
  if (session.role === 'evaluator') {
    const seat = await db.evaluationAssignment.findUnique({
      where: { fileId_evaluatorId: { fileId: id, evaluatorId: session.sub } },
    });
    if (seat && SEATED.includes(seat.status)) return { file, seat };
  }
  throw hiddenFrom('没有找到该评估事项');
}

/** Which files a list shows to this caller. */
export async function visibleFilesWhere(db: Db, session: Session) {
  if (OFFICE.has(session.role)) return {};
  if (session.role === 'applicant')
    return { organizationId: session.org ?? '00000000-0000-0000-0000-000000000000' };
  if (session.role === 'committee_member')
    return {
      campaign: {
        OR: [{ committeeIds: { has: session.sub } }, { reviewCommitteeIds: { has: session.sub } }],
      },
    };
  if (session.role === 'evaluator') {
    const seats = await db.evaluationAssignment.findMany({
      where: { evaluatorId: session.sub, status: { in: SEATED } },
      select: { fileId: true },
    });
    return { id: { in: seats.map((s) => s.fileId) } };
  }
  throw new AppError('forbidden', '此角色不能查看评估事项');
}

/** Names of the evaluated organisations: an expert must know whom a file is about to declare. */
export async function organizationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const orgs = await db.organization.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(orgs.map((o) => [o.id, o.name]));
}

export function summarizeFile(f: EvaluationFile, names: Map<string, string> = new Map()) {
  return {
    id: f.id,
    fileNo: f.fileNo,
    campaignId: f.campaignId,
    organizationId: f.organizationId,
    organizationName: names.get(f.organizationId) ?? null,
    status: f.status,
    appliedAt: f.appliedAt.toISOString(),
    ineligibleReason: f.ineligibleReason,
    finalScore: f.finalScore,
    proposedLevel: f.proposedLevel,
    decidedLevel: f.decidedLevel,
    flagged: f.flagged,
    gradeId: f.gradeId,
    scoreCancelled: f.scoreCancelled,
    disqualification: f.disqualification,
    panelShortBy: f.panelShortBy,
  };
}
