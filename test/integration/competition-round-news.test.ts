import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, criteria, organization, proposal, staff, until } from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

/**
 * Round news in the background: closing the call or opening a phase answers once the decision is
 * recorded, and the news reaches each proposal's workflow later. People acting at once on the
 * proposals the news has not yet reached must not be refused: their action carries the news.
 */

const N = 24;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

describe('round news delivered in the background', () => {
  it('given a closed call and an opened phase, when people act on every proposal at once, then none is refused and every workflow hears the news', async () => {
    const admin = api(h, await h.login('admin'));
    const reviewer = api(h, await h.login('reviewer1'));
    const judges = [];
    for (let i = 0; i < 3; i++)
      judges.push(await staff(h, `news-judge${i}`, 'judge', `消息评审${i}`));
    const created = await admin.post('/api/competitions', {
      title: `后台通知测试轮次 ${h.districtCode}`,
      callOpensAt: new Date(Date.now() - 60_000).toISOString(),
      callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      judges: { first: judges.map((j) => j.id), roadshow: judges.map((j) => j.id) },
      settings: { minPanelSize: 3, shortlistSize: 2, blindReview: false },
    });
    expect(created.status).toBe(201);
    const roundId: string = created.body.id;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const org = await organization(h);
      const r = await api(h, org.token).post(
        `/api/competitions/${roundId}/proposals`,
        proposal(org, 'elderly', 1_000_000),
      );
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const live = (id: string) =>
      admin.get(`/api/competition-proposals/${id}`).then((r) => r.body.workflow);

    const closed = await admin.post(`/api/competitions/${roundId}/close-call`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.stage).toBe('eligibility_review');
    // The decision is recorded; its news is on its way, and the round says so.
    expect(closed.body.newsPending).toBe(1);
    // Last submitted first: the proposals the background delivery reaches last.
    const qualified = await Promise.all(
      [...ids]
        .reverse()
        .map((id) => reviewer.post(`/api/competition-proposals/${id}/qualify`, { pass: true })),
    );
    expect(qualified.map((r) => [r.status, r.body.status])).toEqual(
      ids.map(() => [200, 'qualified']),
    );

    const opened = await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {});
    expect(opened.status).toBe(200);
    const last = ids[N - 1]!;
    for (const j of judges) {
      const jc = api(h, j.token);
      const declared = await jc.post(`/api/competition-proposals/${last}/declaration`, {
        phase: 'first',
        conflict: false,
      });
      expect([declared.status, declared.body.openPhase]).toEqual([200, 'first']);
      const scored = await jc.post(`/api/competition-proposals/${last}/score`, {
        phase: 'first',
        criteria: criteria(80, 20),
      });
      expect(scored.status).toBe(200);
    }

    // The pushed news arrives too, applied once: the panel the judges acted on is unchanged.
    for (const id of ids) {
      const view = await until(
        () => live(id),
        (v) => v?.openPhase === 'first',
        `the panel news on ${id}`,
      );
      expect(view.panels.first).toHaveLength(3);
    }
    await until(
      () => admin.get(`/api/competitions/${roundId}`).then((r) => r.body.newsPending),
      (n) => n === 0,
      'the round to finish telling its proposals',
    );
    const after = await live(last);
    expect(after.scored).toHaveLength(3);
    expect(after.roundStage).toBe('first_scoring');
  }, 180_000);
});
