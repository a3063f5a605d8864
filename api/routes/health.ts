import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';

export function createHealthRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/healthz',
      limit: 'none',
      tag: '运维',
      summary: '进程存活',
      access: 'public',
      response: { status: 200, description: '存活', schema: z.object({ status: z.literal('ok') }) },
    },
    async () => ({ status: 'ok' as const }),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/readyz',
      limit: 'none',
      tag: '运维',
      summary: '可以接收请求：数据库和 Temporal 均可用',
      access: 'public',
      response: {
        status: 200,
        description: '就绪',
        schema: z.object({ database: z.boolean(), temporal: z.boolean() }),
      },
      problems: ['unavailable'],
    },
    async () => {
      const database = await deps.db.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
      const temporal = await deps.temporalReady().catch(() => false);
      if (!database || !temporal) {
        throw new AppError(
          'unavailable',
          `数据库${database ? '正常' : '不可用'}，Temporal ${temporal ? '正常' : '不可用'}`,
        );
      }
      return { database, temporal };
    },
  );
  return router;
}
