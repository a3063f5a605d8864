import type { Router } from 'express';
import * as C from '../../contract/competition';
import type { AppDeps } from '../app';
import { pageArgs, ZPage, ZPageQuery } from '../paging';
import { AppError } from '../problem';
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
    async ({ body, session }) => {
      const org = await db.organization.findUnique({ where: { id: body.organizationId } });
      if (!org) throw new AppError('unprocessable', '没有该组织');
      if (org.status === 'registered')
        throw new AppError('unprocessable', '该组织已依法登记，按已登记组织申报，无需备案');
      const mine = await db.communityOrgRecord.findUnique({ where: { organizationId: org.id } });
      if (mine && mine.recordNo !== body.recordNo)
        throw new AppError('conflict', `该组织已备案，备案编号 ${mine.recordNo}`);
      const taken = await db.communityOrgRecord.findUnique({ where: { recordNo: body.recordNo } });
      if (taken && taken.organizationId !== org.id)
        throw new AppError('conflict', '备案编号已被使用');
      await db.communityOrgRecord.upsert({
        where: { organizationId: org.id },
        create: {
          organizationId: org.id,
          recordNo: body.recordNo,
          recordedOn: new Date(`${body.recordedOn}T00:00:00Z`),
          recordedById: session!.sub,
        },
        update: {},
      });
      return { organizationId: org.id, recordNo: body.recordNo };
    },
  );
}
