import express, { type Router } from 'express';
import { z } from 'zod';
import * as O from '../../contract/organization';
import { localDateOf } from '../../domain/calendar';
import { buildCreditCode } from '../../domain/credit-code';
import { IMPORT_COLUMNS } from '../../domain/organization/import-row';
import { loadRegistrationRules } from '../../lib/rules/load-registration-rules';
import { importOrganizations } from '../../operations/organization/import-organizations';
import type { AppDeps } from '../app';
import { watchImportedGrades } from '../grade-watch';
import { operate } from '../operations';
import { type RouteRegistry, SENT } from '../route';
import { ZImportQuery } from '../schemas/organization';
import { actor, IMPORT_MAX_ROWS, KEEPERS } from './organization-access';

/** The CSV import of existing organisations and its template. */
export function registerOrganizationImport(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/organizations/import-template',
      tag: '组织档案',
      summary: '导入模板（CSV 表头与一行示例）',
      access: KEEPERS,
      response: { status: 200, description: 'CSV', contentType: 'text/csv' },
    },
    async ({ res }) => {
      const header = Object.values(IMPORT_COLUMNS).join(',');
      const code = buildCreditCode({
        legalForm: 'social_group',
        divisionCode: deps.config.DISTRICT_CODE,
        body8: 'MJ000001',
      });
      const sample = `${code},常州市钟楼区示例慈善协会,社会团体,公益慈善类,2015-06-01,常州市钟楼区示例路1号,张三,直接登记,,contact@example.org,,2023:合格;2024:基本合格,3A,2022-12-01,2027-12-01,区`;
      res
        .type('text/csv; charset=utf-8')
        .attachment('organization-import-template.csv')
        .send(`\uFEFF${header}\n${sample}\n`);
      return SENT;
    },
  );

  router.post(
    '/api/admin/organizations/import',
    express.text({ type: ['text/csv', 'text/plain'], limit: deps.config.IMPORT_BODY_LIMIT }),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/organizations/import',
      limit: 'expensive',
      tag: '组织档案',
      summary: '从 CSV 导入存量组织（逐行校验，报告被拒行及原因）',
      description:
        '请求体为 UTF-8 CSV（text/csv），第一行为表头，可用中文列名或字段名。dryRun=true 只校验不写入。按统一社会信用代码更新已有组织，重复导入不产生重复记录。',
      access: KEEPERS,
      query: ZImportQuery,
      body: z.string({ error: '请求体应为 text/csv' }).min(1, 'CSV 为空'),
      bodyContentType: 'text/csv',
      response: { status: 200, description: '导入报告', schema: O.ZImportReport },
      problems: ['bad_request', 'payload_too_large', 'unprocessable'],
    },
    async ({ query, body, session }) => {
      const now = new Date();
      const rules = await loadRegistrationRules(db, deps.config.DISTRICT_CODE, now.getTime());
      const report = await operate(() =>
        importOrganizations(db, body, {
          actor: actor(session!),
          now,
          today: localDateOf(now.getTime()),
          dryRun: query.dryRun,
          maxRows: IMPORT_MAX_ROWS,
          position17: rules.policy.creditCode.position17,
        }),
      );
      if (report.dryRun || report.imported.length === 0) return report;
      const watched = await watchImportedGrades(
        { db, evaluation: deps.evaluation, districtCode: deps.config.DISTRICT_CODE },
        report.imported,
      );
      return { ...report, gradesWatched: watched };
    },
  );
}
