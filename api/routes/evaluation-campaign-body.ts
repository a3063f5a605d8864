import type { Session } from '../auth/session';
import { loadCampaignStages } from '../evaluation-campaign-stages';
import { AppError } from '../problem';
import { adminWorkflowLink } from '../registration-access';
import type { EvaluationDeps } from './evaluation-campaigns';

export async function campaignRow(deps: EvaluationDeps, id: string) {
  const c = await deps.db.evaluationCampaign.findUnique({ where: { id } });
  if (!c || c.districtCode !== deps.config.DISTRICT_CODE)
    throw new AppError('not_found', '没有找到该评估活动');
  return c;
}

/** Who sees who sits on the committees: the evaluation office and the committees. */
const INSIDERS = new Set(['administrator', 'section_head', 'agency', 'committee_member']);

/**
 * The campaign with its progress counted from the files' projection. The committees' member
 * ids go to the evaluation office and the committee members only, the workflow's address to the
 * administrators; everyone else (applicants above all) sees how many members there are.
 */
export async function campaignBody(deps: EvaluationDeps, id: string, session: Session) {
  const c = await campaignRow(deps, id);
  const insider = INSIDERS.has(session.role);
  const files = await deps.db.evaluationFile.findMany({
    where: { campaignId: id },
    select: { status: true, finalScore: true, decidedLevel: true, reviewRequestedAt: true },
  });
  const notice = await deps.db.announcement.findUnique({
    where: { key: `evaluation-notice:${c.id}` },
    select: { id: true, title: true, publishedAt: true },
  });
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    phase: c.phase,
    noticeAt: c.noticeAt.toISOString(),
    windowOpensAt: c.windowOpensAt.toISOString(),
    windowClosesAt: c.windowClosesAt.toISOString(),
    applicationsClosedAt: c.applicationsClosedAt?.toISOString() ?? null,
    committeeSize: c.committeeIds.length,
    reviewCommitteeSize: c.reviewCommitteeIds.length,
    ...(insider ? { committeeIds: c.committeeIds, reviewCommitteeIds: c.reviewCommitteeIds } : {}),
    closedAt: c.closedAt?.toISOString() ?? null,
    /** The published notice (公告), readable by anyone at /api/announcements/{id}. */
    notice: notice && {
      id: notice.id,
      title: notice.title,
      publishedAt: notice.publishedAt.toISOString(),
    },
    /** §4.3 ROUND phases with their dates, the current one marked. */
    stages: await loadCampaignStages(
      deps.db,
      c,
      files.map((f) => f.status),
    ),
    progress: campaignProgress(files),
    ...adminWorkflowLink(
      { url: deps.config.TEMPORAL_UI_URL, namespace: deps.config.TEMPORAL_NAMESPACE },
      session,
      c.workflowId,
    ),
  };
}

/**
 * Applied, assessed (eligibility decided), scored, decided, objected, disqualified. A
 * disqualified file's score and level no longer count.
 */
export function campaignProgress(
  files: {
    status: string;
    finalScore: number | null;
    decidedLevel: number | null;
    reviewRequestedAt: Date | null;
  }[],
) {
  const counting = files.filter((f) => f.status !== 'disqualified');
  return {
    applied: files.length,
    assessed: files.filter((f) => f.status !== 'applied').length,
    ineligible: files.filter((f) => f.status === 'ineligible').length,
    scored: counting.filter((f) => f.finalScore !== null).length,
    decided: counting.filter((f) => f.decidedLevel !== null || f.status === 'not_graded').length,
    objected: files.filter((f) => f.reviewRequestedAt !== null).length,
    confirmed: files.filter((f) => f.status === 'confirmed').length,
    disqualified: files.length - counting.length,
  };
}
