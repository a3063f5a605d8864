import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { z } from 'zod';
import { CST_OFFSET_MS } from '../domain/calendar';
import { AppError } from './problem';

/**
 * Lists and figures as a spreadsheet (issue 15 point 7): Excel (.xlsx) or CSV that Excel opens
 * as UTF-8 (a byte-order mark first). Headers are Chinese, amounts are 元 with two decimals,
 * times are China Standard Time, and a text cell that Excel or a spreadsheet would read as a
 * formula (=, +, -, @, tab, return first) is neutralised with a leading apostrophe.
 */

export const ZExportFormat = z.enum(['xlsx', 'csv'], { error: '导出格式应为 xlsx 或 csv' });
export type ExportFormat = z.infer<typeof ZExportFormat>;
export const exportShape = { format: ZExportFormat.default('xlsx').meta({ title: '导出格式' }) };

/** An export's access, order and filters are its list's; only the page is not. */
export interface ExportSource<T> {
  count(): Promise<number>;
  read(): Promise<T[]>;
}

export type Cell = string | number | null;

export interface Column<T> {
  header: string;
  /** text (the default), yuan (an amount in 分 shown in 元), date or time (epoch or ISO), count. */
  kind?: 'text' | 'yuan' | 'date' | 'time' | 'count';
  value(row: T): string | number | bigint | Date | null | undefined;
  width?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-03" or "2026-12-03 16:40" in Asia/Shanghai. */
export function cstText(v: string | number | Date, withTime: boolean): string {
  const d = new Date(new Date(v).getTime() + CST_OFFSET_MS);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

function cellOf<T>(c: Column<T>, row: T): Cell {
  const v = c.value(row);
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case 'yuan':
      return Number(v) / 100;
    case 'count':
      return Number(v);
    case 'date':
    case 'time':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? v
        : cstText(v as string | number | Date, c.kind === 'time');
    default:
      return v instanceof Date ? cstText(v, true) : String(v);
  }
}

/** A text cell that starts like a formula gets an apostrophe first (OWASP CSV injection). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(v: Cell, yuan: boolean): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (yuan ? v.toFixed(2) : String(v)) : neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<T>(columns: Column<T>[], rows: readonly T[]): Buffer {
  const lines = [columns.map((c) => csvField(c.header, false)).join(',')];
  for (const row of rows)
    lines.push(columns.map((c) => csvField(cellOf(c, row), c.kind === 'yuan')).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)]);
}

export async function toXlsx<T>(
  sheets: { name: string; columns: Column<T>[]; rows: readonly T[] }[],
  creator: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.created = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.width ?? (c.kind === 'time' ? 18 : c.kind === 'yuan' ? 14 : 16),
      style: c.kind === 'yuan' ? { numFmt: '#,##0.00' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows) {
      // Text stays text in .xlsx (no formula is written), but a CSV saved from it would not.
      ws.addRow(
        s.columns.map((c) => {
          const v = cellOf(c, row);
          return typeof v === 'string' ? neutralise(v) : v;
        }),
      );
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Sends a list as a spreadsheet, or refuses one with more rows than the setting EXPORT_MAX_ROWS
 * (the person narrows the filters rather than getting a silently shortened file).
 */
export async function exportList<T>(
  res: Response,
  opts: { format: ExportFormat; title: string; creator: string; maxRows: number },
  columns: Column<T>[],
  source: ExportSource<T>,
): Promise<void> {
  const total = await source.count();
  if (total > opts.maxRows)
    throw new AppError(
      'unprocessable',
      `符合条件的${opts.title}共${total}条，超过单次导出上限${opts.maxRows}条，请缩小筛选范围`,
    );
  await sendTable(res, opts.format, opts.title, columns, await source.read(), opts.creator);
}

/** Sends a list as `${title}.xlsx` or `${title}.csv`. */
export async function sendTable<T>(
  res: Response,
  format: ExportFormat,
  title: string,
  columns: Column<T>[],
  rows: readonly T[],
  creator: string,
): Promise<void> {
  const body =
    format === 'csv'
      ? toCsv(columns, rows)
      : await toXlsx([{ name: title, columns, rows }], creator);
  sendExport(res, format, title, body);
}

export function sendExport(res: Response, format: ExportFormat, title: string, body: Buffer): void {
  res
    .status(200)
    .type(MIME[format])
    .set(
      'Content-Disposition',
      `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`,
    )
    .set('Cache-Control', 'no-store')
    .set('X-Content-Type-Options', 'nosniff')
    .send(body);
}

/** The response entry of an export route in the OpenAPI document. */
export const exportResponse = {
  status: 200,
  description: 'Excel 工作簿（.xlsx）或 UTF-8 CSV（带 BOM），列名为中文',
  contentType: MIME.xlsx,
} as const;
