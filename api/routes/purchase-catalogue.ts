import { Router } from 'express';
import { z } from 'zod';
import { ZLookup, ZPage } from '../../contract/common';
import { ZCatalogueItem } from '../../contract/purchase';
import type { PurchaseCatalogueItem } from '../../generated/prisma/client';
import { addCatalogueItem } from '../../operations/purchase/add-catalogue-item';
import { deleteCatalogueItem } from '../../operations/purchase/delete-catalogue-item';
import { retireCatalogueItem } from '../../operations/purchase/retire-catalogue-item';
import { reviseCatalogueItem } from '../../operations/purchase/revise-catalogue-item';
import type { AppDeps } from '../app';
import { readLookup } from '../lookup';
import { operate, operatorOf } from '../operations';
import { readPage } from '../paging';
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
      const row = await operate(() =>
        addCatalogueItem(db, { item: body, actor: operatorOf(session!) }),
      );
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
      const row = await operate(() =>
        reviseCatalogueItem(db, { id: params.id, item: body, actor: operatorOf(session!) }),
      );
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
    async ({ params, body, session }) => {
      const row = await operate(() =>
        retireCatalogueItem(db, {
          id: params.id,
          reason: body.reason,
          actor: operatorOf(session!),
        }),
      );
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
    async ({ params, session }) => {
      await operate(() => deleteCatalogueItem(db, { id: params.id, actor: operatorOf(session!) }));
      return { deleted: true as const };
    },
  );
  return router;
}
