import { z } from 'zod';
import { endOfLocalDay, startOfLocalDay } from '../domain/calendar';

/**
 * One paging contract for every list (issue 15 point 7): `page` from 1, `pageSize` up to the
 * policy's maximum, the total count of matching rows, and an order that ends on a unique key so
 * that a row never appears on two pages or on none.
 */

/**
 * The page a caller gets by default. The largest page is the setting LIST_PAGE_SIZE_MAX (default
 * 100), checked by the route registry (api/route.ts) on every query that has a `pageSize`; the
 * schema only holds the ceiling that setting may not pass.
 */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_CEILING = 1000;

/** The message of a page larger than the setting allows (also the schema's, at the ceiling). */
export const pageSizeTooLarge = (max: number) => `每页最多${max}条`;

export const pagingShape = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ title: '页码' }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_CEILING, pageSizeTooLarge(PAGE_SIZE_CEILING))
    .default(PAGE_SIZE_DEFAULT)
    .meta({ title: '每页条数' }),
};

export const ZPageQuery = z.object(pagingShape);
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** A list's query: its own filters plus page and pageSize. */
export function pagedQuery<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...shape, ...pagingShape });
}

/** The response of a paged list: one page of items and the total across all pages. */
export { ZPage } from '../contract/common';

export function pageArgs(q: TPageQuery): { skip: number; take: number } {
  return { skip: (q.page - 1) * q.pageSize, take: q.pageSize };
}

/** Counts and reads one page in parallel; `read` must order by a unique key last. */
export async function readPage<T, U>(
  q: TPageQuery,
  count: () => Promise<number>,
  read: (args: { skip: number; take: number }) => Promise<T[]>,
  map: (row: T) => U,
): Promise<{ items: U[]; page: number; pageSize: number; total: number }> {
  const [total, rows] = await Promise.all([count(), read(pageArgs(q))]);
  return { items: rows.map(map), page: q.page, pageSize: q.pageSize, total };
}

/** The rows of a list that has no database query behind it (already in memory). */
export function slicePage<T>(q: TPageQuery, all: readonly T[]) {
  const { skip, take } = pageArgs(q);
  return {
    items: all.slice(skip, skip + take),
    page: q.page,
    pageSize: q.pageSize,
    total: all.length,
  };
}

/** Years a list can be filtered by; outside them a date is a typo, not a query (and PostgreSQL refuses year 0). */
const FILTER_YEARS = { min: 2000, max: 2100 } as const;

const localDate = z.iso
  .date({ error: (i) => `「${String(i.input)}」不是日期，应写作如 2026-05-01` })
  .refine(
    (d) => {
      const y = Number(d.slice(0, 4));
      return y >= FILTER_YEARS.min && y <= FILTER_YEARS.max;
    },
    {
      error: (i) =>
        `「${String(i.input)}」不在可查询的年份内（${FILTER_YEARS.min}–${FILTER_YEARS.max}年）`,
    },
  );

/** `from`/`to`: calendar days in China Standard Time, both included. */
export const dateRangeShape = {
  from: localDate.optional().meta({ title: '起始日期' }),
  to: localDate.optional().meta({ title: '截止日期' }),
};

/** A Prisma filter on a timestamp column for `from`..`to` (Asia/Shanghai days, inclusive). */
export function dateRange(q: {
  from?: string;
  to?: string;
}): { gte?: Date; lte?: Date } | undefined {
  if (!q.from && !q.to) return undefined;
  return {
    ...(q.from ? { gte: new Date(startOfLocalDay(q.from)) } : {}),
    ...(q.to ? { lte: new Date(endOfLocalDay(q.to)) } : {}),
  };
}
