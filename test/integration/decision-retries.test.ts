import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { staff } from '../support/competition-steps';
import { createPeople, evaluationRules } from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  CATALOGUE_ITEM,
  catalogueCodeOf,
  newProject,
  setUpPurchase,
} from '../support/purchase-steps';
import { file, waitFor } from '../support/registration-steps';

/**
 * A client that lost an answer (a 503, a dropped connection) sends the decision again under
 * the same Idempotency-Key: it gets the first outcome, and nothing is decided twice. Each of
 * the four processes' decision routes takes the key.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const key = (name: string) => ({ 'Idempotency-Key': `${name}-${h.districtCode}-retry` });
const audits = (subjectId: string, action: string) =>
  h.db.auditEntry.count({ where: { subjectId, action } });

describe('decisions sent again under their Idempotency-Key', () => {
  it('given a registration decision sent twice with one key, then it is applied once and both answers are its outcome; the key with another body is refused', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'community_service');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (v) => v.nameCheck !== null);
    const api = http(h.baseUrl, r1);
    const first = await api.post(`/api/registrations/${id}/accept`, {}, key('accept'));
    const again = await api.post(`/api/registrations/${id}/accept`, {}, key('accept'));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.status).toBe('first_review');
    expect(again.body.trail).toEqual(first.body.trail);
    expect(await audits(id, 'accepted')).toBe(1);
    // Without the key it is a new decision, and the workflow refuses it.
    expect((await api.post(`/api/registrations/${id}/accept`, {})).status).toBe(409);

    const opinion = await api.post(
      `/api/registrations/${id}/approve`,
      { opinion: '拟准予' },
      key('approve'),
    );
    expect(opinion.status).toBe(200);
    const other = await api.post(
      `/api/registrations/${id}/approve`,
      { opinion: '另一份意见' },
      key('approve'),
    );
    expect(other.status).toBe(422);
    expect(other.body.detail).toContain('Idempotency-Key');
  });

  it('given the decision that closed a file, when it is sent again under its key, then the answer is its outcome, not "already closed"', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'private_non_enterprise', 'community_service');
    const r1 = http(h.baseUrl, await h.login('reviewer1'));
    const r2 = http(h.baseUrl, await h.login('reviewer2'));
    await waitFor(h, await h.login('reviewer1'), id, (v) => v.nameCheck !== null);
    expect((await r1.post(`/api/registrations/${id}/accept`, {})).status).toBe(200);
    expect((await r1.post(`/api/registrations/${id}/approve`, { opinion: '拟准予' })).status).toBe(
      200,
    );
    const approve = () =>
      r2.post(`/api/registrations/${id}/approve`, { opinion: '准予登记' }, key('final'));
    const first = await approve();
    expect(first.body.status).toBe('approved');
    // The workflow has ended; its projection says approved.
    await h.client.workflow.getHandle(`registration-${id}`).result();
    const again = await approve();
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('approved');
    expect(again.body.creditCode).toBe(first.body.creditCode);
    expect(await audits(id, 'approved')).toBe(1);
    const fresh = await r2.post(`/api/registrations/${id}/approve`, { opinion: '准予登记' });
    expect(fresh.status).toBe(409);
  });

  it('given a purchase decision sent twice with one key, then it is recorded once', async () => {
    const cast = await setUpPurchase(h, {});
    const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
      ...CATALOGUE_ITEM,
      code: catalogueCodeOf(h, 9),
    });
    expect(item.status).toBe(201);
    const id = await newProject(h, cast, item.body.id, 500_000, '居家养老上门服务（重试）');
    const buyer = http(h.baseUrl, cast.buyer);
    const plan = () =>
      buyer.post(`/api/purchases/${id}/plan`, { method: 'open_tender' }, key('plan'));
    const [first, again] = [await plan(), await plan()];
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.status).toBe('planned');
    expect(await audits(id, 'plan_procurement')).toBe(1);
  });

  it('given a competition round decision sent twice with one key, then both answers are its outcome', async () => {
    const admin = http(h.baseUrl, await h.login('admin'));
    const judges = [];
    for (let i = 1; i <= 4; i++)
      judges.push(await staff(h, `retry-judge${i}`, 'judge', `评审${i}`));
    const created = await admin.post('/api/competitions', {
      title: '重试测试创投大赛',
      callOpensAt: new Date(Date.now() - 60_000).toISOString(),
      callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      judges: { first: judges.slice(0, 3).map((j) => j.id), roadshow: [judges[3]!.id] },
      settings: {
        budgetFen: 8_000_000,
        categories: [{ code: 'elderly', name: '为老服务' }],
        caps: { registeredFen: 3_000_000, recordedFen: 500_000 },
        minPanelSize: 1,
      },
    });
    expect(created.status).toBe(201);
    const roundId = created.body.id as string;
    const close = () => admin.post(`/api/competitions/${roundId}/close-call`, {}, key('close'));
    const [first, again] = [await close(), await close()];
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.stage).toBe(first.body.stage);
    expect((await admin.post(`/api/competitions/${roundId}/close-call`, {})).status).toBe(409);
  });

  it('given an evaluation campaign decision sent twice with one key, then both answers are its outcome', async () => {
    await evaluationRules(h, {});
    const committee = await createPeople(h, 'committee_member', 7, '重试评估委员');
    const review = await createPeople(h, 'committee_member', 5, '重试复核委员');
    const admin = http(h.baseUrl, await h.login('admin'));
    const created = await admin.post('/api/evaluation/campaigns', {
      year: 2035,
      title: '重试测试评估活动',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: committee.map((c) => c.id),
      reviewCommitteeIds: review.map((c) => c.id),
    });
    expect(created.status).toBe(201);
    const campaignId = created.body.id as string;
    const close = () =>
      admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`, {}, key('window'));
    const [first, again] = [await close(), await close()];
    expect([first.status, again.status]).toEqual([200, 200]);
    const fresh = await admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`);
    expect(fresh.status).toBe(409);
  });
});
