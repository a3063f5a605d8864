import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';

/** A probe answers within this, whatever is down. */
const PROBE_MS = 1_500;

/** The value, or false when it fails or is late. */
async function within<T>(ms: number, p: Promise<T>): Promise<T | false> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.catch(() => false as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

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
      summary: '可以接收请求：数据库和 Temporal 可用，且有 worker 在处理任务队列（2秒内答复）',
      access: 'public',
      response: {
        status: 200,
        description: '就绪',
        schema: z.object({ database: z.boolean(), temporal: z.boolean(), workers: z.boolean() }),
      },
      problems: ['unavailable'],
    },
    async () => {
      const [database, health] = await Promise.all([
        within(
          PROBE_MS,
          deps.db.$queryRaw`SELECT 1`.then(() => true),
        ),
        within(PROBE_MS, deps.temporalHealth()),
      ]);
      const { temporal, workers } = health || { temporal: false, workers: false };
      if (!database || !temporal || !workers) {
        const parts = [
          `数据库${database ? '正常' : '不可用'}`,
          `Temporal ${temporal ? '正常' : '不可用'}`,
          `worker ${workers ? '正常' : '无（没有 worker 在处理任务队列）'}`,
        ];
        throw new AppError('unavailable', parts.join('，'));
      }
      return { database, temporal, workers };
    },
  );
  return router;
}
