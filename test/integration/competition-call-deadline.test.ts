import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { roundWorkflowId } from '../../workflows/competition/messages';
import { recordCompetitionHistory } from '../support/competition-histories';
import { api, organization, proposal, staff, until } from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

/**
 * A competition call closes at its deadline by itself (patch `call-closes-at-deadline`): the round
 * workflow's timer moves it to eligibility review without the administrator, and the proposals
 * filed before the deadline reach the reviewers.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const YUAN = 100;

describe('a competition call with a deadline', () => {
  it('given a round whose call closes in a few seconds and one proposal filed in time, when the deadline passes, then the round is in eligibility review without anyone closing it', async () => {
    const admin = api(h, await h.login('admin'));
    const reviewer = api(h, await h.login('reviewer1'));
    const judges = [];
    for (let i = 1; i <= 3; i++)
      judges.push(await staff(h, `dl-judge${i}`, 'judge', `截止评审${i}`));
    const closesAt = Date.now() + 8_000;
    const created = await admin.post('/api/competitions', {
      title: `截止测试轮次${h.districtCode}`,
      callOpensAt: new Date(Date.now() - 60_000).toISOString(),
      callClosesAt: new Date(closesAt).toISOString(),
      judges: { first: judges.map((j) => j.id), roadshow: judges.map((j) => j.id) },
      settings: {
        budgetFen: 50_000 * YUAN,
        categories: [{ code: 'elderly', name: '为老服务' }],
        minPanelSize: 3,
      },
    });
    expect(created.status).toBe(201);
    const roundId: string = created.body.id;

    const org = await organization(h);
    const filed = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 10_000 * YUAN),
    );
    expect(filed.status).toBe(201);
    expect((await admin.get(`/api/competitions/${roundId}`)).body.stage).toBe('call_open');

    const round = await until(
      () => admin.get(`/api/competitions/${roundId}`),
      (r) => r.body.stage === 'eligibility_review',
      'the call to close at its deadline',
    );
    expect(Date.now()).toBeGreaterThanOrEqual(closesAt);
    expect(round.body.stage).toBe('eligibility_review');
    const row = await h.db.competitionRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(row.stage).toBe('eligibility_review');

    // Nothing is left for the administrator to close, and late proposals are refused.
    expect((await admin.post(`/api/competitions/${roundId}/close-call`, {})).status).toBe(409);
    const late = await organization(h);
    const refused = await api(h, late.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(late, 'elderly', 10_000 * YUAN),
    );
    expect(refused.status).toBe(409);

    // The proposal heard the news: a reviewer qualifies it.
    const qualified = await until(
      () => reviewer.post(`/api/competition-proposals/${filed.body.id}/qualify`, { pass: true }),
      (r) => r.status === 200,
      'the proposal to be open to qualification',
    );
    expect(qualified.body.status).toBe('qualified');

    await recordCompetitionHistory(h, 'round-call-closed-at-deadline', roundWorkflowId(roundId));
  });
});
