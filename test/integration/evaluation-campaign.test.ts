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
import { upload } from '../support/registration-steps';

/**
 * A whole year's campaign through HTTP on the real Temporal server and PostgreSQL: notice,
 * applications, eligibility, experts with conflicts, score sheets, committee votes, publicity
 * with objections, confirmation and certificates, and the district's figures.
 */

const PUBLICITY_SECONDS = 8;
let h: Harness;
let admin: ReturnType<typeof http>;
let experts: Person[];
let committee: Person[];
let review: Person[];
const orgs: Record<'a' | 'b' | 'c' | 'd' | 'e', TestOrganization> = {} as never;
const files: Record<string, string> = {};
/** The answers to C's and D's applications (they do not qualify). */
const refused: Record<string, { status: number; body: any }> = {};
let campaignId: string;
/** A's evidence: read by those who may read A's application materials, nobody else. */
let evidenceId: string;

const sheet = (total: number) => ({
  scores: { basic: 90, governance: 300, performance: total - 90 - 300 - 130, social: 130 },
  bonus: 0,
});
/** 民非 score on 业务活动和诚信建设 instead of 工作绩效 (§4.4). */
const pneSheet = (total: number) => ({
  scores: { basic: 90, governance: 350, activities: total - 90 - 350 - 130, social: 130 },
  bonus: 0,
});

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, {
    limits: { publicity: { amount: PUBLICITY_SECONDS, unit: 'seconds' } },
    experts: { perFile: 3 },
  });
  admin = http(h.baseUrl, await h.login('admin'));
  experts = await createPeople(h, 'evaluator', 6, '专家');
  committee = await createPeople(h, 'committee_member', 7, '评估委员');
  review = await createPeople(h, 'committee_member', 5, '复核委员');
  await createAgency(h, experts);
  orgs.a = await createOrganization(h, { name: '钟楼区甲协会' });
  orgs.b = await createOrganization(h, { name: '钟楼区乙协会' });
  orgs.c = await createOrganization(h, {
    name: '钟楼区丙协会',
    inspections: [
      [2024, 'pass'],
      [2025, 'fail'],
    ],
    abnormalListed: true,
  });
  orgs.d = await createOrganization(h, {
    name: '钟楼区丁服务中心',
    registeredAt: '2025-05-01T00:00:00+08:00',
  });
  orgs.e = await createOrganization(h, {
    name: '钟楼区戊协会',
    legalForm: 'private_non_enterprise',
  });
  // Expert 1 left organisation A a year ago: the system must never seat them on A's file.
  await h.db.expertEmployment.create({
    data: {
      accountId: experts[0]!.id,
      organizationId: orgs.a.id,
      startedOn: new Date('2018-01-01'),
      endedOn: new Date('2025-12-31'),
    },
  });
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

/** The text as written to the outbox (the SMTP copy is transfer-encoded). */
async function outboxText(messageId: string) {
  const id = messageId.replace(/^<|>$/g, '');
  const row = await h.db.outboxMail.findFirst({ where: { messageId: { in: [id, `<${id}>`] } } });
  return row?.text ?? '';
}

const as = (token: string) => http(h.baseUrl, token);
const seatsOf = (v: FileView) =>
  v.evaluators.filter((e) => e.status === 'assigned' || e.status === 'cleared');
const expert = (id: string) => experts.find((e) => e.id === id) as Person;

describe('an annual evaluation campaign, from notice to certificates', () => {
  it('given committees outside the policy sizes (7–25, 5–9), when a campaign is opened, then it is refused naming each committee', async () => {
    const r = await admin.post('/api/evaluation/campaigns', {
      year: 2031,
      title: '委员不足的评估活动',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: committee.slice(0, 6).map((c) => c.id),
      reviewCommitteeIds: [...review, ...committee.slice(0, 5)].map((c) => c.id),
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { path: 'body.committeeIds', message: expect.stringContaining('现为 6 名') },
      { path: 'body.reviewCommitteeIds', message: expect.stringContaining('现为 10 名') },
    ]);
    const none = await h.db.evaluationCampaign.count({ where: { year: 2031 } });
    expect(none).toBe(0);
  });

  it('given an administrator, when she opens the campaign, then it runs and takes applications inside the window', async () => {
    const r = await admin.post('/api/evaluation/campaigns', {
      year: 2026,
      title: '2026年度钟楼区社会组织等级评估',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: committee.map((c) => c.id),
      reviewCommitteeIds: review.map((c) => c.id),
    });
    expect(r.status).toBe(201);
    campaignId = r.body.id;
    const again = await admin.post('/api/evaluation/campaigns', {
      year: 2026,
      title: '重复',
      windowOpensAt: new Date().toISOString(),
      windowClosesAt: new Date(Date.now() + 60_000).toISOString(),
      committeeIds: committee.map((c) => c.id),
      reviewCommitteeIds: review.map((c) => c.id),
    });
    expect(again.status).toBe(409);
    for (let i = 0; i < 50; i++) {
      const c = await admin.get(`/api/evaluation/campaigns/${campaignId}`);
      if (c.body.phase === 'application_window') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    evidenceId = (await upload(h, orgs.a.token, 'other')).fileId;
    for (const [key, org] of Object.entries(orgs)) {
      const a = await as(org.token).post(`/api/evaluation/campaigns/${campaignId}/applications`, {
        selfScore: 880,
        selfAssessment: `${org.name}自评报告`,
        ...(key === 'a' ? { evidenceFileIds: [evidenceId] } : {}),
      });
      if (key === 'c' || key === 'd') {
        refused[key] = a;
        continue;
      }
      expect(a.status).toBe(201);
      files[key] = a.body.id;
    }
    const twice = await as(orgs.a.token).post(
      `/api/evaluation/campaigns/${campaignId}/applications`,
      {
        selfScore: 880,
        selfAssessment: '再次申报',
      },
    );
    expect(twice.status).toBe(409);
    const notMine = await as(orgs.b.token).get(`/api/evaluation/files/${files.a}`);
    expect(notMine.status).toBe(404);
  });

  it('given organisations that do not qualify, when they apply, then each is refused at once with every reason and no file is opened', async () => {
    expect(refused.c?.status).toBe(422);
    expect(refused.c?.body.errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining(['2025年度年检不合格', '被列入活动异常名录']),
    );
    // D was registered on 2025-05-01: not one full 年度 yet, let alone two (满两个年度).
    expect(refused.d?.status).toBe(422);
    expect(refused.d?.body.detail).toContain('须登记满2个年度');
    const opened = await h.db.evaluationFile.count({
      where: { campaignId, organizationId: { in: [orgs.c.id, orgs.d.id] } },
    });
    expect(opened).toBe(0);
  });

  it('given the window closed, then eligible applicants are accepted with experts', async () => {
    // The campaign page offers what the workflow would accept now, to the administrator only.
    const offers = async (api: ReturnType<typeof as>) =>
      (await api.get(`/api/evaluation/campaigns/${campaignId}`)).body.allowedActions;
    expect(await offers(admin)).toEqual(['closeApplications']);
    expect(await offers(as(orgs.a.token))).toEqual([]);
    const closed = await admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`);
    expect(closed.status).toBe(200);
    const late = await as(orgs.a.token).post(
      `/api/evaluation/campaigns/${campaignId}/applications`,
      {
        selfScore: 1,
        selfAssessment: '迟到',
      },
    );
    expect(late.status).toBe(409);

    for (const k of ['a', 'b', 'e'] as const) {
      const v = await waitForFile(
        h,
        orgs[k].token,
        files[k]!,
        (x) => x.status === 'assigned' && x.evaluators.length === 3,
      );
      expect(new Set(v.evaluators.map((e) => e.id)).size).toBe(3);
    }
    const a = await waitForFile(h, orgs.a.token, files.a!, (x) => x.status === 'assigned');
    expect(a.evaluators.map((e) => e.id)).not.toContain(experts[0]!.id);
    // Workload is balanced: 9 seats over 6 experts, nobody holds more than 2.
    const seats = await h.db.evaluationAssignment.groupBy({
      by: ['evaluatorId'],
      where: { fileId: { in: [files.a!, files.b!, files.e!] } },
      _count: { _all: true },
    });
    expect(Math.max(...seats.map((s) => s._count._all))).toBeLessThanOrEqual(2);
    const audit = await h.db.auditEntry.findFirst({
      where: { subjectId: files.a!, action: 'experts_assigned' },
    });
    expect(JSON.stringify(audit?.details)).toContain('离开该组织未满2年');
  });

  it('given an evaluator, then they see only their files and no material before declaring on conflicts', async () => {
    const a = await waitForFile(h, orgs.a.token, files.a!, (x) => x.status === 'assigned');
    const seated = expert(a.evaluators[0]!.id);
    const outsider = experts.find((e) => !a.evaluators.some((s) => s.id === e.id)) as Person;
    expect((await as(outsider.token).get(`/api/evaluation/files/${files.a}`)).status).toBe(404);
    const list = await as(seated.token).get('/api/evaluation/files');
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(files.a);
    const before = await as(seated.token).get(`/api/evaluation/files/${files.a}`);
    expect(before.body.materials).toBeNull();
    for (const who of [seated, outsider, orgs.b])
      expect((await as(who.token).get(`/api/files/${evidenceId}`)).status).toBe(404);
    const draft = await as(seated.token).put(
      `/api/evaluation/files/${files.a}/score-sheet`,
      sheet(800),
    );
    expect(draft.status).toBe(409);
    const early = await as(seated.token).post(
      `/api/evaluation/files/${files.a}/submit-sheet`,
      sheet(800),
    );
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('回避');
  });

  it('given a declared conflict and a recusal request, then those experts are replaced by free ones', async () => {
    const b = await waitForFile(h, orgs.b.token, files.b!, (x) => x.status === 'assigned');
    const leaving = expert(b.evaluators[0]!.id);
    const declared = await as(leaving.token).post(
      `/api/evaluation/files/${files.b}/declare-conflict`,
      {
        hasConflict: true,
        note: '本人担任该协会顾问',
      },
    );
    expect(declared.status).toBe(200);
    expect(seatsOf(declared.body).map((s) => s.id)).not.toContain(leaving.id);
    expect(seatsOf(declared.body)).toHaveLength(3);

    const e = await waitForFile(h, orgs.e.token, files.e!, (x) => x.status === 'assigned');
    const target = e.evaluators[1]!.id;
    const stranger = await as(orgs.a.token).post(
      `/api/evaluation/files/${files.e}/recusal-request`,
      {
        evaluatorId: target,
        reason: '与本组织有利害关系',
      },
    );
    expect(stranger.status).toBe(404);
    const asked = await as(orgs.e.token).post(`/api/evaluation/files/${files.e}/recusal-request`, {
      evaluatorId: target,
      reason: '该专家与本组织负责人系亲属',
    });
    expect(asked.status).toBe(200);
    expect(seatsOf(asked.body).map((s) => s.id)).not.toContain(target);
    expect(seatsOf(asked.body)).toHaveLength(3);
  });

  it('given score sheets, then each leaf is checked against its maximum and a sheet is submitted once', async () => {
    const a = await waitForFile(h, orgs.a.token, files.a!, (x) => x.status === 'assigned');
    const ev = expert(a.evaluators[0]!.id);
    const api = as(ev.token);
    expect(
      (await api.post(`/api/evaluation/files/${files.a}/declare-conflict`, { hasConflict: false }))
        .status,
    ).toBe(200);
    expect((await api.get(`/api/evaluation/files/${files.a}`)).body.materials.selfScore).toBe(880);
    // Declared clear, the expert reads the evidence; so do the campaign's committee members.
    for (const who of [ev, committee[0]!, review[0]!]) {
      const read = await as(who.token).get(`/api/files/${evidenceId}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('content-type')).toContain('application/pdf');
    }
    const over = await api.put(`/api/evaluation/files/${files.a}/score-sheet`, {
      scores: { basic: 120 },
      bonus: 0,
    });
    expect(over.status).toBe(422);
    expect(over.body.detail).toContain('基础条件');
    const unknown = await api.put(`/api/evaluation/files/${files.a}/score-sheet`, {
      scores: { party: 10 },
      bonus: 0,
    });
    expect(unknown.status).toBe(422);
    const bonus = await api.put(`/api/evaluation/files/${files.a}/score-sheet`, {
      scores: {},
      bonus: 31,
    });
    expect(bonus.status).toBe(422);
    const draft = await api.put(`/api/evaluation/files/${files.a}/score-sheet`, {
      scores: { basic: 90 },
      bonus: 0,
    });
    expect(draft.status).toBe(200);
    const incomplete = await api.post(`/api/evaluation/files/${files.a}/submit-sheet`, {
      scores: { basic: 90 },
      bonus: 0,
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.detail).toContain('尚未评分');
    const ok = await api.post(`/api/evaluation/files/${files.a}/submit-sheet`, sheet(800));
    expect(ok.status).toBe(200);
    const twice = await api.post(`/api/evaluation/files/${files.a}/submit-sheet`, sheet(800));
    expect(twice.status).toBe(409);
    const locked = await api.put(`/api/evaluation/files/${files.a}/score-sheet`, sheet(800));
    expect(locked.status).toBe(409);
  });

  it('given every sheet, then the file is scored by the mean and a wide spread is flagged', async () => {
    // A: 800, 820, 840 → 820 (2A). B: 860, 870, 880 → 870 (3A). E: 700, 760, 880 → 780, spread 180.
    const plan: [keyof typeof orgs, number[]][] = [
      ['a', [800, 820, 840]],
      ['b', [860, 870, 880]],
      ['e', [700, 760, 880]],
    ];
    for (const [k, totals] of plan) {
      const v = await waitForFile(h, orgs[k].token, files[k]!, (x) => x.status === 'assigned');
      const seats = seatsOf(v);
      for (const [i, seat] of seats.entries()) {
        if (seat.total !== null) continue;
        const api = as(expert(seat.id).token);
        if (seat.status === 'assigned')
          expect(
            (
              await api.post(`/api/evaluation/files/${files[k]}/declare-conflict`, {
                hasConflict: false,
              })
            ).status,
          ).toBe(200);
        const path = `/api/evaluation/files/${files[k]}/submit-sheet`;
        if (k === 'e' && i === 0) {
          // A 民非 is scored on its own tree: the social-group sheet does not fit it.
          expect((await api.post(path, sheet(totals[i]!))).status).toBe(422);
        }
        const r = await api.post(path, k === 'e' ? pneSheet(totals[i]!) : sheet(totals[i]!));
        expect(r.status).toBe(200);
      }
    }
    const a = await waitForFile(h, orgs.a.token, files.a!, (x) => x.status === 'scored');
    expect(a.score).toMatchObject({ value: 820, spread: 40, flagged: false, method: 'mean' });
    expect(a.proposedLevel).toBe(2);
    const b = await waitForFile(h, orgs.b.token, files.b!, (x) => x.status === 'scored');
    expect(b.score?.value).toBe(870);
    expect(b.proposedLevel).toBe(3);
    const e = await waitForFile(h, orgs.e.token, files.e!, (x) => x.status === 'scored');
    expect(e.score).toMatchObject({ value: 780, spread: 180, flagged: true });
    expect(e.proposedLevel).toBe(1);
  });

  it('given committee votes, then quorum and a majority of all members are required, by named vote', async () => {
    const vote = (m: Person, k: string, approve: boolean) =>
      as(m.token).post(`/api/evaluation/files/${files[k]}/vote`, { approve });
    // E: 4 of 7 present → no quorum (needs 5) → a new round.
    for (const m of committee.slice(0, 4)) expect((await vote(m, 'e', true)).status).toBe(200);
    expect((await vote(committee[0]!, 'e', true)).status).toBe(409);
    expect(
      (await as(review[0]!.token).post(`/api/evaluation/files/${files.e}/vote`, { approve: true }))
        .status,
    ).toBe(403);
    let e = (await admin.post(`/api/evaluation/files/${files.e}/close-vote`)).body as FileView;
    expect(e.committee.lastTally).toMatchObject({
      members: 7,
      present: 4,
      quorum: false,
      approved: false,
    });
    expect(e.status).toBe('scored');
    expect(e.committee.round).toBe(2);
    for (const [i, m] of committee.slice(0, 5).entries())
      expect((await vote(m, 'e', i < 4)).status).toBe(200);
    e = (await admin.post(`/api/evaluation/files/${files.e}/close-vote`)).body as FileView;
    expect(e.committee.lastTally).toMatchObject({
      present: 5,
      approvals: 4,
      quorum: true,
      approved: true,
    });
    expect(e.status).toBe('publicised');
    expect(e.decidedLevel).toBe(1);

    // B: 5 present but only 3 approve: 3 is not more than half of all 7 → a new round.
    for (const [i, m] of committee.slice(0, 5).entries()) await vote(m, 'b', i < 3);
    let b = (await admin.post(`/api/evaluation/files/${files.b}/close-vote`)).body as FileView;
    expect(b.committee.lastTally).toMatchObject({
      present: 5,
      approvals: 3,
      quorum: true,
      approved: false,
    });
    expect(b.status).toBe('scored');
    for (const m of committee) await vote(m, 'b', true);
    for (const m of committee) await vote(m, 'a', true);
    b = (await admin.post(`/api/evaluation/files/${files.b}/close-vote`)).body as FileView;
    const a = (await admin.post(`/api/evaluation/files/${files.a}/close-vote`)).body as FileView;
    expect([a.status, a.decidedLevel, b.status, b.decidedLevel]).toEqual([
      'publicised',
      2,
      'publicised',
      3,
    ]);
    const votes = await h.db.evaluationVote.count({
      where: { fileId: files.b!, body: 'committee' },
    });
    expect(votes).toBe(12);
  });

  it('given publicity, then only the organisation concerned may object, and the review committee decides', async () => {
    const stranger = await as(orgs.b.token).post(
      `/api/evaluation/files/${files.a}/review-request`,
      {
        kind: 'objection',
        reason: '不服',
        requestedLevel: 3,
      },
    );
    expect(stranger.status).toBe(404);
    const objA = await as(orgs.a.token).post(`/api/evaluation/files/${files.a}/review-request`, {
      kind: 'objection',
      reason: '社会评价得分未计入年度表彰',
      requestedLevel: 3,
    });
    expect(objA.status).toBe(200);
    const objB = await as(orgs.b.token).post(`/api/evaluation/files/${files.b}/review-request`, {
      kind: 'review',
      reason: '申请复核工作绩效得分',
      requestedLevel: 4,
    });
    expect(objB.status).toBe(200);
    const second = await as(orgs.a.token).post(`/api/evaluation/files/${files.a}/review-request`, {
      kind: 'review',
      reason: '再次申请',
      requestedLevel: 3,
    });
    expect(second.status).toBe(409);
    // A: 4 of 5 present, 3 approve → upheld → 3A. B: 4 present, 2 approve → dismissed → 3A stays.
    for (const [i, m] of review.slice(0, 4).entries()) {
      expect(
        (await as(m.token).post(`/api/evaluation/files/${files.a}/review-vote`, { approve: i < 3 }))
          .status,
      ).toBe(200);
      expect(
        (await as(m.token).post(`/api/evaluation/files/${files.b}/review-vote`, { approve: i < 2 }))
          .status,
      ).toBe(200);
    }
    const a = (await admin.post(`/api/evaluation/files/${files.a}/close-review`)).body as FileView;
    expect(a.review).toMatchObject({ upheld: true, tally: { present: 4, approvals: 3 } });
    expect(a.decidedLevel).toBe(3);
    const b = (await admin.post(`/api/evaluation/files/${files.b}/close-review`)).body as FileView;
    expect(b.review?.upheld).toBe(false);
    expect(b.decidedLevel).toBe(3);
    const due =
      Date.parse(a.review?.answerDueAt as string) - Date.parse(a.review?.decidedAt as string);
    expect(due).toBeGreaterThan(14 * 86_400_000);
    const answer = await h.smtp.waitFor(
      (m) => m.to.includes(orgs.b.email) && m.subject.includes('复核结论'),
    );
    expect(await outboxText(answer.messageId)).toContain('不成立');
  });

  it('given publicity over, then grades are confirmed and 3A+ receive a certificate; a late objection is refused', async () => {
    const a = await waitForFile(h, orgs.a.token, files.a!, (x) => x.status === 'confirmed', 40_000);
    const e = await waitForFile(h, orgs.e.token, files.e!, (x) => x.status === 'confirmed', 40_000);
    await waitForFile(h, orgs.b.token, files.b!, (x) => x.status === 'confirmed', 40_000);
    const late = await as(orgs.e.token).post(`/api/evaluation/files/${files.e}/review-request`, {
      kind: 'objection',
      reason: '逾期异议',
      requestedLevel: 2,
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('公示期已结束');
    const gradeA = await h.db.grade.findUniqueOrThrow({ where: { id: a.gradeId as string } });
    expect(gradeA).toMatchObject({
      level: 3,
      status: 'active',
      activeFor: orgs.a.id,
      awardingLevel: 'district',
    });
    expect(gradeA.expiresOn.getUTCFullYear() - gradeA.awardedOn.getUTCFullYear()).toBe(5);
    const pdf = await h.db.storedFile.findUniqueOrThrow({
      where: { id: a.certificateFileId as string },
    });
    expect(Buffer.from(pdf.content).subarray(0, 5).toString()).toBe('%PDF-');
    expect(e.certificateFileId).toBeNull();
    const mail = await h.smtp.waitFor(
      (m) => m.to.includes(orgs.a.email) && m.subject.includes('评估等级确认'),
    );
    expect(mail.raw).toContain('application/pdf');
    const announcements = await h.db.announcement.count({
      where: { subjectId: { in: [files.a!, files.e!] } },
    });
    expect(announcements).toBe(4);
  });

  it('given every file done, then the campaign closes and its progress and the district figures are right', async () => {
    const c = await admin.get(`/api/evaluation/campaigns/${campaignId}`);
    expect(c.body.progress).toEqual({
      applied: 3,
      assessed: 3,
      ineligible: 0,
      scored: 3,
      decided: 3,
      objected: 2,
      confirmed: 3,
      disqualified: 0,
    });
    expect(c.body.allowedActions).toEqual(['closeCampaign']);
    const closed = await admin.post(`/api/evaluation/campaigns/${campaignId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.phase).toBe('closed');
    // Due: A, B, C, E (D registered in 2025). Valid grades: A 3A, B 3A, E 1A → 3 of 4 = 75 %.
    const f = await admin.get('/api/evaluation/figures');
    expect(f.body).toMatchObject({
      dueForEvaluation: 4,
      withValidGrade: 3,
      gradedShare: 0.75,
      target: 0.3,
      meetsTarget: true,
      byLevel: { '1A': 1, '2A': 0, '3A': 2, '4A': 0, '5A': 0 },
      expiringWithin12Months: 0,
    });
    expect(f.body.campaign.progress.objected).toBe(2);
  });

  it('given the runs, then each history stays small and is recorded for replay', async () => {
    await recordEvaluationHistory(h, 'file-objection-upheld', fileWorkflowId(files.a!));
    await recordEvaluationHistory(h, 'file-quorum-failed', fileWorkflowId(files.e!));
    await recordEvaluationHistory(h, 'campaign', campaignWorkflowId(campaignId));
  });
});
