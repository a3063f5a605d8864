import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { validateReleasePackage } from '../../lib/ocds/validate-release-package';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  CATALOGUE_ITEM,
  newProject,
  newUndertaker,
  ok,
  type PurchaseCast,
  setUpPurchase,
  type Undertaker,
  waitForPurchase,
} from '../support/purchase-steps';

/**
 * The public OCDS export discloses only what may be public at each stage (issue 13 point 1):
 * while the tender is open it neither names nor counts the tenderers (招标投标法 art. 22); once
 * the bids are opened (the response window closed) the latest release lists them; the award
 * release names the supplier; the notice's release never names a tenderer, even later.
 */

let h: Harness;
let cast: PurchaseCast;

beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, {
    publicity: { amount: 60, unit: 'seconds' },
    methods: { openTenderThresholdFen: 100_000_000 },
  });
});
afterAll(async () => {
  await h?.teardown();
});

type Release = Record<string, any>;

async function publicPackage(
  id: string,
): Promise<{ status: number; text: string; releases: Release[] }> {
  const r = await http(h.baseUrl).get(`/api/purchases/${id}/ocds`);
  const text = JSON.stringify(r.body);
  if (r.status === 200) expect(validateReleasePackage(r.body).errors).toEqual([]);
  return {
    status: r.status,
    text,
    releases: r.status === 200 ? (r.body.releases as Release[]) : [],
  };
}

const names = (us: Undertaker[]) => us.flatMap((u) => [u.creditCode]);

describe('OCDS disclosure by stage', () => {
  it('given a project from planning to award, then each stage discloses only what is public then', async () => {
    const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
      ...CATALOGUE_ITEM,
      code: '01.03.777',
    });
    const id = await newProject(h, cast, item.body.id, 30_000_000, '社区助老服务（公开范围测试）');

    // Planning: not public at all.
    expect((await publicPackage(id)).status).toBe(404);
    await ok(h, cast.buyer, id, 'plan', { method: 'open_tender' });
    expect((await publicPackage(id)).status).toBe(404);

    // Tender open, with three responses: no tenderer named or counted anywhere.
    const closesAt = new Date(Date.now() + 8_000).toISOString();
    await ok(h, cast.buyer, id, 'notice', { closesAt, requirements: '具有助老服务经验' });
    const a = await newUndertaker(h);
    const b = await newUndertaker(h);
    const c = await newUndertaker(h);
    await ok(h, a.token, id, 'responses', { priceFen: 28_000_000, proposal: '方案甲' });
    await ok(h, b.token, id, 'responses', { priceFen: 27_000_000, proposal: '方案乙' });
    await ok(h, c.token, id, 'responses', { priceFen: 29_000_000, proposal: '方案丙' });
    const open = await publicPackage(id);
    expect(open.status).toBe(200);
    expect(open.releases.map((r) => r.tag[0])).toEqual(['planning', 'tender']);
    const tender = open.releases[1] as Release;
    expect(tender.tender.status).toBe('active');
    expect(tender.tender).not.toHaveProperty('tenderers');
    expect(tender.tender).not.toHaveProperty('numberOfTenderers');
    expect(tender.parties.map((p: Release) => p.roles)).toEqual([
      ['buyer', 'procuringEntity', 'payer'],
    ]);
    for (const code of names([a, b, c])) expect(open.text).not.toContain(code);
    expect(open.text).not.toContain('钟楼区社会服务中心');

    // Bids opened: the latest release names and counts them.
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    const opened = await publicPackage(id);
    const latest = opened.releases.at(-1) as Release;
    expect(latest.tender.numberOfTenderers).toBe(3);
    expect(latest.tender.tenderers.map((t: Release) => t.id).sort()).toEqual(
      [a, b, c].map((u) => `CN-USCI-${u.creditCode}`).sort(),
    );

    // Award under publicity: the award release names the supplier; the notice's does not.
    await ok(h, cast.buyer, id, 'panel', { expertIds: cast.experts.slice(0, 3).map((e) => e.id) });
    for (const e of cast.experts.slice(0, 3)) {
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
      await ok(h, e.token, id, 'scores', {
        scores: [
          { organizationId: a.organizationId, score: 90 },
          { organizationId: b.organizationId, score: 80 },
          { organizationId: c.organizationId, score: 70 },
        ],
      });
    }
    await ok(h, cast.buyer, id, 'award', { opinion: '按综合得分确定' });
    const awarded = await publicPackage(id);
    expect(awarded.releases.map((r) => r.tag[0])).toEqual(['planning', 'tender', 'award']);
    const [, notice, award] = awarded.releases as [Release, Release, Release];
    expect(notice.tender).not.toHaveProperty('tenderers');
    expect(notice.parties).toHaveLength(1);
    expect(award.tender.numberOfTenderers).toBe(3);
    expect(award.awards[0].suppliers).toEqual([
      { id: `CN-USCI-${a.creditCode}`, name: expect.any(String) },
    ]);
  }, 120_000);
});
