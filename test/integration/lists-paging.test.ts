import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { catalogueCodeOf } from '../support/purchase-steps';

/**
 * The lists paged and exported after the first ones (issue 15 point 7), over real HTTP: the
 * evaluation files, campaigns and complaints, competition rounds, the purchase catalogue,
 * accounts and the two logs. Each gives page 2 other rows than page 1 with the right total,
 * applies its filters, exports Excel and CSV with Chinese headers, and exports only what the
 * caller may see. The rows are projections written into the shared database, named after this
 * file's district; this file's own settings lower the page, lookup and export caps so that they
 * are reached with few rows.
 */

let h: Harness;
let tag: string;
let admin: string;
let auditor: string;
let org: { token: string; organizationId: string };
let campaignId: string;
const seatedFiles: string[] = [];

const SETTINGS = { LIST_PAGE_SIZE_MAX: '30', LOOKUP_MAX: '10', EXPORT_MAX_ROWS: '100' };

async function insertFile(organizationId: string, n: number, status = 'applied') {
  const id = randomUUID();
  await h.db.evaluationFile.create({
    data: {
      id,
      campaignId,
      organizationId,
      workflowId: `lists-paging-${id}`,
      fileNo: `PG-${tag}-${String(n).padStart(3, '0')}`,
      appliedAt: new Date(Date.parse('2026-04-01T02:00:00Z') + n * 60_000),
      appliedById: h.user('admin').id,
      selfScore: 800,
      selfAssessment: '自评',
      evidenceFileIds: [],
      status,
      finalScore: status === 'scored' ? 850.5 : null,
    },
  });
  return id;
}

beforeAll(async () => {
  h = await startHarness({ env: SETTINGS });
  tag = h.districtCode;
  admin = await h.login('admin');
  auditor = await h.login('auditor');
  org = await h.newApplicant();
  campaignId = randomUUID();
  await h.db.evaluationCampaign.create({
    data: {
      id: campaignId,
      workflowId: `lists-paging-campaign-${campaignId}`,
      districtCode: tag,
      year: 2026,
      title: `${tag}年度评估（翻页）`,
      phase: 'assessment',
      noticeAt: new Date('2026-03-01T02:00:00Z'),
      windowOpensAt: new Date('2026-03-01T02:00:00Z'),
      windowClosesAt: new Date('2026-03-31T10:00:00Z'),
      committeeIds: [],
      reviewCommitteeIds: [],
      openedById: h.user('admin').id,
    },
  });
  // 23 files of other organisations (one file each; every third one scored), one of the applicant's.
  for (let n = 1; n <= 23; n++) {
    const other = await h.db.organization.create({
      data: { name: `翻页${tag}其他组织${String(n).padStart(2, '0')}` },
    });
    const id = await insertFile(other.id, n, n % 3 === 0 ? 'scored' : 'applied');
    if (n <= 4) seatedFiles.push(id);
  }
  await insertFile(org.organizationId, 24);
  // The evaluator is seated on four of them.
  for (const fileId of seatedFiles)
    await h.db.evaluationAssignment.create({
      data: { fileId, evaluatorId: h.user('evaluator').id, agencyId: randomUUID() },
    });
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

const as = (token: string) => http(h.baseUrl, token);

async function download(token: string, path: string) {
  const res = await fetch(h.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: await res.arrayBuffer() };
}

async function sheet(body: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  const rows: (string | number | null)[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as (string | number | null)[]).slice(1));
  });
  return rows;
}

function csvLines(body: ArrayBuffer) {
  return new TextDecoder()
    .decode(body)
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

/** Reads pages 1 and 2 and checks they are different rows of the same total. */
async function twoPages(token: string, path: string, total: number, size: number) {
  const sep = path.includes('?') ? '&' : '?';
  const one = await as(token).get(`${path}${sep}pageSize=${size}&page=1`);
  const two = await as(token).get(`${path}${sep}pageSize=${size}&page=2`);
  expect(one.status).toBe(200);
  expect(one.body).toMatchObject({ page: 1, pageSize: size, total });
  expect(two.body).toMatchObject({ page: 2, pageSize: size, total });
  // A log's entries are told apart by their chain position, other rows by their id.
  const ids = (b: { items: { id?: string; chainSeq?: number }[] }) =>
    b.items.map((i) => i.id ?? i.chainSeq);
  expect(ids(one.body)).toHaveLength(Math.min(size, total));
  expect(ids(two.body)).toHaveLength(Math.min(size, total - size));
  for (const id of ids(two.body)) expect(ids(one.body)).not.toContain(id);
  return [one.body, two.body];
}

describe('the evaluation files', () => {
  const q = () => `/api/evaluation/files?campaignId=${campaignId}`;

  it('should page in the order of application with the total, and filter by status and day', async () => {
    const [one] = await twoPages(admin, q(), 24, 20);
    expect(one!.items[0].fileNo).toBe(`PG-${tag}-001`);
    const scored = await as(admin).get(`${q()}&status=scored&pageSize=30`);
    expect(scored.body.total).toBe(7);
    expect(scored.body.items.every((f: { status: string }) => f.status === 'scored')).toBe(true);
    // Applied 2026-04-01 10:0n China time: all on 1 April, none on 2 April.
    expect((await as(admin).get(`${q()}&from=2026-04-01&to=2026-04-01`)).body.total).toBe(24);
    expect((await as(admin).get(`${q()}&from=2026-04-02`)).body.total).toBe(0);
    const named = await as(admin).get(`${q()}&q=${encodeURIComponent(`翻页${tag}其他`)}`);
    expect(named.body.total).toBe(23);
  });

  it('should refuse a page larger than the setting LIST_PAGE_SIZE_MAX, in Chinese', async () => {
    const res = await as(admin).get(`${q()}&pageSize=31`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('每页最多30条');
    expect(res.body.errors[0].label).toBe('每页条数');
  });

  it('should export the filtered files with Chinese headers, and refuse more rows than EXPORT_MAX_ROWS', async () => {
    const res = await download(admin, `/api/evaluation/files/export?campaignId=${campaignId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('评估事项.xlsx'));
    const rows = await sheet(res.body);
    expect(rows[0]).toEqual([
      '评估编号',
      '社会组织',
      '评估活动',
      '状态',
      '申报时间',
      '评估得分',
      '拟评定等级',
      '评定等级',
      '评分分歧较大',
      '不予受理理由',
    ]);
    expect(rows).toHaveLength(25);
    const three = rows.find((r) => r[0] === `PG-${tag}-003`)!;
    expect(three.slice(1, 6)).toEqual([
      `翻页${tag}其他组织03`,
      `${tag}年度评估（翻页）`,
      '已评分',
      '2026-04-01 10:03',
      850.5,
    ]);
    const csv = csvLines(
      (await download(admin, `/api/evaluation/files/export?campaignId=${campaignId}&format=csv`))
        .body,
    );
    expect(csv[0]).toBe(
      '评估编号,社会组织,评估活动,状态,申报时间,评估得分,拟评定等级,评定等级,评分分歧较大,不予受理理由',
    );
    expect(csv).toHaveLength(25);
    // Every file of the shared database is more than this file's export cap of 100 rows.
    const all = await download(admin, '/api/evaluation/files/export');
    if ((await as(admin).get('/api/evaluation/files?pageSize=1')).body.total > 100) {
      expect(all.status).toBe(422);
    }
  });

  it('should export to an evaluator its seats only, and to an organisation its own files only', async () => {
    const judge = await h.login('evaluator');
    const seen = await as(judge).get('/api/evaluation/files?pageSize=30');
    expect(seen.body.total).toBe(4);
    const rows = await sheet((await download(judge, '/api/evaluation/files/export')).body);
    expect(rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4].map((n) => `PG-${tag}-00${n}`));
    const own = await sheet((await download(org.token, '/api/evaluation/files/export')).body);
    expect(own.slice(1).map((r) => r[0])).toEqual([`PG-${tag}-024`]);
    expect((await download(auditor, '/api/evaluation/files/export')).status).toBe(403);
  });
});

describe('the evaluation campaigns and complaints', () => {
  it("should page the district's campaigns, find one by name, and export them with their counts", async () => {
    const list = await as(admin).get('/api/evaluation/campaigns?year=2026');
    expect(list.body).toMatchObject({ page: 1, total: 1 });
    expect(list.body.items[0].id).toBe(campaignId);
    const found = await as(org.token).get(
      `/api/evaluation/campaigns/lookup?q=${encodeURIComponent('翻页')}`,
    );
    expect(found.body).toEqual({
      items: [{ id: campaignId, title: `${tag}年度评估（翻页）`, year: 2026 }],
      more: false,
      max: 10,
    });
    const rows = await sheet((await download(admin, '/api/evaluation/campaigns/export')).body);
    expect(rows[0]!.slice(0, 3)).toEqual(['年度', '评估活动', '阶段']);
    expect(rows[1]!.slice(0, 3)).toEqual([2026, `${tag}年度评估（翻页）`, '资格审查与评估']);
    expect(rows[1]![6]).toBe(24);
    expect((await download(org.token, '/api/evaluation/campaigns/export')).status).toBe(403);
  });

  it('should page complaints, and export to a complainant its own only, without contact details', async () => {
    const fileIds = (
      await h.db.evaluationFile.findMany({
        where: { campaignId },
        select: { id: true, organizationId: true },
      })
    ).slice(0, 12);
    const account = await h.db.account.findFirstOrThrow({
      where: { organizationId: org.organizationId },
    });
    for (const [n, f] of fileIds.entries()) {
      const id = randomUUID();
      await h.db.evaluationComplaint.create({
        data: {
          id,
          workflowId: `lists-paging-complaint-${id}`,
          subjectType: 'file',
          fileId: f.id,
          organizationId: f.organizationId,
          complainantId: n < 3 ? account.id : null,
          contactName: n < 3 ? null : '公众举报人',
          contactPhone: n < 3 ? null : '13800000000',
          content: `举报${tag}第${n + 1}件`,
          reviewCommitteeIds: [],
          status: n % 2 === 0 ? 'filed' : 'dismissed',
          filedAt: new Date(Date.parse('2026-04-05T02:00:00Z') + n * 60_000),
        },
      });
    }
    const day = 'from=2026-04-05&to=2026-04-05';
    const [one] = await twoPages(admin, `/api/evaluation/complaints?${day}`, 12, 10);
    expect(one!.items[0].content).toBe(`举报${tag}第12件`);
    expect((await as(admin).get(`/api/evaluation/complaints?${day}&closed=true`)).body.total).toBe(
      6,
    );
    expect((await as(admin).get(`/api/evaluation/complaints?${day}&status=filed`)).body.total).toBe(
      6,
    );
    const own = await sheet((await download(org.token, '/api/evaluation/complaints/export')).body);
    expect(own[0]).toContain('举报的事实和理由');
    expect(
      own
        .slice(1)
        .map((r) => r[11])
        .sort(),
    ).toEqual([1, 2, 3].map((n) => `举报${tag}第${n}件`));
    const office = csvLines(
      (await download(admin, `/api/evaluation/complaints/export?${day}&format=csv`)).body,
    );
    expect(office).toHaveLength(13);
    expect(office.join('\n')).not.toContain('13800000000');
  });
});

describe('the competition rounds, the catalogue and the accounts', () => {
  it('should page rounds by name, export them in 元, and refuse the export to an applicant', async () => {
    for (let n = 1; n <= 12; n++) {
      const id = randomUUID();
      await h.db.competitionRound.create({
        data: {
          id,
          title: `翻页${tag}创投第${String(n).padStart(2, '0')}轮`,
          workflowId: `lists-paging-round-${id}`,
          stage: n === 1 ? 'closed' : 'call_open',
          settings: {},
          ruleVersion: 'test',
          budgetFen: 123_456n * BigInt(n),
          callOpensAt: new Date('2026-05-01T02:00:00Z'),
          callClosesAt: new Date('2026-05-31T10:00:00Z'),
          createdById: h.user('admin').id,
          createdAt: new Date(Date.parse('2026-04-20T02:00:00Z') + n * 60_000),
        },
      });
    }
    const name = `q=${encodeURIComponent(`翻页${tag}创投`)}`;
    const [one] = await twoPages(admin, `/api/competitions?${name}`, 12, 10);
    expect(one!.items[0].title).toBe(`翻页${tag}创投第12轮`);
    expect((await as(org.token).get(`/api/competitions?${name}&stage=closed`)).body.total).toBe(1);
    const lookup = await as(org.token).get(`/api/competitions/lookup?${name}`);
    expect(lookup.body.items).toHaveLength(10);
    expect(lookup.body.more).toBe(true);
    const rows = await sheet((await download(admin, `/api/competitions/export?${name}`)).body);
    expect(rows[0]).toEqual(['轮次', '阶段', '征集开始', '征集截止', '资助预算（元）', '建立时间']);
    const first = rows.find((r) => r[0] === `翻页${tag}创投第01轮`)!;
    expect(first.slice(1, 5)).toEqual([
      '本轮已结束',
      '2026-05-01 10:00',
      '2026-05-31 18:00',
      1234.56,
    ]);
    expect((await download(org.token, `/api/competitions/export?${name}`)).status).toBe(403);
  });

  it("should page a code's versions in the catalogue, look items up with a cap, and export them", async () => {
    const code = catalogueCodeOf(h, 7);
    for (let v = 1; v <= 13; v++)
      await h.db.purchaseCatalogueItem.create({
        data: {
          code,
          version: v,
          activeCode: v === 13 ? code : null,
          catalogueClass: 'basic_public',
          level2: '养老服务',
          level3: `翻页${tag}助餐服务`,
          department: '民政局',
          serviceStandard: '每日一餐',
          unit: '人次',
          priceBasis: '市场询价',
          undertakerTypes: ['social_organization', 'enterprise'],
          suitableForSocialOrganizations: true,
          status: v === 13 ? 'active' : 'retired',
          retiredAt: v === 13 ? null : new Date('2026-04-01T02:00:00Z'),
        },
      });
    await twoPages(org.token, `/api/purchase-catalogue?code=${code}`, 13, 10);
    expect(
      (await as(org.token).get(`/api/purchase-catalogue?code=${code}&status=active`)).body.total,
    ).toBe(1);
    const found = await as(org.token).get(
      `/api/purchase-catalogue/lookup?q=${encodeURIComponent(`翻页${tag}`)}`,
    );
    expect(found.body).toMatchObject({ more: true, max: 10 });
    expect(found.body.items).toHaveLength(10);
    const only = await as(org.token).get(`/api/purchase-catalogue/lookup?q=${code}&status=active`);
    expect(only.body).toMatchObject({ more: false, items: [{ code, version: 13 }] });
    const rows = await sheet(
      (await download(admin, `/api/purchase-catalogue/export?code=${code}&status=active`)).body,
    );
    expect(rows[0]!.slice(0, 3)).toEqual(['编码', '版本', '一级目录']);
    expect(rows[1]!.slice(0, 3)).toEqual([code, 13, '基本公共服务']);
    expect(rows[1]![9]).toBe('社会组织、企业');
  });

  it('should page accounts by name, look people up by role, and export them to the security side only', async () => {
    // The harness's eight staff and this file's applicant.
    const prefix = `t${tag}`;
    const [one] = await twoPages(admin, `/api/admin/accounts?q=${prefix}-`, 9, 5);
    expect(one!.items[0].role).toBeDefined();
    const judges = await as(admin).get(
      `/api/admin/accounts/lookup?role=reviewer&role=section_head&q=${prefix}-`,
    );
    expect(judges.body.items.map((a: { username: string }) => a.username).sort()).toEqual(
      [`${prefix}-reviewer1`, `${prefix}-reviewer2`, `${prefix}-section`].sort(),
    );
    const security = await h.login('security');
    const rows = await sheet(
      (await download(security, `/api/admin/accounts/export?q=${prefix}-&role=auditor`)).body,
    );
    expect(rows).toEqual([
      ['用户名', '姓名', '角色', '电子邮箱', '状态', '动态验证码', '建立时间'],
      [
        `${prefix}-auditor`,
        '何审计',
        '安全审计员',
        h.user('auditor').email,
        '启用',
        '未绑定',
        expect.any(String),
      ],
    ]);
    expect((await download(admin, '/api/admin/accounts/export')).status).toBe(403);
  });
});

describe("the auditor's logs", () => {
  it('should page the security log by account, newest first, and export it with Chinese names', async () => {
    for (let i = 0; i < 3; i++) await h.login('reviewer2');
    const who = `username=${encodeURIComponent(h.user('reviewer2').username)}&kind=login_succeeded`;
    const [one, two] = await twoPages(auditor, `/api/audit/security-events?${who}`, 3, 2);
    expect(one!.items[0].chainSeq).toBeGreaterThan(one!.items[1].chainSeq);
    expect(one!.items[1].chainSeq).toBeGreaterThan(two!.items[0].chainSeq);
    const rows = await sheet(
      (await download(auditor, `/api/audit/security-events/export?${who}`)).body,
    );
    expect(rows[0]!.slice(0, 5)).toEqual(['链上位置', '时间', '事件', '结果', '账号']);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(2, 6)).toEqual([
      '登录成功',
      '成功',
      h.user('reviewer2').username,
      '审查人员',
    ]);
  });

  it('should export the audit log with its headers to the auditor only, and refuse a bad day', async () => {
    const csv = csvLines(
      (await download(auditor, '/api/audit/entries/export?format=csv&from=2099-01-01')).body,
    );
    expect(csv).toEqual([
      '链上位置,时间,事项类别,事项编号,决定,原状态,新状态,办理人,办理人角色,理由,法律依据,哈希',
    ]);
    expect((await as(auditor).get('/api/audit/entries?pageSize=5')).body).toMatchObject({
      page: 1,
      pageSize: 5,
    });
    expect((await as(auditor).get('/api/audit/entries?from=1999-12-31')).status).toBe(400);
    expect((await download(admin, '/api/audit/entries/export')).status).toBe(403);
  });
});

describe('the worklist and the sessions', () => {
  it("should page an applicant's worklist with the four-eyes exclusion in the query, so that totals and pages agree", async () => {
    // Projections of one organisation's files waiting for its applicant (closed statuses, so the
    // one-open-file rule does not refuse them): two files have no view yet, two exclude nobody,
    // one has a view without `awaiting`, and two exclude this applicant (never on any page).
    const mine = await h.newApplicant();
    const me = h.user(mine.username).id;
    const views: (object | null)[] = [
      null,
      null,
      { awaiting: { role: 'applicant', assignee: null, excludedActorIds: [] } },
      { awaiting: { role: 'applicant', assignee: null, excludedActorIds: [randomUUID()] } },
      {},
      { awaiting: { role: 'applicant', assignee: null, excludedActorIds: [me] } },
      { awaiting: { role: 'applicant', assignee: null, excludedActorIds: [randomUUID(), me] } },
    ];
    const ids: string[] = [];
    for (const [n, view] of views.entries()) {
      const id = randomUUID();
      ids.push(id);
      await h.db.registration.create({
        data: {
          id,
          applicationNo: `WL-${tag}-${id.slice(0, 8)}`,
          workflowId: `lists-paging-worklist-${id}`,
          organizationId: mine.organizationId,
          filedById: me,
          proposedName: `待办翻页${tag}${n}`,
          category: 'public_welfare',
          legalForm: 'social_group',
          status: 'approved',
          filedAt: new Date(Date.parse('2026-04-01T02:00:00Z') + n * 60_000),
          dueAt: new Date(Date.parse('2099-05-01T02:00:00Z') + n * 86_400_000),
          overdue: n < 2 || n === 5,
          awaitingRole: 'applicant',
          ...(view ? { view } : {}),
        },
      });
    }
    const [one, two] = await twoPages(mine.token, '/api/worklist', 5, 3);
    const seen = [...one!.items, ...two!.items].map((i: { id: string }) => i.id);
    // Soonest deadline first; the excluded files on no page.
    expect(seen).toEqual(ids.slice(0, 5));
    expect(one!.overdue).toBe(2);
    expect(one!.items[0].urgency).toBe('overdue');
  });

  it('should page the open sessions of an account, most recently active first', async () => {
    const someone = await h.newApplicant();
    for (let n = 0; n < 4; n++) await h.login(someone.username);
    const security = await h.login('security');
    const id = h.user(someone.username).id;
    const [one, two] = await twoPages(security, `/api/admin/sessions?accountId=${id}`, 5, 3);
    const seen = [...one!.items, ...two!.items];
    expect(new Set(seen.map((s: { accountId: string }) => s.accountId))).toEqual(new Set([id]));
    const last = seen.map((s: { lastSeenAt: string }) => s.lastSeenAt);
    expect([...last].sort().reverse()).toEqual(last);
    expect((await as(security).get('/api/admin/sessions?pageSize=31')).body.detail).toContain(
      '每页最多30条',
    );
  });
});

describe("a round's proposals", () => {
  it('should page the proposals by submission with a status filter, keep drafts out, and name the ranked ones in the results', async () => {
    const roundId = randomUUID();
    await h.db.competitionRound.create({
      data: {
        id: roundId,
        title: `翻页${tag}创投项目轮`,
        workflowId: `lists-paging-proposals-${roundId}`,
        stage: 'first_scored',
        settings: {},
        ruleVersion: 'test',
        budgetFen: 100_000n,
        callOpensAt: new Date('2026-05-01T02:00:00Z'),
        callClosesAt: new Date('2026-05-31T10:00:00Z'),
        createdById: h.user('admin').id,
      },
    });
    // 13 proposals (every third one rejected), and one still being written.
    const ids: string[] = [];
    for (let n = 1; n <= 14; n++) {
      const id = randomUUID();
      ids.push(id);
      await h.db.competitionProposal.create({
        data: {
          id,
          roundId,
          organizationId: org.organizationId,
          workflowId: `lists-paging-proposal-${id}`,
          title: `翻页${tag}项目${String(n).padStart(2, '0')}`,
          category: 'elderly',
          status: n === 14 ? 'submitting' : n % 3 === 0 ? 'rejected' : 'submitted',
          content: {},
          requestedFen: 10_000n,
          capFen: 50_000n,
          submittedAt: new Date(Date.parse('2026-05-02T02:00:00Z') + n * 60_000),
        },
      });
    }
    const path = `/api/competitions/${roundId}/proposals`;
    const [one, two] = await twoPages(admin, path, 13, 10);
    expect([...one!.items, ...two!.items].map((p: { id: string }) => p.id)).toEqual(
      ids.slice(0, 13),
    );
    const rejected = await as(admin).get(`${path}?status=rejected`);
    expect(rejected.body.total).toBe(4);
    expect((await as(org.token).get(path)).body.total).toBe(13);
    expect((await as(admin).get(`${path}?proposalId=${ids[4]}`)).body.items).toMatchObject([
      { id: ids[4], title: `翻页${tag}项目05` },
    ]);
    // The ranking names its proposals itself, whichever page of the list they are on.
    await h.db.competitionResult.create({
      data: {
        proposalId: ids[12]!,
        phase: 'first',
        roundId,
        rank: 1,
        judges: 3,
        method: 'mean',
        rawMean: 80,
        trimmedMean: 80,
        normalised: 0,
        score: 80,
        outliers: 0,
        criterionMeans: {},
        tieTrace: [],
      },
    });
    const results = await as(admin).get(`/api/competitions/${roundId}/results?phase=first`);
    expect(results.body).toMatchObject([{ proposalId: ids[12], title: `翻页${tag}项目13` }]);
  });
});
