import { Router } from 'express';
import { z } from 'zod';
import { ZLookup, ZPage } from '../../contract/common';
import { ZCatalogueItem } from '../../contract/purchase';
import type { PurchaseCatalogueItem } from '../../generated/prisma/client';
import type { AppDeps } from '../app';
import { readLookup } from '../lookup';
import { readPage } from '../paging';
import { AppError } from '../problem';
import {
  CATALOGUE_COLUMNS,
  CATALOGUE_ORDER,
  catalogueLookupWhere,
  catalogueWhere,
  ZCatalogueExportQuery,
  ZCatalogueListQuery,
  ZCatalogueLookupQuery,
} from '../purchase-catalogue-list';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import { ZCatalogueItemRequest, ZRetireRequest } from '../schemas/purchase';
import { exportList, exportResponse } from '../table-export';

const TAG = '政府购买服务目录';

export function toCatalogueJson(i: PurchaseCatalogueItem) {
  return {
    id: i.id,
    code: i.code,
    version: i.version,
    catalogueClass: i.catalogueClass as never,
    level2: i.level2,
    level3: i.level3,
    department: i.department,
    serviceStandard: i.serviceStandard,
    unit: i.unit,
    priceBasis: i.priceBasis,
    undertakerTypes: i.undertakerTypes as never,
    suitableForSocialOrganizations: i.suitableForSocialOrganizations,
    status: i.status,
    retiredAt: i.retiredAt?.toISOString() ?? null,
    retiredReason: i.retiredReason,
    previousId: i.previousId,
  };
}

/** 指导性目录: administrators maintain it in versions; an item in use is retired, never deleted. */
export function createPurchaseCatalogueRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  const find = async (id: string) => {
    const item = await db.purchaseCatalogueItem.findUnique({ where: { id } });
    if (!item) throw new AppError('not_found', '没有找到该目录项目');
    return item;
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchase-catalogue',
      tag: TAG,
      summary: '指导性目录（默认全部版本；可按状态、类别、编码、名称、录入日期筛选）',
      access: 'signed-in',
      query: ZCatalogueListQuery,
      response: { status: 200, description: '一页目录项目', schema: ZPage(ZCatalogueItem) },
    },
    async ({ query }) => {
      const where = catalogueWhere(query);
      return readPage(
        query,
        () => db.purchaseCatalogueItem.count({ where }),
        (page) => db.purchaseCatalogueItem.findMany({ where, orderBy: CATALOGUE_ORDER, ...page }),
        toCatalogueJson,
      );
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchase-catalogue/lookup',
      tag: TAG,
      summary: `选择目录项目（按编码或名称查找，最多${deps.config.LOOKUP_MAX}项）`,
      access: 'signed-in',
      query: ZCatalogueLookupQuery,
      response: { status: 200, description: '目录项目', schema: ZLookup(ZCatalogueItem) },
    },
    async ({ query }) =>
      readLookup(
        deps.config.LOOKUP_MAX,
        (take) =>
          db.purchaseCatalogueItem.findMany({
            where: catalogueLookupWhere(query),
            orderBy: CATALOGUE_ORDER,
            take,
          }),
        toCatalogueJson,
      ),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/purchase-catalogue/export',
      tag: TAG,
      summary: '导出指导性目录（Excel 或 CSV，筛选条件与列表相同）',
      description: `最多导出${deps.config.EXPORT_MAX_ROWS}行。`,
      access: 'signed-in',
      query: ZCatalogueExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, res }) => {
      const where = catalogueWhere(query);
      const { config } = deps;
      const opts = { format: query.format, title: '指导性目录', creator: config.AUTHORITY_NAME };
      await exportList(res, { ...opts, maxRows: config.EXPORT_MAX_ROWS }, CATALOGUE_COLUMNS, {
        count: () => db.purchaseCatalogueItem.count({ where }),
        read: () => db.purchaseCatalogueItem.findMany({ where, orderBy: CATALOGUE_ORDER }),
      });
      return SENT;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/purchase-catalogue',
      tag: TAG,
      summary: '新增目录项目（第1版）',
      access: ['administrator'],
      body: ZCatalogueItemRequest,
      response: { status: 201, description: '已新增', schema: ZCatalogueItem },
      problems: ['bad_request', 'conflict'],
    },
    async ({ body, session }) => {
      if (await db.purchaseCatalogueItem.findFirst({ where: { code: body.code } })) {
        throw new AppError('conflict', `目录编码 ${body.code} 已存在，请修订该项目`);
      }
      const row = await db.purchaseCatalogueItem.create({
        data: { ...body, version: 1, activeCode: body.code, createdById: session!.sub },
      });
      return toCatalogueJson(row);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/purchase-catalogue/:id/revise',
      tag: TAG,
      summary: '修订目录项目：生成新版本，原版本停用',
      access: ['administrator'],
      params: uuidParam,
      body: ZCatalogueItemRequest,
      response: { status: 201, description: '新版本', schema: ZCatalogueItem },
      problems: ['bad_request', 'not_found', 'conflict'],
    },
    async ({ params, body, session }) => {
      const prev = await find(params.id);
      if (prev.status !== 'active') throw new AppError('conflict', '只能修订现行版本');
      if (body.code !== prev.code) throw new AppError('conflict', '修订不能改变目录编码');
      const row = await db.$transaction(async (tx) => {
        await tx.purchaseCatalogueItem.update({
          where: { id: prev.id },
          data: {
            status: 'retired',
            activeCode: null,
            retiredAt: new Date(),
            retiredReason: `修订为第${prev.version + 1}版`,
          },
        });
        return tx.purchaseCatalogueItem.create({
          data: {
            ...body,
            version: prev.version + 1,
            activeCode: body.code,
            previousId: prev.id,
            createdById: session!.sub,
          },
        });
      });
      return toCatalogueJson(row);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/purchase-catalogue/:id/retire',
      tag: TAG,
      summary: '停用目录项目（已用于项目的只能停用，不能删除）',
      access: ['administrator'],
      params: uuidParam,
      body: ZRetireRequest,
      response: { status: 200, description: '已停用', schema: ZCatalogueItem },
      problems: ['not_found', 'conflict'],
    },
    async ({ params, body }) => {
      const item = await find(params.id);
      if (item.status !== 'active') throw new AppError('conflict', '该目录项目已停用');
      const row = await db.purchaseCatalogueItem.update({
        where: { id: item.id },
        data: {
          status: 'retired',
          activeCode: null,
          retiredAt: new Date(),
          retiredReason: body.reason,
        },
      });
      return toCatalogueJson(row);
    },
  );

  registry.add(
    router,
    {
      method: 'delete',
      path: '/api/purchase-catalogue/:id',
      tag: TAG,
      summary: '删除录入错误的目录项目（从未使用、没有历史版本的才可删除）',
      access: ['administrator'],
      params: uuidParam,
      response: {
        status: 200,
        description: '已删除',
        schema: z.object({ deleted: z.literal(true) }),
      },
      problems: ['not_found', 'conflict'],
    },
    async ({ params }) => {
      const item = await find(params.id);
      const used = await db.purchaseProject.count({ where: { catalogueItemId: item.id } });
      if (used > 0 || item.version > 1) {
        throw new AppError('conflict', '该目录项目已被使用或有历史版本，只能停用，不能删除');
      }
      await db.purchaseCatalogueItem.delete({ where: { id: item.id } });
      return { deleted: true as const };
    },
  );
  return router;
}
