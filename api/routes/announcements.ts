import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';

const ZAnnouncement = z
  .object({
    id: z.uuid(),
    /** The business key it was published under (e.g. evaluation-notice:<campaign>). */
    key: z.string(),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.uuid(),
    title: z.string(),
    body: z.string(),
    channels: z.array(z.string()),
    publishedAt: z.string(),
  })
  .meta({ id: 'Announcement' });

type Row = {
  id: string;
  kind: string;
  title: string;
  body: string;
  channels: string[];
  publishedAt: Date;
};
const toJson = (a: Row) => ({ ...a, publishedAt: a.publishedAt.toISOString() });

/** 公告 are public: anyone may read them without signing in. */
export function createAnnouncementsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/announcements',
      tag: '公告',
      summary: '公告列表（公开）',
      access: 'public',
      query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
      response: {
        status: 200,
        description: '最新公告在前',
        schema: z.object({ items: z.array(ZAnnouncement) }),
      },
    },
    async ({ query }) => {
      const rows = await deps.db.announcement.findMany({
        orderBy: { publishedAt: 'desc' },
        skip: (query.page - 1) * 20,
        take: 20,
      });
      return { items: rows.map(toJson) };
    },
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/announcements/:id',
      tag: '公告',
      summary: '一则公告（公开）',
      access: 'public',
      params: uuidParam,
      response: { status: 200, description: '公告', schema: ZAnnouncement },
      problems: ['not_found'],
    },
    async ({ params }) => {
      const a = await deps.db.announcement.findUnique({ where: { id: params.id } });
      if (!a) throw new AppError('not_found', '没有找到该公告');
      return toJson(a);
    },
  );
  return router;
}
