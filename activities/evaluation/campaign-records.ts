import type { Db } from '../../lib/db';

const OPEN = [
  'applied',
  'assigned',
  'scored',
  'recommended_upward',
  'publicised',
  'review_requested',
];

/** The campaign's projection: its phase for lists and for the application window check. */
export function makeRecordCampaignPhase(db: Db) {
  return async function recordCampaignPhase(input: {
    campaignId: string;
    phase: string;
    at: number;
  }): Promise<void> {
    await db.evaluationCampaign.update({
      where: { id: input.campaignId },
      data: {
        phase: input.phase,
        ...(input.phase === 'assessment' ? { applicationsClosedAt: new Date(input.at) } : {}),
        ...(input.phase === 'closed' ? { closedAt: new Date(input.at) } : {}),
      },
    });
  };
}

/** One page of applications to start as child workflows, in id order after the cursor. */
export function makeListFilesToStart(db: Db) {
  return async function listFilesToStart(input: {
    campaignId: string;
    after: string | null;
    limit: number;
  }): Promise<{ fileId: string; organizationId: string; appliedAt: number }[]> {
    const rows = await db.evaluationFile.findMany({
      where: { campaignId: input.campaignId, ...(input.after ? { id: { gt: input.after } } : {}) },
      orderBy: { id: 'asc' },
      take: input.limit,
      select: { id: true, organizationId: true, appliedAt: true },
    });
    return rows.map((r) => ({
      fileId: r.id,
      organizationId: r.organizationId,
      appliedAt: r.appliedAt.getTime(),
    }));
  };
}

/** Files still in progress: a campaign closes only when every file has its outcome. */
export function makeCountOpenFiles(db: Db) {
  return async function countOpenFiles(input: { campaignId: string }): Promise<number> {
    return db.evaluationFile.count({
      where: { campaignId: input.campaignId, status: { in: OPEN } },
    });
  };
}
