import { Router } from 'express';
import * as E from '../../contract/evaluation';
import { organizationNames } from '../evaluation-access';
import { pageArgs, ZPageQuery } from '../paging';
import type { RouteRegistry } from '../route';
import type { EvaluationDeps } from './evaluation-campaigns';

/**
 * The evaluation office's inbox: what waits for it on files (today: panels that lack experts
 * after conflicts, which wait for the office to seat replacements). Complaints have their own
 * list (举报办理).
 */
export function createEvaluationOfficeTasksRouter(
  registry: RouteRegistry,
  deps: EvaluationDeps,
): Router {
  const router = Router();
  const { db, config } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/office-tasks',
      tag: '等级评估',
      summary: '评估办公室待办：专家组不足规定人数、待增补专家的评估事项',
      access: ['administrator', 'section_head'],
      query: ZPageQuery,
      response: { status: 200, description: '一页待办事项', schema: E.ZOfficeTasks },
    },
    async ({ query }) => {
      const where = {
        panelShortBy: { gt: 0 },
        status: 'assigned',
        campaign: { districtCode: config.DISTRICT_CODE },
      };
      // The longest waiting first; the id breaks ties so that pages neither repeat nor skip.
      const [total, files] = await Promise.all([
        db.evaluationFile.count({ where }),
        db.evaluationFile.findMany({
          where,
          include: { campaign: { select: { title: true } } },
          orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
          ...pageArgs(query),
        }),
      ]);
      const names = await organizationNames(
        db,
        files.map((f) => f.organizationId),
      );
      return {
        items: files.map((f) => ({
          kind: 'panel_incomplete' as const,
          task: `评估专家不足，待增补${f.panelShortBy}名`,
          fileId: f.id,
          campaignId: f.campaignId,
          campaignTitle: f.campaign.title,
          organizationId: f.organizationId,
          organizationName: names.get(f.organizationId) ?? null,
          missing: f.panelShortBy,
          since: f.updatedAt.toISOString(),
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },
  );

  return router;
}
