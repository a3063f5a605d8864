import type { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from './app';
import { dateRangeShape, pagingShape, readPage, type TPageQuery } from './paging';
import type { RouteRegistry } from './route';
import { SENT } from './route';
import {
  type Column,
  type ExportFormat,
  exportList,
  exportResponse,
  exportShape,
} from './table-export';

/**
 * The auditor's two logs (the decisions' audit log and the security log) are read the same way:
 * newest first by chain position, filtered by day and by the log's own fields, one page at a
 * time or as a spreadsheet. One description per log; this registers both of its routes.
 */

const AUDITOR = ['auditor'] as const;
export const LOG_ORDER = { chainSeq: 'desc' } as const;

export interface ChainLog<S extends z.ZodRawShape, W, R> {
  path: string;
  tag: string;
  summary: string;
  title: string;
  filters: S;
  where(q: z.infer<z.ZodObject<S & typeof dateRangeShape>>): W;
  count(where: W): Promise<number>;
  read(where: W, page?: { skip: number; take: number }): Promise<R[]>;
  item(row: R): unknown;
  schema: z.ZodType;
  columns: Column<R>[];
}

export function addLogRoutes<S extends z.ZodRawShape, W, R>(
  registry: RouteRegistry,
  router: Router,
  deps: AppContext,
  log: ChainLog<S, W, R>,
): void {
  const filters = { ...log.filters, ...dateRangeShape };
  registry.add(
    router,
    {
      method: 'get',
      path: log.path,
      tag: log.tag,
      summary: log.summary,
      access: AUDITOR,
      limit: 'expensive',
      query: z.object({ ...filters, ...pagingShape }),
      response: { status: 200, description: '一页记录', schema: log.schema },
    },
    async ({ query }) => {
      const where = log.where(query as never);
      return readPage(
        query as TPageQuery,
        () => log.count(where),
        (page) => log.read(where, page),
        log.item,
      );
    },
  );
  registry.add(
    router,
    {
      method: 'get',
      path: `${log.path}/export`,
      tag: log.tag,
      summary: `导出${log.title}（Excel 或 CSV，筛选条件与列表相同）`,
      description: `最多导出${deps.config.EXPORT_MAX_ROWS}行，超过时请缩小筛选范围。`,
      access: AUDITOR,
      limit: 'expensive',
      query: z.object({ ...filters, ...exportShape }),
      response: exportResponse,
      problems: ['unprocessable'],
    },
    async ({ query, res }) => {
      const where = log.where(query as never);
      await exportList(
        res,
        {
          format: (query as { format: ExportFormat }).format,
          title: log.title,
          creator: deps.config.AUTHORITY_NAME,
          maxRows: deps.config.EXPORT_MAX_ROWS,
        },
        log.columns,
        { count: () => log.count(where), read: () => log.read(where) },
      );
      return SENT;
    },
  );
}
