import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, criteria, organization, proposal, staff } from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

/**
 * The aggregation methods through HTTP, each against the hand computation of
 * test/unit/competition-aggregation.test.ts: three judges score three proposals (J1 lenient,
 * J3 severe); every judge sits on every panel, so who scores what is fixed.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const TOTALS: Record<string, number[]> = { P: [90, 70, 60], Q: [80, 80, 50], R: [70, 60, 70] };

async function roundWith(method: 'trimmed_mean' | 'z_score') {
  const admin = api(h, await h.login('admin'));
  const reviewer = api(h, await h.login('reviewer1'));
  const judges = [];
  for (let i = 0; i < 3; i++)
    judges.push(await staff(h, `${method}-judge${i}`, 'judge', `评审${i}`));
  const created = await admin.post('/api/competitions', {
    title: `汇总方法 ${method}`,
    callOpensAt: new Date(Date.now() - 60_000).toISOString(),
    callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    judges: { first: judges.map((j) => j.id), roadshow: judges.map((j) => j.id) },
    settings: { minPanelSize: 3, blindReview: false, aggregation: { method } },
  });
  expect(created.status).toBe(201);
  const roundId: string = created.body.id;
  const ids: Record<string, string> = {};
  for (const k of ['P', 'Q', 'R']) {
    const org = await organization(h);
    const r = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 10_000_00),
    );
    expect(r.status).toBe(201);
    ids[k] = r.body.id;
  }
  await admin.post(`/api/competitions/${roundId}/close-call`, {});
  for (const k of Object.keys(ids))
    await reviewer.post(`/api/competition-proposals/${ids[k]}/qualify`, { pass: true });
  expect((await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {})).status).toBe(
    200,
  );
  for (const [j, judge] of judges.entries()) {
    const jc = api(h, judge.token);
    for (const k of ['P', 'Q', 'R']) {
      await jc.post(`/api/competition-proposals/${ids[k]}/declaration`, {
        phase: 'first',
        conflict: false,
      });
      const seen = await jc.get(`/api/competition-proposals/${ids[k]}`);
      expect(seen.body.blind).toBe(false);
      const s = await jc.post(`/api/competition-proposals/${ids[k]}/score`, {
        phase: 'first',
        criteria: criteria(TOTALS[k]![j]!, 20),
      });
      expect(s.status).toBe(200);
    }
  }
  expect((await admin.post(`/api/competitions/${roundId}/scoring/first/close`, {})).status).toBe(
    200,
  );
  const results = (await admin.get(`/api/competitions/${roundId}/results?phase=first`)).body;
  const name = (id: string) => Object.keys(ids).find((k) => ids[k] === id);
  return { results, name, ids };
}

describe('aggregation methods of a round, through HTTP', () => {
  it('given the trimmed mean, then P and R tie at 70 and the chain puts R first by fewer outliers, with the trace stored', async () => {
    const { results, name, ids } = await roundWith('trimmed_mean');
    expect(
      results.map((r: { proposalId: string; score: number }) => [name(r.proposalId), r.score]),
    ).toEqual([
      ['Q', 80],
      ['R', 70],
      ['P', 70],
    ]);
    expect(results[2].tieTrace).toEqual([
      { ahead: ids.R, behind: ids.P, decidedBy: 'fewer_outliers', aheadValue: 0, behindValue: 1 },
    ]);
    expect(results[2].rawMean).toBeCloseTo(73.3333, 4);
  });

  it('given z-score normalisation, then the judges’ leniency is removed: P 74.71, Q 70, R 65.29, raw means kept', async () => {
    const { results, name } = await roundWith('z_score');
    expect(
      results.map((r: { proposalId: string; score: number }) => [name(r.proposalId), r.score]),
    ).toEqual([
      ['P', 74.71],
      ['Q', 70],
      ['R', 65.29],
    ]);
    expect(results.map((r: { rawMean: number }) => Math.round(r.rawMean * 100) / 100)).toEqual([
      73.33, 70, 66.67,
    ]);
  });
});
