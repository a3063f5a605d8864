import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

/**
 * Lists that scale and export (issue 15 point 7), over real HTTP: one page at a time with the
 * total and a stable order, filters by status and filing date (China Standard Time days), and
 * the same list as Excel and CSV with Chinese headers, read back with exceljs; an applicant's
 * export holds its own rows only. The rows are written as projections straight into the
 * database (the workflow is not what is under test), all named after this file's district.
 */

let h: Harness;
let tag: string;
let staff: string;
let applicant: { token: string; organizationId: string };
const mine: string[] = [];

const BASE = Date.parse('2026-03-01T16:30:00Z'); // 2026-03-02 00:30 in Asia/Shanghai

async function insert(
  orgId: string,
  filedById: string,
  n: number,
  opts: { name?: string; status?: 'approved' | 'rejected'; filedAt?: number } = {},
) {
  const id = randomUUID();
  const no = `L${tag}-${String(n).padStart(3, '0')}-${id.slice(0, 6)}`;
  await h.db.registration.create({
    data: {
      id,
      applicationNo: no,
      workflowId: `lists-${id}`,
      organizationId: orgId,
      filedById,
      proposedName: opts.name ?? `列表${tag}社会组织${String(n).padStart(2, '0')}`,
      category: 'public_welfare',
      legalForm: 'social_group',
      status: opts.status ?? (n % 3 === 0 ? 'rejected' : 'approved'),
      filedAt: new Date(opts.filedAt ?? BASE - n * 86_400_000),
      decidedAt: new Date(BASE),
    },
  });
  return { id, no };
}

beforeAll(async () => {
  h = await startHarness();
  tag = h.districtCode;
  staff = await h.login('reviewer1');
  const a = await h.newApplicant();
  applicant = a;
  const other = await h.db.organization.create({ data: { name: `列表${tag}其他组织` } });
  const filer = h.user('reviewer1').id;
  // 24 of another organisation, two of them filed at the same instant (the id breaks the tie).
  for (let n = 1; n <= 22; n++) await insert(other.id, filer, n);
  await insert(other.id, filer, 23, { filedAt: BASE - 30 * 86_400_000 });
  await insert(other.id, filer, 24, { filedAt: BASE - 30 * 86_400_000 });
  // A name a spreadsheet would take for a formula.
  await insert(other.id, filer, 25, { name: `=HYPERLINK("x")列表${tag}`, filedAt: BASE + 1000 });
  // The applicant's own two.
  for (const n of [26, 27]) mine.push((await insert(a.organizationId, filer, n)).no);
});

afterAll(async () => {
  await h?.teardown();
});

const list = (token: string, q: string) => http(h.baseUrl, token).get(`/api/registrations?${q}`);

async function workbook(body: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  const ws = wb.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as (string | number | null)[]).slice(1));
  });
  return rows;
}

async function download(token: string, path: string) {
  const res = await fetch(h.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: await res.arrayBuffer() };
}

describe('a paged list', () => {
  it('should give each page with the total, newest first, every row exactly once', async () => {
    const seen: string[] = [];
    const filed: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await list(
        staff,
        `q=${encodeURIComponent(`列表${tag}`)}&pageSize=10&page=${page}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page, pageSize: 10, total: 27 });
      expect(res.body.items).toHaveLength(page === 3 ? 7 : 10);
      for (const r of res.body.items) {
        seen.push(r.id);
        filed.push(r.filedAt);
      }
    }
    expect(new Set(seen).size).toBe(27);
    expect([...filed].sort().reverse()).toEqual(filed);
    // The same page asked again is the same page (the order is total).
    const again = await list(staff, `q=${encodeURIComponent(`列表${tag}`)}&pageSize=10&page=3`);
    expect(again.body.items.map((r: { id: string }) => r.id)).toEqual(seen.slice(20));
  });

  it('should refuse a page larger than the policy allows, in Chinese', async () => {
    const res = await list(staff, 'pageSize=101');
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('每页最多100条');
  });

  it('should filter by status and by filing day in China Standard Time', async () => {
    const q = `q=${encodeURIComponent(`列表${tag}`)}`;
    const rejected = await list(staff, `${q}&status=rejected&pageSize=100`);
    expect(rejected.body.total).toBe(9);
    expect(rejected.body.items.every((r: { status: string }) => r.status === 'rejected')).toBe(
      true,
    );
    // Row 1 was filed at 2026-02-28 16:30Z = 2026-03-01 00:30 CST: it belongs to 1 March.
    const day = await list(staff, `${q}&from=2026-03-01&to=2026-03-01`);
    expect(day.body.total).toBe(1);
    expect(day.body.items[0].name).toBe(`列表${tag}社会组织01`);
    const bad = await list(staff, `${q}&from=2026-13-01`);
    expect(bad.status).toBe(400);
  });

  it("should show an applicant its own organisation's files only", async () => {
    const res = await list(applicant.token, 'pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((r: { applicationNo: string }) => r.applicationNo).sort()).toEqual(
      [...mine].sort(),
    );
  });
});

describe('an export', () => {
  it('should give the filtered list as an Excel workbook with Chinese headers', async () => {
    const q = encodeURIComponent(`列表${tag}`);
    const res = await download(staff, `/api/registrations/export?q=${q}&status=rejected`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('登记申请.xlsx')}`,
    );
    const rows = await workbook(res.body);
    expect(rows[0]).toEqual([
      '申请编号',
      '拟定名称',
      '组织形式',
      '类别',
      '状态',
      '受理通知书文号',
      '提交时间',
      '办理期限',
      '是否逾期',
      '决定时间',
      '统一社会信用代码',
    ]);
    expect(rows).toHaveLength(10);
    const paged = await list(staff, `q=${q}&status=rejected&pageSize=100`);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      paged.body.items.map((r: { applicationNo: string }) => r.applicationNo),
    );
    const three = rows.find((r) => r[1] === `列表${tag}社会组织03`)!;
    expect(three.slice(2, 5)).toEqual(['社会团体', '公益慈善类', '不予登记']);
    // Filed 2026-02-26 16:30Z: 27 February 00:30 in Asia/Shanghai.
    expect(three[6]).toBe('2026-02-27 00:30');
    expect(three[9]).toBe('2026-03-02 00:30');
  });

  it('should give CSV that Excel opens as UTF-8, with formulas neutralised', async () => {
    const q = encodeURIComponent(`列表${tag}`);
    const res = await download(staff, `/api/registrations/export?q=${q}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(res.body);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('申请编号,拟定名称,组织形式,类别,状态')).toBe(true);
    expect(lines).toHaveLength(28);
    // Newest first: the formula-like name, quoted and led by an apostrophe.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")列表${tag}"`);
  });

  it("should give an applicant its own organisation's rows only", async () => {
    const res = await download(applicant.token, '/api/registrations/export');
    expect(res.status).toBe(200);
    const rows = await workbook(res.body);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...mine].sort());
  });

  it('should refuse an unknown format and a caller the list does not admit', async () => {
    expect((await download(staff, '/api/registrations/export?format=pdf')).status).toBe(400);
    const judge = await h.db.account.findFirst({ where: { role: 'evaluator' } });
    expect(judge).not.toBeNull();
    const evaluator = await h.login('evaluator');
    expect((await download(evaluator, '/api/registrations/export')).status).toBe(403);
    const anonymous = await fetch(`${h.baseUrl}/api/registrations/export`);
    expect(anonymous.status).toBe(401);
  });

  it("should give the dashboard's figures with amounts in 元 to those who see the dashboard", async () => {
    const admin = await h.login('admin');
    const res = await download(admin, '/api/admin/dashboard/export');
    expect(res.status).toBe(200);
    const rows = await workbook(res.body);
    expect(rows[0]).toEqual(['类别', '指标', '数值', '单位']);
    const json = await http(h.baseUrl, admin).get('/api/admin/dashboard');
    const budget = rows.find((r) => r[1] === '资助预算')!;
    expect(budget).toEqual(['公益创投', '资助预算', json.body.competition.budgetFen / 100, '元']);
    const filed = rows.find((r) => r[1] === `${json.body.year}年收到申请`)!;
    expect(filed[2]).toBe(json.body.registrations.filed);
    const csv = await download(admin, '/api/admin/dashboard/export?format=csv');
    expect(new TextDecoder().decode(csv.body)).toContain('类别,指标,数值,单位');
    expect((await download(applicant.token, '/api/admin/dashboard/export')).status).toBe(403);
  });

  it("should give purchase projects in 元 with the list's own visibility: an applicant sees open notices only", async () => {
    const admin = await h.login('admin');
    const all = await http(h.baseUrl, admin).get('/api/purchases?pageSize=5');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 5 });
    const res = await download(applicant.token, '/api/purchases/export?format=csv');
    expect(res.status).toBe(200);
    const lines = new TextDecoder()
      .decode(res.body)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '项目编号,项目名称,购买主体,预算年度,预算金额（元）,状态,成交金额（元）,确定承接主体时间,合同金额（元）,合同签订时间,已支付（元）,建立时间',
    );
    // Other test files move their projects on meanwhile: each row is checked, not the count.
    for (const line of lines.slice(1)) expect(line).toContain('采购公告已发布，接收响应中');
  });
});
