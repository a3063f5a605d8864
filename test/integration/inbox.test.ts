import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, organization, proposal, staff, until } from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { act, file, waitFor } from '../support/registration-steps';

/**
 * 我的待办 over real HTTP: each role sees the tasks waiting for it and not others'; a shared step
 * is claimed by one official (409 for the second), released by its holder or the administrator;
 * the counts match the list. Test files share one database, so lists are checked for this
 * file's own tasks, and exact counts only for accounts made here.
 */

let h: Harness;
beforeAll(async () => {
  // Reviewers see every filed registration in the database other test files share: a page of
  // 200 keeps this file's own tasks on its first page.
  h = await startHarness({ env: { LIST_PAGE_SIZE_MAX: '200' } });
});
afterAll(async () => {
  await h?.teardown();
});

interface Task {
  key: string;
  process: string;
  title: string;
  link: string;
  claimable: boolean;
  claim: { name: string; mine: boolean } | null;
}
const inbox = async (token: string, query = '') => {
  const r = await http(h.baseUrl, token).get(`/api/inbox?pageSize=200${query}`);
  expect(r.status).toBe(200);
  return r.body as { items: Task[]; total: number };
};
const find = async (token: string, key: string) =>
  (await inbox(token)).items.find((t) => t.key === key);
const claim = (token: string, taskKey: string) =>
  http(h.baseUrl, token).post('/api/inbox/claims', { taskKey });
const release = (token: string, taskKey: string) =>
  http(h.baseUrl, token).post('/api/inbox/claims/release', { taskKey });

describe('the inbox of registrations', () => {
  it('given a filed application, then reviewers see it in the pool, one claims it, the other gets 409, the administrator releases it; after a deficiency notice it is the applicant’s', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'industry_association', {
      omit: ['charter_draft'],
    });
    const r1 = await h.login('reviewer1');
    const r2 = await h.login('reviewer2');
    const admin = await h.login('admin');
    const v0 = await waitFor(h, r1, id, (v) => v.nameCheck !== null);
    const key = `registration:file:${id}:submitted`;

    const seen = await find(r1, key);
    expect(seen).toMatchObject({
      process: 'registration',
      link: `/registrations/${id}`,
      claimable: true,
      claim: null,
    });
    expect(seen?.title).toBe('待受理审查');
    // The applicant has nothing to do while the bureau reviews; another applicant sees nothing.
    expect((await inbox(applicant.token)).items.map((t) => t.key)).not.toContain(key);
    const other = await h.newApplicant();
    expect((await inbox(other.token)).total).toBe(0);

    // Claims: one holder; a second claimant is refused; only the holder or the administrator releases.
    expect((await claim(applicant.token, key)).status).toBe(404);
    expect((await claim(r1, 'not-a-task')).status).toBe(400);
    const mine = await claim(r1, key);
    expect(mine.status).toBe(200);
    expect(mine.body.claim).toMatchObject({ mine: true, name: '李审查' });
    expect((await claim(r1, key)).status).toBe(200);
    const taken = await claim(r2, key);
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain('李审查');
    expect((await find(r2, key))?.claim).toMatchObject({ mine: false, name: '李审查' });
    expect((await release(r2, key)).status).toBe(404);
    const held = await http(h.baseUrl, admin).get('/api/inbox/claims');
    expect(held.body.items).toContainEqual(
      expect.objectContaining({ taskKey: key, name: '李审查' }),
    );
    expect((await http(h.baseUrl, r2).get('/api/inbox/claims')).status).toBe(403);
    expect((await release(admin, key)).status).toBe(200);
    expect((await release(admin, key)).status).toBe(404);
    expect((await claim(r2, key)).status).toBe(200);
    expect((await release(r2, key)).status).toBe(200);
    expect((await find(r1, key))?.claim).toBeNull();
    const trail = await h.db.auditEntry.findMany({
      where: { subjectType: 'task_claim', subjectId: id },
      orderBy: { seq: 'asc' },
    });
    expect(trail.map((e) => e.action)).toEqual([
      'task_claimed',
      'task_claim_revoked',
      'task_claimed',
      'task_released',
    ]);

    // A deficiency notice: the task moves to the applicant, with a badge count of one.
    const notice = await act(h, r1, id, 'deficiency-notice', { items: v0.findings });
    expect(notice.status).toBe(200);
    const answer = `registration:file:${id}:correction_required`;
    const own = await until(
      () => inbox(applicant.token),
      (b) => b.items.some((t) => t.key === answer),
      'the applicant’s task',
    );
    expect(own.items).toEqual([
      expect.objectContaining({ key: answer, title: '待补正材料', claimable: false }),
    ]);
    const counts = await http(h.baseUrl, applicant.token).get('/api/inbox/counts');
    expect(counts.body).toMatchObject({ total: 1, byProcess: { registration: 1, purchase: 0 } });
    expect((await inbox(r1)).items.map((t) => t.key)).not.toContain(key);
    expect((await inbox(applicant.token, '&process=purchase')).total).toBe(0);
  });
});

describe('the inbox of a competition round', () => {
  it('given a call that closed at its deadline, then reviewers see the qualification, judges only the proposals assigned to them once scoring opens', async () => {
    const admin = api(h, await h.login('admin'));
    const reviewer = await h.login('reviewer1');
    const judges = [];
    for (let i = 1; i <= 3; i++)
      judges.push(await staff(h, `inbox-judge${i}`, 'judge', `待办评审${i}`));
    const outsider = await staff(h, 'inbox-judge-out', 'judge', '其他评审');
    const created = await admin.post('/api/competitions', {
      title: `待办测试轮次${h.districtCode}`,
      callOpensAt: new Date(Date.now() - 60_000).toISOString(),
      callClosesAt: new Date(Date.now() + 6_000).toISOString(),
      judges: { first: judges.map((j) => j.id), roadshow: judges.map((j) => j.id) },
      settings: {
        budgetFen: 5_000_000,
        categories: [{ code: 'elderly', name: '为老服务' }],
        minPanelSize: 3,
      },
    });
    expect(created.status).toBe(201);
    const roundId: string = created.body.id;
    const org = await organization(h);
    const filed = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 1_000_000),
    );
    expect(filed.status).toBe(201);
    const qualify = `competition:qualify:${filed.body.id}`;
    expect((await inbox(reviewer)).items.map((t) => t.key)).not.toContain(qualify);

    const task = await until(
      () => find(reviewer, qualify),
      (t) => t !== undefined,
      'the qualification task once the call closed',
    );
    expect(task).toMatchObject({
      process: 'competition',
      title: '待资格审查',
      link: `/competition-proposals/${filed.body.id}`,
      claimable: true,
    });
    expect((await inbox(org.token)).total).toBe(0);
    expect((await inbox(judges[0]!.token)).total).toBe(0);
    const byProcess = await inbox(reviewer, '&process=competition');
    expect(byProcess.items.every((t) => t.process === 'competition')).toBe(true);
    const paged = await http(h.baseUrl, reviewer).get('/api/inbox?page=1&pageSize=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThanOrEqual(1);

    expect(
      (
        await api(h, reviewer).post(`/api/competition-proposals/${filed.body.id}/qualify`, {
          pass: true,
        })
      ).status,
    ).toBe(200);
    expect((await inbox(reviewer)).items.map((t) => t.key)).not.toContain(qualify);
    expect((await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {})).status).toBe(
      200,
    );
    const score = `competition:score:${filed.body.id}:first`;
    for (const j of judges) {
      const mine = await inbox(j.token);
      expect(mine.items).toEqual([
        expect.objectContaining({
          key: score,
          title: '待评分（初评（专家评审））',
          claimable: false,
        }),
      ]);
      const counts = await http(h.baseUrl, j.token).get('/api/inbox/counts');
      expect(counts.body).toMatchObject({ total: 1, byProcess: { competition: 1 } });
      expect((await claim(j.token, score)).status).toBe(409);
    }
    expect((await inbox(outsider.token)).total).toBe(0);
  });

  it('given roles without work in any process, then the inbox is refused to them', async () => {
    const sec = await staff(h, 'inbox-security', 'security_admin', '安全员');
    expect((await http(h.baseUrl, sec.token).get('/api/inbox')).status).toBe(403);
    expect((await http(h.baseUrl).get('/api/inbox/counts')).status).toBe(401);
  });
});
