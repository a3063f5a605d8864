import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCreditCode, USCC_CHARSET } from '../../domain/credit-code';
import { DEMO_ORGANIZATION_NAMES } from '../../prisma/demo-organizations';
import { seedDemo } from '../../prisma/seed';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

let h: Harness;
let admin: ReturnType<typeof http>;
beforeAll(async () => {
  h = await startHarness();
  admin = http(h.baseUrl, await h.login('admin'));
});
afterAll(async () => {
  await h?.teardown();
});

/** A valid credit code no other test file uses (random body). */
function freshCode(legalForm: 'social_group' | 'foundation' = 'social_group') {
  const body = Array.from({ length: 6 }, () => USCC_CHARSET[randomInt(USCC_CHARSET.length)]).join(
    '',
  );
  return buildCreditCode({ legalForm, divisionCode: h.districtCode, body8: `MJ${body}` });
}

async function postCsv(path: string, csv: string, token: string) {
  const r = await fetch(h.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${token}` },
    body: csv,
  });
  return { status: r.status, body: (await r.json()) as any };
}

const HEADER =
  '统一社会信用代码,名称,组织形式,类别,登记日期,年检结果,评估等级,等级授予日期,等级有效期至';

describe('importing existing organisations from CSV', () => {
  it('given good and bad rows, should write the good ones and report each bad one with its reasons; a re-import changes nothing', async () => {
    const token = await h.login('admin');
    const [a, b] = [freshCode(), freshCode('foundation')];
    const tag = randomInt(1e9);
    const csv = [
      HEADER,
      `${a},导入测试协会${tag},社会团体,公益慈善类,2015-06-01,2023:合格;2024:基本合格,3A,2022-12-01,2027-12-01`,
      `${b},导入测试基金会${tag},基金会,,2018-03-01,2024:合格,,,`,
      `${a},导入测试协会重复${tag},社会团体,,2016-01-01,,,,`,
      `${a.slice(0, 17)}X,导入测试坏码${tag},社会团体,,2016-01-01,,,,`,
      `${freshCode()},导入测试无日期${tag},社会团体,科技,,,,,`,
    ].join('\n');

    const dry = await postCsv('/api/admin/organizations/import?dryRun=true', csv, token);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 5, created: 2, updated: 0 });
    expect(await h.db.organization.count({ where: { creditCode: { in: [a, b] } } })).toBe(0);

    const run = await postCsv('/api/admin/organizations/import', csv, token);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ dryRun: false, rows: 5, created: 2, updated: 0 });
    expect(run.body.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    expect(run.body.rejected[0].reasons).toEqual(['信用代码与第 2 行重复']);
    expect(run.body.rejected[1].reasons.join()).toMatch(/校验码/);
    expect(run.body.rejected[2].reasons).toEqual([
      '登记日期不能为空',
      '类别“科技”不是直接登记的四类之一；其他类别请留空',
    ]);

    const org = await h.db.organization.findUniqueOrThrow({
      where: { creditCode: a },
      include: { inspections: true, grades: true },
    });
    expect(org.inspections.map((i) => [i.year, i.result]).sort()).toEqual([
      [2023, 'pass'],
      [2024, 'basic_pass'],
    ]);
    expect(org.grades).toEqual([
      expect.objectContaining({ level: 3, status: 'active', activeFor: org.id, source: 'import' }),
    ]);

    const again = await postCsv('/api/admin/organizations/import', csv, token);
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
    expect(await h.db.grade.count({ where: { organizationId: org.id } })).toBe(1);
    expect(await h.db.annualInspection.count({ where: { organizationId: org.id } })).toBe(2);
  });

  it('given a wrong header or a non-CSV body, should answer 4xx problem details', async () => {
    const token = await h.login('admin');
    const bad = await postCsv('/api/admin/organizations/import', '名称,备注\n甲,乙', token);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toContain('未知的列“备注”');
    const json = await admin.post('/api/admin/organizations/import', { csv: 'x' });
    expect(json.status).toBe(400);
    const applicant = await h.newApplicant();
    const denied = await postCsv('/api/admin/organizations/import', HEADER, applicant.token);
    expect(denied.status).toBe(403);
  });

  it('given the template, when it is imported as is, should be accepted', async () => {
    const res = await fetch(`${h.baseUrl}/api/admin/organizations/import-template`, {
      headers: { authorization: `Bearer ${await h.login('admin')}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const dry = await postCsv(
      '/api/admin/organizations/import?dryRun=true',
      csv,
      await h.login('admin'),
    );
    expect(dry.body.rejected).toEqual([]);
    expect(dry.body.rows).toBe(1);
  });
});

describe('the profile: inspections, penalties and list flags', () => {
  it('given staff records, should show them in the profile and the audit trail; the applicant sees only its own', async () => {
    const applicant = await h.newApplicant();
    const other = await h.newApplicant();
    const id = applicant.organizationId;
    expect(
      (await admin.put(`/api/admin/organizations/${id}/inspections/2025`, { result: 'fail' }))
        .status,
    ).toBe(200);
    expect(
      (await admin.put(`/api/admin/organizations/${id}/inspections/2026`, { result: 'pass' }))
        .status,
    ).toBe(422);
    const penalty = await admin.post(`/api/admin/organizations/${id}/penalties`, {
      decisionNo: '钟民罚〔2026〕1号',
      kind: '警告',
      decidedOn: '2026-03-02',
    });
    expect(penalty.status).toBe(201);
    const dup = await admin.post(`/api/admin/organizations/${id}/penalties`, {
      decisionNo: '钟民罚〔2026〕1号',
      kind: '警告',
      decidedOn: '2026-03-02',
    });
    expect(dup.status).toBe(409);
    const early = await admin.post(
      `/api/admin/organizations/${id}/penalties/${penalty.body.id}/executed`,
      {
        executedOn: '2026-03-01',
      },
    );
    expect(early.status).toBe(422);
    expect(
      (
        await admin.post(`/api/admin/organizations/${id}/penalties/${penalty.body.id}/executed`, {
          executedOn: '2026-03-20',
        })
      ).status,
    ).toBe(200);
    const flags = await admin.put(`/api/admin/organizations/${id}/flags`, {
      abnormalListed: true,
      reason: '未按时报送年度工作报告',
    });
    expect(flags.status).toBe(200);
    expect(flags.body.abnormalListedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      (await admin.put(`/api/admin/organizations/${id}/flags`, { reason: '无变更' })).status,
    ).toBe(400);

    const mine = await http(h.baseUrl, applicant.token).get(`/api/organizations/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      inspections: [{ year: 2025, result: 'fail' }],
      penalties: [{ decisionNo: '钟民罚〔2026〕1号', executedOn: '2026-03-20' }],
      dishonestListedOn: null,
      gradeInForce: null,
    });
    expect((await http(h.baseUrl, other.token).get(`/api/organizations/${id}`)).status).toBe(404);
    expect((await http(h.baseUrl, other.token).get(`/api/organizations/${id}/grades`)).status).toBe(
      404,
    );
    expect((await http(h.baseUrl, applicant.token).get('/api/organizations')).status).toBe(403);

    const audit = await admin.get(`/api/organizations/${id}/audit`);
    expect(audit.body.items.map((e: { action: string; seq: number }) => [e.seq, e.action])).toEqual(
      [
        [1, 'inspection_recorded'],
        [2, 'penalty_recorded'],
        [3, 'penalty_executed'],
        [4, 'flags_changed'],
      ],
    );
    const list = await admin.get(`/api/organizations?q=${encodeURIComponent(mine.body.name)}`);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(id);
  });
});

describe('the embedded demo', () => {
  it('given the demo seed, should import every demo organisation with its inspections and grades, and be repeatable', async () => {
    await seedDemo(h.db, h.districtCode);
    await seedDemo(h.db, h.districtCode);
    // Another test file may have seeded the demo first: the demo names exist once, either way.
    const mine = await h.db.organization.findMany({
      where: { name: { in: DEMO_ORGANIZATION_NAMES } },
      include: { grades: true, inspections: true },
    });
    expect(mine).toHaveLength(10);
    expect(mine.flatMap((o) => o.grades.map((g) => g.status)).sort()).toEqual([
      'active',
      'active',
      'active',
      'expired',
    ]);
    expect(mine.every((o) => o.inspections.length > 0)).toBe(true);
    const listed = mine.find((o) => o.name === '常州市钟楼区阳光助残服务社');
    expect(listed?.abnormalListedAt).not.toBeNull();
  });
});

describe('imported grades live like awarded ones', () => {
  it('given an imported 3A, when a failed inspection of last year is recorded, then the grade workflow downgrades it to 2A with the same expiry', async () => {
    const token = await h.login('admin');
    const code = freshCode();
    const csv = [
      HEADER,
      `${code},导入等级测试协会${randomInt(1e9)},社会团体,,2015-06-01,2024:合格,3A,2024-06-01,2029-06-01`,
    ].join('\n');
    const run = await postCsv('/api/admin/organizations/import', csv, token);
    expect(run.body).toMatchObject({ created: 1, gradesWatched: 1 });
    const org = await h.db.organization.findUniqueOrThrow({ where: { creditCode: code } });
    const lastYear = Number(new Date().toISOString().slice(0, 4)) - 1;
    const put = await admin.put(`/api/admin/organizations/${org.id}/inspections/${lastYear}`, {
      result: 'fail',
    });
    expect(put.status).toBe(200);
    let active = null as Awaited<ReturnType<typeof h.db.grade.findFirst>>;
    for (let i = 0; i < 100 && active?.level !== 2; i++) {
      await new Promise((r) => setTimeout(r, 200));
      active = await h.db.grade.findFirst({ where: { organizationId: org.id, status: 'active' } });
    }
    expect(active).toMatchObject({ level: 2 });
    expect(active?.expiresOn.toISOString().slice(0, 10)).toBe('2029-06-01');
    const history = await admin.get(`/api/organizations/${org.id}/grades`);
    expect(
      history.body.items.map((g: { level: number; status: string }) => [g.level, g.status]),
    ).toEqual([
      [3, 'downgraded'],
      [2, 'active'],
    ]);
  });
});
