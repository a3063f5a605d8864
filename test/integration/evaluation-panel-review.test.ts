import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { campaignWorkflowId, type FileView } from '../../workflows/evaluation/messages';
import {
  createAgency,
  createOrganization,
  createPeople,
  evaluationRules,
  fileWorkflowId,
  type Person,
  recordEvaluationHistory,
  type TestOrganization,
  waitForFile,
} from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

/**
 * Three rules an official would catch, on the real Temporal server, PostgreSQL and HTTP: a
 * campaign has a published notice and phases with dates (§4.3 ROUND); a file is scored only by
 * the full panel, the office seating replacements when conflicts leave too few (§4.5 rule 6,
 * experts.perFile); an upheld re-review grants no more than the district may (§4.5 rule 3).
 */

const PUBLICITY_SECONDS = 6;
let h: Harness;
let admin: ReturnType<typeof http>;
let section: ReturnType<typeof http>;
let experts: Person[];
let committee: Person[];
let review: Person[];
let agencyId: string;
let org: TestOrganization;
let campaignId: string;
let fileId: string;

const as = (token: string) => http(h.baseUrl, token);
const sheet = (total: number) => ({
  scores: { basic: 90, governance: 300, performance: total - 90 - 300 - 130, social: 130 },
  bonus: 0,
});
const seated = (v: FileView) =>
  v.evaluators.filter((e) => e.status === 'assigned' || e.status === 'cleared');
const person = (id: string) => experts.find((e) => e.id === id) as Person;

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, {
    limits: { publicity: { amount: PUBLICITY_SECONDS, unit: 'seconds' } },
    experts: { perFile: 3 },
  });
  admin = http(h.baseUrl, await h.login('admin'));
  section = http(h.baseUrl, await h.login('section'));
  experts = await createPeople(h, 'evaluator', 3, '专家组');
  committee = await createPeople(h, 'committee_member', 7, '评委');
  review = await createPeople(h, 'committee_member', 5, '复核');
  agencyId = await createAgency(h, experts);
  org = await createOrganization(h, { name: '钟楼区专家不足协会' });
  // The third expert works for the organisation: two free experts for a panel of three.
  await h.db.expertEmployment.create({
    data: {
      accountId: experts[2]!.id,
      organizationId: org.id,
      startedOn: new Date('2019-01-01'),
      endedOn: null,
    },
  });
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

async function campaign() {
  return (await admin.get(`/api/evaluation/campaigns/${campaignId}`)).body;
}
const stage = (c: { stages: { key: string }[] }, key: string) =>
  c.stages.find((x) => x.key === key) as unknown as {
    state: string;
    startedAt: string | null;
    endedAt: string | null;
  };

describe('a campaign notice and its phases', () => {
  it('given a campaign opened, then its notice (公告) is published for anyone to read and the phases show where it stands', async () => {
    const r = await admin.post('/api/evaluation/campaigns', {
      year: 2026,
      title: '2026年度钟楼区社会组织等级评估（专家组与复核）',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: committee.map((c) => c.id),
      reviewCommitteeIds: review.map((c) => c.id),
    });
    expect(r.status).toBe(201);
    campaignId = r.body.id;
    let c = await campaign();
    for (let i = 0; i < 50 && (!c.notice || c.phase !== 'application_window'); i++) {
      await new Promise((res) => setTimeout(res, 100));
      c = await campaign();
    }
    expect(c.notice?.title).toContain('公告');
    const published = await fetch(`${h.baseUrl}/api/announcements/${c.notice.id}`);
    expect(published.status).toBe(200);
    const notice = (await published.json()) as { body: string; kind: string };
    expect(notice.kind).toBe('evaluation_notice');
    expect(notice.body).toContain('登记满2个完整年度');
    expect(notice.body).toContain('本机关评定1A至3A等级');
    expect(notice.body).toContain(`评估结果公示${PUBLICITY_SECONDS}秒`);
    expect(c.stages.map((x: { state: string }) => x.state)).toEqual([
      'done',
      'current',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    const applied = await as(org.token).post(
      `/api/evaluation/campaigns/${campaignId}/applications`,
      {
        selfScore: 880,
        selfAssessment: `${org.name}自评报告`,
      },
    );
    expect(applied.status).toBe(201);
    fileId = applied.body.id;
    expect(
      (await admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`)).status,
    ).toBe(200);
  });
});

describe('a panel short of experts waits for the office', () => {
  it('given conflicts leave two free experts for a panel of three, then the file waits, the office is told and two sheets do not score it', async () => {
    const v = await waitForFile(
      h,
      org.token,
      fileId,
      (x) => x.status === 'assigned' && x.panelShortBy === 1,
    );
    expect(
      seated(v)
        .map((e) => e.id)
        .sort(),
    ).toEqual([experts[0]!.id, experts[1]!.id].sort());
    await h.smtp.waitFor((m) => m.subject.includes('评估专家不足') && m.subject.includes(org.name));
    const tasks = await section.get('/api/evaluation/office-tasks');
    expect(tasks.status).toBe(200);
    expect(tasks.body.items).toEqual([
      expect.objectContaining({ kind: 'panel_incomplete', fileId, missing: 1 }),
    ]);
    for (const e of seated(v)) {
      const api = as(person(e.id).token);
      expect(
        (await api.post(`/api/evaluation/files/${fileId}/declare-conflict`, { hasConflict: false }))
          .status,
      ).toBe(200);
      expect(
        (await api.post(`/api/evaluation/files/${fileId}/submit-sheet`, sheet(870))).status,
      ).toBe(200);
    }
    const after = await waitForFile(h, org.token, fileId, (x) =>
      seated(x).every((e) => e.total !== null),
    );
    expect(after.status).toBe('assigned');
    expect(after.score).toBeNull();
    const c = await campaign();
    expect(stage(c, 'eligibility_check').state).toBe('done');
    expect(stage(c, 'field_assessment')).toMatchObject({ state: 'current', endedAt: null });
    expect(stage(c, 'field_assessment').startedAt).not.toBeNull();
  });

  it('given the office, then it sees the pool with the conflict named, cannot seat a conflicted expert, and seats a replacement it added', async () => {
    const candidates = await section.get(`/api/evaluation/files/${fileId}/expert-candidates`);
    expect(candidates.status).toBe(200);
    expect(candidates.body).toMatchObject({ panelShortBy: 1, required: 3 });
    expect(candidates.body.items).toEqual([
      expect.objectContaining({ id: experts[2]!.id, conflict: '评估专家现任职于该组织' }),
    ]);
    const conflicted = await section.post(`/api/evaluation/files/${fileId}/seat-experts`, {
      evaluatorIds: [experts[2]!.id],
    });
    expect(conflicted.status).toBe(422);
    expect(conflicted.body.detail).toContain('应当回避');
    const outsider = await as(experts[0]!.token).post(
      `/api/evaluation/files/${fileId}/seat-experts`,
      {
        evaluatorIds: [experts[2]!.id],
      },
    );
    expect(outsider.status).toBe(403);

    const [newcomer] = await createPeople(h, 'evaluator', 1, '增补专家');
    experts.push(newcomer!);
    expect(
      (
        await admin.post(`/api/evaluation/agencies/${agencyId}/experts`, {
          accountId: newcomer!.id,
        })
      ).status,
    ).toBe(201);
    const tooMany = await section.post(`/api/evaluation/files/${fileId}/seat-experts`, {
      evaluatorIds: [newcomer!.id, experts[2]!.id],
    });
    expect(tooMany.status).toBe(422);
    const ok = await section.post(`/api/evaluation/files/${fileId}/seat-experts`, {
      evaluatorIds: [newcomer!.id],
    });
    expect(ok.status).toBe(200);
    expect((ok.body as FileView).panelShortBy).toBe(0);
    expect(seated(ok.body)).toHaveLength(3);
    expect((await section.get('/api/evaluation/office-tasks')).body.items).toEqual([]);
    const [spare] = await createPeople(h, 'evaluator', 1, '备用专家');
    await admin.post(`/api/evaluation/agencies/${agencyId}/experts`, { accountId: spare!.id });
    const again = await section.post(`/api/evaluation/files/${fileId}/seat-experts`, {
      evaluatorIds: [spare!.id],
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已经齐全');

    const api = as(newcomer!.token);
    expect(
      (await api.post(`/api/evaluation/files/${fileId}/declare-conflict`, { hasConflict: false }))
        .status,
    ).toBe(200);
    expect(
      (await api.post(`/api/evaluation/files/${fileId}/submit-sheet`, sheet(870))).status,
    ).toBe(200);
    const scored = await waitForFile(h, org.token, fileId, (x) => x.status === 'scored');
    expect(scored.score).toMatchObject({ value: 870, used: [870, 870, 870] });
  });
});

describe("an upheld re-review stays within the district's authority", () => {
  it('given a 3A decision and an upheld request for 4A, then 4A is recommended upward, not granted by the district', async () => {
    for (const m of committee.slice(0, 5))
      expect(
        (await as(m.token).post(`/api/evaluation/files/${fileId}/vote`, { approve: true })).status,
      ).toBe(200);
    const decided = (await admin.post(`/api/evaluation/files/${fileId}/close-vote`))
      .body as FileView;
    expect(decided).toMatchObject({
      status: 'publicised',
      decidedLevel: 3,
      awardingLevel: 'district',
    });
    const asked = await as(org.token).post(`/api/evaluation/files/${fileId}/review-request`, {
      kind: 'review',
      reason: '工作绩效中承接政府购买服务项目的成果未计分，应评为4A',
      requestedLevel: 4,
    });
    expect(asked.status).toBe(200);
    for (const m of review.slice(0, 4))
      expect(
        (await as(m.token).post(`/api/evaluation/files/${fileId}/review-vote`, { approve: true }))
          .status,
      ).toBe(200);
    const upheld = (await admin.post(`/api/evaluation/files/${fileId}/close-review`))
      .body as FileView;
    expect(upheld.review).toMatchObject({ upheld: true, requestedLevel: 4 });
    expect(upheld).toMatchObject({
      status: 'recommended_upward',
      decidedLevel: null,
      proposedLevel: 4,
      awardingLevel: null,
    });
    expect(await h.db.grade.count({ where: { organizationId: org.id } })).toBe(0);
    await h.smtp.waitFor((m) => m.to.includes(org.email) && m.subject.includes('复核结论'));
    const c = await campaign();
    expect(stage(c, 'committee_decision').startedAt).not.toBeNull();
  });

  it("given the city's result recorded, then it is publicised and confirmed as the city's grade; the campaign's phases all carry dates", async () => {
    const r = await admin.post(`/api/evaluation/files/${fileId}/upward-result`, {
      level: 4,
      awardingLevel: 'city',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'publicised', decidedLevel: 4, awardingLevel: 'city' });
    const done = await waitForFile(h, org.token, fileId, (x) => x.status === 'confirmed', 40_000);
    const grade = await h.db.grade.findUniqueOrThrow({ where: { id: done.gradeId as string } });
    expect(grade).toMatchObject({ level: 4, awardingLevel: 'city', status: 'active' });
    expect((await admin.post(`/api/evaluation/campaigns/${campaignId}/close`)).status).toBe(200);
    const c = await campaign();
    for (const s of c.stages) {
      expect(s.state).toBe('done');
      expect(s.startedAt).not.toBeNull();
      expect(s.endedAt).not.toBeNull();
    }
    expect(Date.parse(stage(c, 'publicity').endedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(stage(c, 'committee_decision').startedAt as string),
    );
  });

  it('given the runs, then each history stays small and is recorded for replay', async () => {
    await recordEvaluationHistory(
      h,
      'file-panel-seated-by-office-review-upward',
      fileWorkflowId(fileId),
    );
    await recordEvaluationHistory(h, 'campaign-with-notice', campaignWorkflowId(campaignId));
  });
});
