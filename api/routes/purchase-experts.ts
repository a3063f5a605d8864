import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { RouteRegistry } from '../route';

/**
 * The evaluation experts a purchaser may appoint to a panel (names only): the account list
 * itself is for administrators, but appointing a panel needs to know who can sit on one.
 */
export function createPurchaseExpertsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchase-experts',
      tag: '政府购买服务',
      summary: '可选的评审专家（在用的评估专家账号，供组建评审委员会）',
      access: ['purchaser'],
      response: {
        status: 200,
        description: '专家',
        schema: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
      },
    },
    async () => {
      const rows = await deps.db.account.findMany({
        where: { role: 'evaluator', active: true },
        orderBy: { displayName: 'asc' },
        select: { id: true, displayName: true },
      });
      return { items: rows.map((a) => ({ id: a.id, name: a.displayName })) };
    },
  );
  return router;
}
