import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sweep } from '../../lib/housekeeping';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { file, upload } from '../support/registration-steps';

/**
 * Quotas and rate limits (issue 13 point 8) and input rules (point 9) over HTTP: the numbers are
 * the security policy's, set here by the security administrator as a deployment would.
 */

let h: Harness;
let version = 2020;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

/** A new version of this district's security policy (only the security administrator may). */
async function policy(settings: Record<string, unknown>) {
  version++;
  const r = await http(h.baseUrl, await h.login('security')).post('/api/admin/rule-sets', {
    process: 'security',
    version: `quota-${h.districtCode}-${version}`,
    jurisdiction: h.districtCode,
    effectiveFrom: `${version}-01-01`,
    settings: { mfa: { requiredForStaff: false }, ...settings },
  });
  expect(r.status).toBe(201);
}

describe('quotas and rate limits', () => {
  it('given a quota of three uploads a day, when an applicant uploads a fourth, then 429 with Retry-After; the refusal is logged', async () => {
    await policy({ uploads: { perAccountPerDay: 3 } });
    const a = await h.newApplicant();
    for (let i = 0; i < 3; i++) await upload(h, a.token, 'charter_draft');
    const form = new FormData();
    form.append('documentType', 'charter_draft');
    form.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }),
      'x.pdf',
    );
    const res = await fetch(`${h.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}` },
      body: form,
    });
    expect(res.status).toBe(429);
    const seconds = Number(res.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(23 * 3600);
    expect(((await res.json()) as { detail: string }).detail).toContain('最多上传 3 个文件');
    const logged = await h.db.securityEvent.count({
      where: { kind: 'rate_limited', path: '/api/files' },
    });
    expect(logged).toBe(1);
  });

  it("given uploads older than the policy's expiry, when the sweep runs, then those no application names are deleted and the others stay", async () => {
    await policy({ uploads: { perAccountPerDay: 100 } });
    const a = await h.newApplicant();
    const filed = await file(h, a, 'social_group', 'community_service');
    const stray = (await upload(h, a.token, 'other')).fileId;
    const old = new Date(Date.now() - 100 * 3600_000);
    await h.db.storedFile.updateMany({
      where: { id: { in: [stray, ...filed.docs.map((d) => d.fileId)] } },
      data: { createdAt: old },
    });
    const r = await sweep(h.db, { unattachedExpiryHours: 72 });
    expect(r.uploads).toBeGreaterThanOrEqual(1);
    expect(await h.db.storedFile.findUnique({ where: { id: stray } })).toBeNull();
    const kept = await h.db.storedFile.count({
      where: { id: { in: filed.docs.map((d) => d.fileId) } },
    });
    expect(kept).toBe(filed.docs.length);
  });

  it('given a limit of five expensive calls a minute, when a reviewer checks a sixth name, then 429 with Retry-After', async () => {
    await policy({ rateLimits: { expensivePerMinute: 5 } });
    const api = http(h.baseUrl, await h.login('reviewer1'));
    const q = `/api/name-check?name=${encodeURIComponent('常州市钟楼区限流测试协会')}&legalForm=social_group`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.get(q)).status);
    // A minute's window may turn over mid-way: at most the first call of a new window slips by.
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    const last = await api.get(q);
    expect([statuses[5], last.status]).toContain(429);
  });

  it('given a limit of ten anonymous calls a minute, when one address reads the announcements more often, then 429 with Retry-After', async () => {
    await policy({ rateLimits: { anonymousPerMinute: 10 } });
    const anon = http(h.baseUrl);
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await anon.get('/api/announcements'));
    const refused = answers.find((a) => a.status === 429);
    expect(refused).toBeDefined();
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused?.body.code).toBe('too_many_requests');
    await policy({});
  });
});

describe('input', () => {
  it('given % or _ in a search, when staff search registrations, then they are literal characters, not wildcards', async () => {
    const a = await h.newApplicant();
    await file(h, a, 'social_group', 'community_service');
    const api = http(h.baseUrl, await h.login('reviewer1'));
    expect((await api.get('/api/registrations')).body.total).toBeGreaterThan(0);
    expect((await api.get('/api/registrations?q=%25')).body.total).toBe(0);
    expect((await api.get('/api/registrations?q=_')).body.total).toBe(0);
    expect((await api.get('/api/organizations?q=%25')).body.items).toEqual([]);
  });

  it('given a CSV with a formula cell and a name with an invisible character, when imported, then both rows are refused with their reasons', async () => {
    const admin = await h.login('admin');
    const csv = [
      '统一社会信用代码,名称,组织形式,登记日期,住所',
      `51320404MJ0000011K,常州市钟楼区示例慈善协会,社会团体,2015-06-01,"=HYPERLINK(""http://x.example"")"`,
      `51320404MJ0000021F,常州市钟楼区\u200b示例协会,社会团体,2015-06-01,钟楼区`,
    ].join('\n');
    const res = await fetch(`${h.baseUrl}/api/admin/organizations/import?dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const body = (await res.json()) as { rejected: { line: number; reasons: string[] }[] };
    const reasons = body.rejected.map((r) => r.reasons.join('；'));
    expect(reasons[0]).toContain('公式');
    expect(reasons[1]).toContain('名称含有不允许的字符');
  });
});
