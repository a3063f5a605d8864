import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAgency,
  createOrganization,
  createPeople,
  evaluationRules,
  waitForFile,
} from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

/** The aggregation is a policy: this district uses the trimmed mean over groups of five. */

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, {
    experts: { perFile: 5 },
    scoring: { aggregation: 'trimmed_mean', trimMinSheets: 5, disagreementThreshold: 250 },
  });
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

describe('aggregation by the trimmed mean', () => {
  it('given sheets 700, 850, 860, 870, 990, then the highest and lowest are dropped: 860 (3A), spread 290 flagged', async () => {
    const experts = await createPeople(h, 'evaluator', 5, '专家');
    const committee = await createPeople(h, 'committee_member', 7, '委员');
    await createAgency(h, experts);
    const org = await createOrganization(h, { name: '钟楼区截尾协会' });
    const admin = http(h.baseUrl, await h.login('admin'));
    const c = await admin.post('/api/evaluation/campaigns', {
      year: 2026,
      title: '截尾平均测试',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: committee.map((m) => m.id),
      reviewCommitteeIds: committee.slice(0, 5).map((m) => m.id),
    });
    expect(c.status).toBe(201);
    let fileId = '';
    for (let i = 0; !fileId; i++) {
      const a = await http(h.baseUrl, org.token).post(
        `/api/evaluation/campaigns/${c.body.id}/applications`,
        { selfScore: 900, selfAssessment: '自评报告' },
      );
      if (a.status === 201) fileId = a.body.id;
      else if (i > 50) throw new Error(JSON.stringify(a.body));
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(
      (await admin.post(`/api/evaluation/campaigns/${c.body.id}/close-applications`)).status,
    ).toBe(200);
    const v = await waitForFile(h, org.token, fileId, (x) => x.evaluators.length === 5);
    const totals = [700, 850, 860, 870, 990];
    for (const [i, seat] of v.evaluators.entries()) {
      const api = http(h.baseUrl, experts.find((e) => e.id === seat.id)?.token);
      await api.post(`/api/evaluation/files/${fileId}/declare-conflict`, { hasConflict: false });
      const total = totals[i] as number;
      const r = await api.post(`/api/evaluation/files/${fileId}/submit-sheet`, {
        scores: { basic: 100, governance: 350, performance: total - 610, social: 150 },
        bonus: 10,
      });
      expect(r.status).toBe(200);
    }
    const scored = await waitForFile(h, org.token, fileId, (x) => x.status === 'scored');
    expect(scored.score).toEqual({
      value: 860,
      spread: 290,
      flagged: true,
      method: 'trimmed_mean',
      used: [850, 860, 870],
    });
    expect(scored.proposedLevel).toBe(3);
  });
});
