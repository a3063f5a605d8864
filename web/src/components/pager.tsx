import { useEffect, useState } from 'react';
import { api } from '../api';
import { useLoad } from '../use-load';

/** One page of a list as every list route answers it (api/paging.ts). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** 共 N 条 · 第 p / P 页, with the previous and next page. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  return (
    <nav className="pager" aria-label="分页">
      <button
        type="button"
        className="btn btn-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        上一页
      </button>
      <span className="pager-status">
        共 {total} 条 · 第 {page} / {pages} 页
      </span>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        下一页
      </button>
    </nav>
  );
}

/**
 * A paged list: `filters` is the query string of the list's own filters; a change of filters
 * goes back to the first page.
 */
/** `E`: what a list answers beside its page (e.g. the worklist's count of overdue files). */
export function usePagedList<T, E extends object = object>(
  path: string,
  filters: string,
  pageSize = 20,
) {
  const [page, setPage] = useState(1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters start from page 1.
  useEffect(() => setPage(1), [filters]);
  const query = `${filters ? `${filters}&` : ''}page=${page}&pageSize=${pageSize}`;
  const load = useLoad(() => api.get<Page<T> & E>(`${path}?${query}`), `${path}?${query}`);
  const pager = load.data ? (
    <Pager
      page={load.data.page}
      pageSize={load.data.pageSize}
      total={load.data.total}
      onPage={(p) => {
        setPage(p);
        window.scrollTo(0, 0);
      }}
    />
  ) : null;
  return { ...load, pager };
}

/** Download links of a list's export: the same filters, as Excel or CSV. */
export function ExportLinks({ path, filters }: { path: string; filters: string }) {
  const href = (format: 'xlsx' | 'csv') =>
    `${path}?${filters ? `${filters}&` : ''}format=${format}`;
  return (
    <span className="export-links">
      <a className="btn btn-secondary" href={href('xlsx')} download>
        导出 Excel
      </a>
      <a className="btn btn-secondary" href={href('csv')} download>
        导出 CSV
      </a>
    </span>
  );
}
