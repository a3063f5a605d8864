import type { Router } from 'express';
import * as C from '../../contract/competition';
import { recordCommunityOrganization } from '../../operations/competition/record-community-organization';
import type { AppDeps } from '../app';
import { operate, operatorOf } from '../operations';
import { pageArgs, ZPage, ZPageQuery } from '../paging';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/competition';

const TAG = '公益创投';

/**
 * Community social organisations on record (社区社会组织备案): not registered, yet admitted by
 * rounds that allow them, with the lower cap. A record is kept once; its number never changes.
 */
export function registerCommunityRecords(
  router: Router,
  registry: RouteRegistry,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/community-records',
      tag: TAG,
      summary: '已备案的社区社会组织',
      access: ['administrator', 'reviewer'],
      query: ZPageQuery,
      response: {
        status: 200,
        description: '一页备案记录，最新在前',
        schema: ZPage(C.ZCommunityRecord),
      },
    },
    async ({ query }) => {
      const [total, rows] = await Promise.all([
        db.communityOrgRecord.count(),
        db.communityOrgRecord.findMany({
          orderBy: [{ createdAt: 'desc' }, { organizationId: 'asc' }],
          ...pageArgs(query),
        }),
      ]);
      const orgs = await db.organization.findMany({
        where: { id: { in: rows.map((r) => r.organizationId) } },
        select: { id: true, name: true, status: true },
      });
      const people = await db.account.findMany({
        where: { id: { in: rows.map((r) => r.recordedById) } },
        select: { id: true, displayName: true },
      });
      const items = rows.map((r) => {
        const org = orgs.find((o) => o.id === r.organizationId);
        return {
          organizationId: r.organizationId,
          organizationName: org?.name ?? '',
          organizationStatus: org?.status ?? null,
          recordNo: r.recordNo,
          recordedOn: r.recordedOn.toISOString().slice(0, 10),
          recordedBy: people.find((a) => a.id === r.recordedById)?.displayName ?? '',
        };
      });
      return { items, page: query.page, pageSize: query.pageSize, total };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/community-records',
      tag: TAG,
      summary: '登记社区社会组织备案（备案组织可按较低上限申报）',
      access: ['administrator'],
      body: S.ZCommunityRecordRequest,
      response: { status: 201, description: '已备案', schema: C.ZCommunityRecordCreated },
      problems: ['unprocessable', 'conflict'],
    },
    async ({ body, session }) =>
      operate(() => recordCommunityOrganization(db, { ...body, actor: operatorOf(session!) })),
  );
}
