import { Router } from 'express';
import { z } from 'zod';
import { checkNameRules } from '../../domain/name-rules';
import { legalFormSchema } from '../../domain/organization-types-schema';
import { nameConflictsInDistrict } from '../../lib/name-conflicts';
import { loadRegistrationRules } from '../../lib/rules/load-registration-rules';
import type { AppDeps } from '../app';
import type { RouteRegistry } from '../route';

/** 名称预先核准 aid: the naming rules and the district's registered and pending names. */
export function createNameCheckRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/name-check',
      limit: 'expensive',
      tag: '登记',
      summary: '拟用名称检查：命名规则，以及与本区已登记、申请中、已注销组织名称相同或近似',
      access: 'signed-in',
      query: z.object({ name: z.string().trim().min(1).max(100), legalForm: legalFormSchema }),
      response: {
        status: 200,
        description: '检查结果',
        schema: z.object({
          available: z.boolean(),
          findings: z.array(
            z.object({ code: z.string(), message: z.string(), legalBasis: z.string() }),
          ),
          exact: z.array(z.object({ name: z.string(), status: z.string() })),
          similar: z.array(z.object({ name: z.string(), status: z.string() })),
        }),
      },
    },
    async ({ query }) => {
      const rules = await loadRegistrationRules(deps.db, deps.config.DISTRICT_CODE, Date.now());
      const findings = checkNameRules(query.name, query.legalForm, rules.policy.names);
      const conflicts = await nameConflictsInDistrict(deps.db, query.name, rules.policy.names);
      const available =
        findings.length === 0 && conflicts.exact.length === 0 && conflicts.similar.length === 0;
      return { available, findings, ...conflicts };
    },
  );
  return router;
}
