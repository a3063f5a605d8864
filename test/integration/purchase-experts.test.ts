import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { type PurchaseCast, setUpPurchase } from '../support/purchase-steps';

/** The experts a purchaser may appoint: active evaluators, names only, for purchasers only. */

let h: Harness;
let cast: PurchaseCast;
beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, {});
});
afterAll(async () => {
  await h?.teardown();
});

describe('GET /api/purchase-experts', () => {
  it('given evaluators, when a purchaser asks, then it lists the active ones by id and name; others are refused', async () => {
    await h.db.account.update({
      where: { id: cast.experts[3]!.id },
      data: { active: false },
    });
    const r = await http(h.baseUrl, cast.buyer).get('/api/purchase-experts');
    expect(r.status).toBe(200);
    const ids = r.body.items.map((x: { id: string }) => x.id);
    for (const e of cast.experts.slice(0, 3)) expect(ids).toContain(e.id);
    expect(ids).not.toContain(cast.experts[3]!.id);
    expect(Object.keys(r.body.items[0]).sort()).toEqual(['id', 'name']);
    const applicant = await h.newApplicant();
    expect((await http(h.baseUrl, applicant.token).get('/api/purchase-experts')).status).toBe(403);
    expect((await http(h.baseUrl, cast.finance).get('/api/purchase-experts')).status).toBe(403);
  });
});
