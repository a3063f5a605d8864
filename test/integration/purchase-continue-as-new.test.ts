import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { contractWorkflowId, purchaseWorkflowId } from '../../workflows/purchase/messages';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  CATALOGUE_ITEM,
  newProject,
  newUndertaker,
  ok,
  type PurchaseCast,
  setUpPurchase,
  waitForPurchase,
} from '../support/purchase-steps';

let h: Harness;

/** The run id once it differs from `first`: continue-as-new follows the Update that passed the limit. */
async function runAfter(handle: { describe(): Promise<{ runId: string }> }, first: string) {
  for (let i = 0; i < 50; i++) {
    const { runId } = await handle.describe();
    if (runId !== first) return runId;
    await new Promise((r) => setTimeout(r, 200));
  }
  return first;
}
let cast: PurchaseCast;

beforeAll(async () => {
  // Low enough that the project below continues as new at least once.
  h = await startHarness({ env: { WORKFLOW_HISTORY_LIMIT: '30' } });
  cast = await setUpPurchase(h, { publicity: { amount: 2, unit: 'seconds' } });
});
afterAll(async () => {
  await h?.teardown();
});

describe('long-lived purchase projects', () => {
  it('given a project whose history passes the limit, then it continues as new with its state, and decisions after that still land', async () => {
    const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
      ...CATALOGUE_ITEM,
      code: '02.01.001',
      catalogueClass: 'social_management',
    });
    const id = await newProject(h, cast, item.body.id, 10_000_000, '社区矫正社会工作服务');
    const handle = h.client.workflow.getHandle(purchaseWorkflowId(id));
    const firstRun = (await handle.describe()).runId;
    const orgs = [await newUndertaker(h), await newUndertaker(h), await newUndertaker(h)];
    await ok(h, cast.buyer, id, 'plan', {
      method: 'competitive_consultation',
      ground: 'services_policy',
    });
    await ok(h, cast.buyer, id, 'notice', {
      closesAt: new Date(Date.now() + 6_000).toISOString(),
      requirements: '社会工作服务机构',
    });
    for (const [i, o] of orgs.entries()) {
      await ok(h, o.token, id, 'responses', { priceFen: 9_000_000 + i, proposal: `方案${i}` });
    }
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    await ok(h, cast.buyer, id, 'panel', { expertIds: cast.experts.slice(0, 3).map((e) => e.id) });
    for (const e of cast.experts.slice(0, 3)) {
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
    }
    expect(await runAfter(handle, firstRun)).not.toBe(firstRun);
    const view = await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    expect(view.responses).toHaveLength(3);
    expect(view.panel.every((e) => e.declaration?.conflict === false)).toBe(true);
    expect(view.trail.map((e) => e.seq)).toEqual(view.trail.map((_, i) => i + 1));
    const audit = await h.db.auditEntry.count({
      where: { subjectType: 'purchase', subjectId: id },
    });
    expect(audit).toBe(view.trail.length);

    // The contract's child workflow continues as new too, and keeps the project's state.
    for (const e of cast.experts.slice(0, 3)) {
      await ok(h, e.token, id, 'scores', {
        scores: orgs.map((o, i) => ({ organizationId: o.organizationId, score: 70 + i })),
      });
    }
    await ok(h, cast.buyer, id, 'award', { opinion: '得分最高' });
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'awarded');
    const milestones = ['M1', 'M2', 'M3', 'M4'].map((m, i) => ({
      id: m,
      title: `第${i + 1}季度`,
      dueDate: `2027-0${2 * i + 2}-28`,
    }));
    const clauses = ['serviceContent', 'duration', 'quantity', 'quality', 'price', 'settlement'];
    await ok(h, cast.buyer, id, 'contract', {
      terms: {
        clauses: Object.fromEntries(
          [...clauses, 'rightsAndDuties', 'breachLiability'].map((k) => [k, '按约定']),
        ),
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        amountFen: 9_000_002,
        performanceBondFen: 0,
        milestones,
        tranches: [
          { percent: 20, gate: { kind: 'signing' } },
          ...milestones.map((m) => ({
            percent: 15,
            gate: { kind: 'milestone', milestoneId: m.id },
          })),
          { percent: 20, gate: { kind: 'final_evaluation' } },
        ],
      },
    });
    const child = h.client.workflow.getHandle(contractWorkflowId(id));
    const childFirst = (await child.describe()).runId;
    const winner = orgs[2] as (typeof orgs)[number];
    for (const m of milestones) {
      await ok(h, winner.token, id, 'deliverables', { milestoneId: m.id, summary: '成果' });
      await ok(h, cast.buyer, id, 'deliverable-reviews', {
        milestoneId: m.id,
        accept: true,
        reason: '',
      });
    }
    expect(await runAfter(child, childFirst)).not.toBe(childFirst);
    const after = await waitForPurchase(h, cast.buyer, id, (v) =>
      v.milestones.every((x) => x.status === 'accepted'),
    );
    expect(after.responses).toHaveLength(3);
    expect(after.trail.map((e) => e.seq)).toEqual(after.trail.map((_, i) => i + 1));
  });
});
