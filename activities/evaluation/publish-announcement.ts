import { campaignNotice } from '../../domain/evaluation/campaign-notice';
import type { Db } from '../../lib/db';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';

/** Publicity notices (公示) and announcements (公告) of evaluation results, once per key. */
export function makePublishEvaluationAnnouncement(db: Db) {
  return async function publishEvaluationAnnouncement(input: {
    key: string;
    kind: string;
    subjectType: string;
    subjectId: string;
    title: string;
    body: string;
    channels: string[];
    at: number;
  }): Promise<string> {
    const row = await db.announcement.upsert({
      where: { key: input.key },
      update: {},
      create: {
        key: input.key,
        kind: input.kind,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        title: input.title,
        body: input.body,
        channels: input.channels,
        publishedAt: new Date(input.at),
      },
    });
    return row.id;
  };
}

/**
 * The campaign's notice (公告, §4.3 NOTICE_PUBLISHED), written from the campaign as opened and
 * the rules in force on its notice date; once per campaign.
 */
export function makePublishCampaignNotice(db: Db, districtCode: string) {
  return async function publishCampaignNotice(input: { campaignId: string }): Promise<string> {
    const key = `evaluation-notice:${input.campaignId}`;
    const existing = await db.announcement.findUnique({ where: { key } });
    if (existing) return existing.id;
    const c = await db.evaluationCampaign.findUniqueOrThrow({ where: { id: input.campaignId } });
    const { policy } = await loadEvaluationPolicy(db, districtCode, c.noticeAt.getTime());
    const notice = campaignNotice(
      {
        year: c.year,
        title: c.title,
        windowOpensAt: c.windowOpensAt.getTime(),
        windowClosesAt: c.windowClosesAt.getTime(),
      },
      policy,
    );
    return makePublishEvaluationAnnouncement(db)({
      key,
      kind: 'evaluation_notice',
      subjectType: 'evaluation_campaign',
      subjectId: c.id,
      title: notice.title,
      body: notice.body,
      channels: policy.announcementChannels,
      at: c.noticeAt.getTime(),
    });
  };
}
