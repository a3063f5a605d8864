import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  act,
  CATALOGUE_ITEM,
  catalogueCodeOf,
  newProject,
  newUndertaker,
  type PurchaseCast,
  setUpPurchase,
  waitForPurchase,
} from '../support/purchase-steps';
import * as reg from '../support/registration-steps';

/**
 * Only allowed actions are offered (issue 15.2): the project's view lists, for the person asking,
 * the decisions the workflow's own checks accept now; each one offered succeeds, and one not
 * offered is refused with 409.
 */

let h: Harness;
let cast: PurchaseCast;

beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, {});
});
afterAll(async () => {
  await h?.teardown();
});

const offered = async (token: string, id: string) => {
  const r = await http(h.baseUrl, token).get<{ allowedActions: string[] }>(`/api/purchases/${id}`);
  expect(r.status).toBe(200);
  return r.body.allowedActions;
};

describe('purchase: what the view offers', () => {
  it('given a project from need to tendering, then each offered decision succeeds and one not offered answers 409', async () => {
    const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
      ...CATALOGUE_ITEM,
      code: catalogueCodeOf(h, 5),
    });
    expect(item.status).toBe(201);
    const id = await newProject(h, cast, item.body.id, 1_000_000, '可办事项测试项目');
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'need_defined');

    expect(await offered(cast.buyer, id)).toEqual(['planProcurement', 'cancelProject']);
    expect(await offered(cast.finance, id)).toEqual([]);
    // 确定成交 is not offered before the evaluation: the workflow refuses it.
    expect((await act(h, cast.buyer, id, 'award', { opinion: '拟定' })).status).toBe(409);
    expect((await act(h, cast.buyer, id, 'plan', { method: 'open_tender' })).status).toBe(200);

    // The method may still be changed until the notice is out.
    expect(await offered(cast.buyer, id)).toEqual([
      'planProcurement',
      'publishNotice',
      'cancelProject',
    ]);
    expect((await act(h, cast.buyer, id, 'scores', { scores: [] })).status).toBe(403);
    const closesAt = new Date(Date.now() + 60_000).toISOString();
    const notice = await act(h, cast.buyer, id, 'notice', {
      closesAt,
      requirements: '养老服务经验',
    });
    expect(notice.status).toBe(200);

    const u = await newUndertaker(h);
    expect(await offered(u.token, id)).toEqual(['submitResponse']);
    expect(await offered(cast.buyer, id)).toEqual(['cancelProject']);
    const resp = await act(h, u.token, id, 'responses', { priceFen: 900_000, proposal: '方案' });
    expect(resp.status).toBe(200);
    // Answered once: the response is no longer offered, and a second one is refused.
    expect(await offered(u.token, id)).toEqual([]);
    expect((await act(h, u.token, id, 'responses', { priceFen: 1, proposal: 'x' })).status).toBe(
      409,
    );
  });
});

describe('registration: what the view offers', () => {
  const allowed = async (token: string, id: string) =>
    (await reg.view(h, token, id)).allowedActions;

  it('given a file in first review, then 专家评审结束 is offered only while experts review, 承办本件 until someone holds the level, and nothing to the first-level reviewer at the second', async () => {
    const applicant = await h.newApplicant();
    const { id } = await reg.file(h, applicant, 'social_group', 'public_welfare');
    const r1 = await h.login('reviewer1');
    const r2 = await h.login('reviewer2');
    await reg.waitFor(h, r1, id, (v) => v.status === 'submitted');
    expect(await allowed(applicant.token, id)).toEqual(['withdraw']);
    expect((await reg.act(h, r1, id, 'accept')).status).toBe(200);

    // The acceptor holds the file: it is theirs to decide, nobody else's to claim.
    expect(await allowed(r1, id)).toEqual(expect.arrayContaining(['approve', 'startExpertReview']));
    expect(await allowed(r1, id)).not.toContain('claim');
    expect(await allowed(r1, id)).not.toContain('endExpertReview');
    expect((await reg.act(h, r1, id, 'expert-review/end', { summary: '结论' })).status).toBe(409);
    expect(await allowed(r2, id)).toEqual([]);
    expect((await reg.act(h, r2, id, 'claim')).status).toBe(403);

    const start = { reason: '需要专家论证业务范围', expectedWorkingDays: 5 };
    expect((await reg.act(h, r1, id, 'expert-review/start', start)).status).toBe(200);
    const during = await allowed(r1, id);
    expect(during).toContain('endExpertReview');
    expect(during).not.toContain('approve');
    expect((await reg.act(h, r1, id, 'approve', { opinion: '拟准予' })).status).toBe(409);
    const end = await reg.act(h, r1, id, 'expert-review/end', { summary: '专家同意' });
    expect(end.status).toBe(200);
    expect(await allowed(r1, id)).toContain('approve');
    expect(await allowed(r1, id)).not.toContain('endExpertReview');

    // The second level: nothing for the first-level reviewer (four eyes); 承办本件 for another.
    expect((await reg.act(h, r1, id, 'approve', { opinion: '拟准予' })).status).toBe(200);
    expect(await allowed(r1, id)).toEqual([]);
    expect((await reg.act(h, r1, id, 'approve', { opinion: '准予' })).status).toBe(409);
    expect(await allowed(r2, id)).toContain('claim');
    expect((await reg.act(h, r2, id, 'claim')).status).toBe(200);
    expect(await allowed(r2, id)).not.toContain('claim');
    expect(await allowed(r2, id)).toContain('approve');
  });
});
