import { z } from 'zod';
import { CATALOGUE_CLASSES, UNDERTAKER_TYPES } from '../domain/purchase/catalogue';
import type { PurchaseCatalogueItem } from '../generated/prisma/client';
import type { Prisma } from '../lib/db';
import { lookupShape } from './lookup';
import { dateRange, dateRangeShape, pagedQuery } from './paging';
import { literal } from './search-text';
import { type Column, exportShape } from './table-export';

/**
 * The guiding catalogue (指导性目录) as it pages, exports and fills the purchaser's dropdown;
 * every signed-in person may read it.
 */

const status = z
  .enum(['active', 'retired'], { error: '状态应为 active 或 retired' })
  .optional()
  .meta({ title: '状态' });

export const catalogueFilters = {
  status,
  catalogueClass: z
    .enum(Object.keys(CATALOGUE_CLASSES) as [keyof typeof CATALOGUE_CLASSES], {
      error: '目录类别不正确',
    })
    .optional()
    .meta({ title: '目录类别' }),
  code: z.string().trim().max(20).optional().meta({ title: '编码' }),
  q: z.string().trim().max(100).optional().meta({ title: '编码或名称' }),
  ...dateRangeShape,
};
type CatalogueFilters = z.infer<z.ZodObject<typeof catalogueFilters>>;
export const ZCatalogueListQuery = pagedQuery(catalogueFilters);
export const ZCatalogueExportQuery = z.object({ ...catalogueFilters, ...exportShape });
export const ZCatalogueLookupQuery = z.object({ ...lookupShape, status });

/** By code, then version; the id breaks ties. */
export const CATALOGUE_ORDER: Prisma.PurchaseCatalogueItemOrderByWithRelationInput[] = [
  { code: 'asc' },
  { version: 'asc' },
  { id: 'asc' },
];

const search = (q: string | undefined): Prisma.PurchaseCatalogueItemWhereInput =>
  q
    ? {
        OR: [
          { code: { contains: literal(q) } },
          { level2: { contains: literal(q) } },
          { level3: { contains: literal(q) } },
        ],
      }
    : {};

/** `from`/`to` are the days an item (or its version) was entered. */
export function catalogueWhere(q: CatalogueFilters): Prisma.PurchaseCatalogueItemWhereInput {
  const createdAt = dateRange(q);
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.catalogueClass ? { catalogueClass: q.catalogueClass } : {}),
    ...(q.code ? { code: q.code } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...search(q.q),
  };
}

export function catalogueLookupWhere(q: {
  q?: string;
  status?: 'active' | 'retired';
}): Prisma.PurchaseCatalogueItemWhereInput {
  return { ...(q.status ? { status: q.status } : {}), ...search(q.q) };
}

const undertakers = (types: unknown) =>
  (Array.isArray(types) ? types : [])
    .map((t) => UNDERTAKER_TYPES[t as keyof typeof UNDERTAKER_TYPES] ?? String(t))
    .join('、');

export const CATALOGUE_COLUMNS: Column<PurchaseCatalogueItem>[] = [
  { header: '编码', value: (i) => i.code },
  { header: '版本', kind: 'count', value: (i) => i.version },
  {
    header: '一级目录',
    value: (i) =>
      CATALOGUE_CLASSES[i.catalogueClass as keyof typeof CATALOGUE_CLASSES] ?? i.catalogueClass,
    width: 22,
  },
  { header: '二级目录', value: (i) => i.level2, width: 22 },
  { header: '三级目录', value: (i) => i.level3, width: 26 },
  { header: '主管部门', value: (i) => i.department, width: 20 },
  { header: '服务标准', value: (i) => i.serviceStandard, width: 30 },
  { header: '计量单位', value: (i) => i.unit },
  { header: '价格依据', value: (i) => i.priceBasis, width: 24 },
  { header: '承接主体类型', value: (i) => undertakers(i.undertakerTypes), width: 30 },
  { header: '适合社会组织承接', value: (i) => (i.suitableForSocialOrganizations ? '是' : '否') },
  { header: '状态', value: (i) => (i.status === 'active' ? '现行' : '已停用') },
  { header: '停用时间', kind: 'time', value: (i) => i.retiredAt },
  { header: '停用原因', value: (i) => i.retiredReason, width: 30 },
];
