import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { dateRange, slicePage, ZPageQuery } from '../../api/paging';
import { type Column, cstText, neutralise, toCsv, toXlsx } from '../../api/table-export';

interface Row {
  name: string;
  fen: bigint | null;
  at: Date;
}

const COLUMNS: Column<Row>[] = [
  { header: '名称', value: (r) => r.name },
  { header: '金额（元）', kind: 'yuan', value: (r) => r.fen },
  { header: '时间', kind: 'time', value: (r) => r.at },
  { header: '日期', kind: 'date', value: (r) => r.at },
];

const ROWS: Row[] = [
  { name: '=SUM(A1:A2)', fen: 123_456n, at: new Date('2026-12-31T16:05:00Z') },
  { name: '社区"养老",服务', fen: null, at: new Date('2026-01-01T00:00:00Z') },
  { name: '-1', fen: -5n, at: new Date('2026-06-30T15:59:59Z') },
];

describe('a spreadsheet export', () => {
  it('should neutralise text that a spreadsheet would take for a formula', () => {
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutralise(t)).toBe(`'${t}`);
    for (const t of ['社会组织', '1-2', 'a=b', '']) expect(neutralise(t)).toBe(t);
  });

  it('should write times and days in China Standard Time', () => {
    expect(cstText('2026-12-31T16:05:00Z', true)).toBe('2027-01-01 00:05');
    expect(cstText('2026-12-31T15:59:00Z', false)).toBe('2026-12-31');
  });

  it('should give CSV with a byte-order mark, quoted fields, 元 with two decimals and numbers left as numbers', () => {
    const bytes = toCsv(COLUMNS, ROWS);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines).toEqual([
      '名称,金额（元）,时间,日期',
      "'=SUM(A1:A2),1234.56,2027-01-01 00:05,2027-01-01",
      '"社区""养老"",服务",,2026-01-01 08:00,2026-01-01',
      "'-1,-0.05,2026-06-30 23:59,2026-06-30",
      '',
    ]);
  });

  it('should give a workbook whose amounts are numbers in 元 and whose text is never a formula', async () => {
    const wb = new ExcelJS.Workbook();
    const book = await toXlsx([{ name: '测试', columns: COLUMNS, rows: ROWS }], '民政局');
    await wb.xlsx.load(book as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('测试')!;
    expect(ws.getRow(1).values).toEqual([undefined, '名称', '金额（元）', '时间', '日期']);
    expect(ws.getCell('A2').value).toBe("'=SUM(A1:A2)");
    expect(ws.getCell('B2').value).toBe(1234.56);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('C2').value).toBe('2027-01-01 00:05');
  });
});

describe('the paging contract', () => {
  it('should default to the first page of 20 and refuse more than the ceiling of the setting', () => {
    expect(ZPageQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(ZPageQuery.parse({ page: '3', pageSize: '100' })).toEqual({ page: 3, pageSize: 100 });
    // The setting LIST_PAGE_SIZE_MAX (default 100) is checked by the route registry; the schema
    // holds only the ceiling the setting may not pass.
    expect(ZPageQuery.safeParse({ pageSize: '1001' }).success).toBe(false);
    expect(ZPageQuery.safeParse({ page: '0' }).success).toBe(false);
  });

  it('should slice an in-memory list and say the total', () => {
    const all = Array.from({ length: 45 }, (_, i) => i);
    expect(slicePage({ page: 3, pageSize: 20 }, all)).toEqual({
      items: [40, 41, 42, 43, 44],
      page: 3,
      pageSize: 20,
      total: 45,
    });
  });

  it('should turn calendar days into China Standard Time bounds, both days included', () => {
    expect(dateRange({})).toBeUndefined();
    expect(dateRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      gte: new Date('2026-02-28T16:00:00.000Z'),
      lte: new Date('2026-03-31T15:59:59.999Z'),
    });
  });
});
