import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HARD_GATE_WARNING } from '../../domain/purchase/policy';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  act,
  CATALOGUE_ITEM,
  newProject,
  newUndertaker,
  ok,
  type PurchaseCast,
  setUpPurchase,
  waitForPurchase,
} from '../support/purchase-steps';

/**
 * The procurement rules that need their own settings: an open-tender threshold, the grade as a
 * hard gate (with its warning), a failed procurement and a changed method, a challenge that is
 * upheld, and a signing limit that runs out.
 */

const seconds = (amount: number) => ({ amount, unit: 'seconds' });

let h: Harness;
let cast: PurchaseCast;

beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, {
    publicity: seconds(3),
    methods: { openTenderThresholdFen: 10_000_000 },
    grade: { hardGate: true },
    contract: { signingLimit: seconds(3) },
  });
});
afterAll(async () => {
  await h?.teardown();
});

const closesIn = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('procurement rules', () => {
  it('given a budget above the threshold, a failed tender and an upheld challenge, then the method changes with approval, the panel scores again, and a late contract is refused', async () => {
    const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
      ...CATALOGUE_ITEM,
      code: '04.02.003',
      catalogueClass: 'technical',
    });
    const id = await newProject(h, cast, item.body.id, 20_000_000, '社会组织等级评估辅助服务');

    const lone = await newUndertaker(h, { grade: 4 });
    const unrated = await newUndertaker(h);
    const noApproval = await act(h, cast.buyer, id, 'plan', {
      method: 'competitive_consultation',
      ground: 'services_policy',
    });
    expect(noApproval.status).toBe(422);
    expect(noApproval.body.detail).toContain('批准文号');
    const planned = await ok(h, cast.buyer, id, 'plan', { method: 'open_tender' });
    expect(planned.warnings).toContain(HARD_GATE_WARNING);
    await ok(h, cast.buyer, id, 'notice', { closesAt: closesIn(6_000), requirements: '评估经验' });
    await ok(h, lone.token, id, 'responses', { priceFen: 19_000_000, proposal: '独家' });
    const gated = await act(h, unrated.token, id, 'responses', {
      priceFen: 18_000_000,
      proposal: 'x',
    });
    expect(gated.status).toBe(422);
    expect(gated.body.detail).toContain('等级硬性门槛');
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'failed');

    const [a, b, c] = [
      await newUndertaker(h, { grade: 3 }),
      await newUndertaker(h, { grade: 3 }),
      await newUndertaker(h, { grade: 5 }),
    ];
    // After a failed tender: competitive negotiation, approved by the finance department.
    await ok(h, cast.buyer, id, 'plan', {
      method: 'competitive_negotiation',
      ground: 'tender_failed',
      approvalRef: '钟财采〔2026〕9号',
    });
    await ok(h, cast.buyer, id, 'notice', { closesAt: closesIn(7_000), requirements: '评估经验' });
    for (const [i, o] of [a, b, c].entries()) {
      await ok(h, o.token, id, 'responses', { priceFen: 17_000_000 + i, proposal: `方案${i}` });
    }
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    // Access reads the projection, which follows the workflow a moment later.
    for (let i = 0; i < 100; i++) {
      const row = await h.db.purchaseProject.findUnique({ where: { id } });
      if (row?.status === 'evaluating') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const outsider = await http(h.baseUrl, unrated.token).get(`/api/purchases/${id}`);
    expect(outsider.status).toBe(404);

    const panel = cast.experts.slice(0, 3);
    await ok(h, cast.buyer, id, 'panel', { expertIds: panel.map((e) => e.id) });
    const score = (sa: number, sb: number, sc: number) => ({
      scores: [
        { organizationId: a.organizationId, score: sa },
        { organizationId: b.organizationId, score: sb },
        { organizationId: c.organizationId, score: sc },
      ],
    });
    for (const e of panel) {
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
      await ok(h, e.token, id, 'scores', score(70, 80, 60));
    }
    const first = await ok(h, cast.buyer, id, 'award', { opinion: '综合得分最高' });
    expect(first.award?.organizationId).toBe(b.organizationId);

    // An upheld challenge voids the result; the panel scores again.
    await ok(h, a.token, id, 'challenges', { reason: '乙单位业绩材料不实' });
    const upheld = await ok(h, cast.buyer, id, 'challenge-answers', {
      challengeId: 'C1',
      upheld: true,
      reply: '经核实质疑成立，重新评审',
    });
    expect(upheld.status).toBe('evaluating');
    expect(upheld.award).toBeNull();
    const unscored = await act(h, cast.buyer, id, 'award', { opinion: 'x' });
    expect(unscored.status).toBe(409);
    for (const e of panel) await ok(h, e.token, id, 'scores', score(82, 60, 60));
    const second = await ok(h, cast.buyer, id, 'award', { opinion: '重新评审结果' });
    expect(second.award?.organizationId).toBe(a.organizationId);
    const awarded = await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'awarded');
    expect(awarded.award?.signBy).not.toBeNull();

    // The signing limit (3 s here, 30 days by default) runs out.
    await new Promise((r) => setTimeout(r, 3_500));
    const late = await act(h, cast.buyer, id, 'contract', {
      terms: {
        clauses: {},
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        amountFen: 1,
        performanceBondFen: 0,
        milestones: [],
        tranches: [{ percent: 100, gate: { kind: 'final_evaluation' } }],
      },
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('签订期限');
  });
});
