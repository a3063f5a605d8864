import type { Db } from '../../lib/db';

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
