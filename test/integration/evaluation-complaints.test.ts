import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gradeStatus } from '../../client/grade-client';
import {
  type ComplaintView,
  complaintWorkflowId,
} from '../../workflows/evaluation/complaint-messages';
import type { FileView } from '../../workflows/evaluation/messages';
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
 * The gaps of DOMAIN §4 closed over real HTTP, Temporal, PostgreSQL and SMTP: eligibility on the
 * profile as it stood on the application date (§4.5 rule 1), disqualification before
 * confirmation (§4.2), complaints verified by the office and ruled by the review committee
 * (§4.3 COMPLAINT), and 5A only with a Party organisation when the policy asks (§4.5 rule 4).
 */

const PUBLICITY_SECONDS = 6;
let h: Harness;
let admin: ReturnType<typeof http>;
let section: ReturnType<typeof http>;
let experts: Person[];
let committee: Person[];
let review: Person[];
type Key = 'after' | 'before' | 'dq' | 'scored' | 'five' | 'party';
const orgs = {} as Record<Key, TestOrganization>;
const files = {} as Record<Key, string>;
let campaignId: string;
const lastYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;

const as = (token: string) => http(h.baseUrl, token);
/** The text as written to the outbox (the SMTP copy is transfer-encoded). */
async function outboxText(messageId: string) {
  const id = messageId.replace(/^<|>$/g, '');
  const row = await h.db.outboxMail.findFirst({ where: { messageId: { in: [id, `<${id}>`] } } });
  return row?.text ?? '';
}
const sheet = (total: number) => ({
  scores: { basic: 100, governance: 340, performance: total - 100 - 340 - 140, social: 140 },
  bonus: 0,
});

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, {
    limits: {
      publicity: { amount: PUBLICITY_SECONDS, unit: 'seconds' },
      complaintVerification: { amount: 3, unit: 'seconds' },
    },
    experts: { perFile: 1 },
    // The district grants every level here, so that the 5A rule shows in the decided level.
    districtMaxLevel: 5,
    fiveARequiresPartyOrganization: true,
  });
  admin = as(await h.login('admin'));
  section = as(await h.login('section'));
  experts = await createPeople(h, 'evaluator', 3, '举报测试专家');
  committee = await createPeople(h, 'committee_member', 7, '举报测试评估委员');
  review = await createPeople(h, 'committee_member', 5, '举报测试复核委员');
  await createAgency(h, experts);
  const inspections: [number, 'pass'][] = [
    [lastYear - 1, 'pass'],
    [lastYear, 'pass'],
  ];
  const names: Record<Key, string> = {
    after: '钟楼区申报后受罚协会',
    before: '钟楼区申报前受罚协会',
    dq: '钟楼区取消资格协会',
    scored: '钟楼区被举报协会',
    five: '钟楼区五星无党组织协会',
    party: '钟楼区五星有党组织协会',
  };
  for (const [k, name] of Object.entries(names))
    orgs[k as Key] = await createOrganization(h, { name, inspections });
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

const penalty = (org: TestOrganization, no: string) =>
  admin.post(`/api/admin/organizations/${org.id}/penalties`, {
    decisionNo: `钟民罚〔${lastYear}〕${no}号`,
    kind: '警告',
    decidedOn: `${lastYear}-06-01`,
    executedOn: `${lastYear}-06-15`,
  });

const apply = (k: Key) =>
  as(orgs[k].token).post(`/api/evaluation/campaigns/${campaignId}/applications`, {
    selfScore: 900,
    selfAssessment: `${orgs[k].name}自评报告`,
  });

async function waitComplaint(id: string, until: (v: ComplaintView) => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const r = await admin.get(`/api/evaluation/complaints/${id}`);
    if (r.status === 200 && r.body.view && until(r.body.view)) return r.body.view as ComplaintView;
    if (Date.now() > end) throw new Error(`complaint ${id}: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** The seated expert declares no conflict and submits a sheet of this total. */
async function score(k: Key, total: number) {
  const v = await waitForFile(h, orgs[k].token, files[k], (x) => x.status === 'assigned');
  const seat = v.evaluators.find((e) => e.status === 'assigned') as FileView['evaluators'][0];
  const api = as((experts.find((e) => e.id === seat.id) as Person).token);
  const path = `/api/evaluation/files/${files[k]}`;
  expect((await api.post(`${path}/declare-conflict`, { hasConflict: false })).status).toBe(200);
  expect((await api.post(`${path}/submit-sheet`, sheet(total))).status).toBe(200);
  return waitForFile(h, orgs[k].token, files[k], (x) => x.status === 'scored');
}

const fileComplaint = (token: string, body: object) =>
  as(token).post('/api/evaluation/complaints', {
    content: '该组织在评估材料中虚报服务人次，并有照片为证。',
    ...body,
  });

async function reviewVotes(id: string, approvals: boolean[]) {
  for (const [i, approve] of approvals.entries()) {
    const r = await as(review[i]!.token).post(`/api/evaluation/complaints/${id}/vote`, {
      approve,
    });
    expect(r.status).toBe(200);
  }
}

describe('eligibility is judged on the profile as it stood on the application date', () => {
  it('given a penalty recorded after applying, then the applicant stays eligible; recorded before, it is not', async () => {
    const r = await admin.post('/api/evaluation/campaigns', {
      year: 2026,
      title: '2026年度钟楼区社会组织等级评估（举报与取消资格）',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: committee.map((c) => c.id),
      reviewCommitteeIds: review.map((c) => c.id),
    });
    expect(r.status).toBe(201);
    campaignId = r.body.id;
    for (let i = 0; i < 50; i++) {
      if ((await admin.get(`/api/evaluation/campaigns/${campaignId}`)).body.phase !== 'notice')
        break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect((await penalty(orgs.before, '7')).status).toBe(201);
    for (const k of Object.keys(orgs) as Key[]) {
      const a = await apply(k);
      if (k === 'before') {
        // Recorded before applying: refused as it applies, with the reason.
        expect(a.status).toBe(422);
        expect(a.body.errors.map((e: { message: string }) => e.message)).toContain(
          `${lastYear}年度受到行政处罚（钟民罚〔${lastYear}〕7号）`,
        );
        continue;
      }
      expect(a.status).toBe(201);
      files[k] = a.body.id;
    }
    // Recorded after applying, before the window closes: not a fact of the application date.
    expect((await penalty(orgs.after, '8')).status).toBe(201);
    const live = await admin.get(`/api/organizations/${orgs.after.id}`);
    expect(live.body.penalties).toHaveLength(1);
    const stored = await h.db.evaluationFile.findUniqueOrThrow({ where: { id: files.after } });
    expect((stored.profileSnapshot as { penalties: unknown[] }).penalties).toEqual([]);

    expect(
      (await admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`)).status,
    ).toBe(200);
    const after = await waitForFile(
      h,
      orgs.after.token,
      files.after,
      (v) => v.status !== 'applied',
    );
    expect(after.status).toBe('assigned');
    expect(after.eligibility?.eligible).toBe(true);
  });
});

describe('disqualification during evaluation', () => {
  it('given a file in assessment, then only the evaluation office disqualifies it, on a listed ground, and the organisation is told', async () => {
    await waitForFile(h, orgs.dq.token, files.dq, (v) => v.status === 'assigned');
    const path = `/api/evaluation/files/${files.dq}/disqualify`;
    const body = {
      ground: 'bad_social_effect',
      reason: '组织开展的募捐活动被媒体曝光，造成不良社会影响',
    };
    expect((await as(orgs.dq.token).post(path, body)).status).toBe(403);
    const badGround = await section.post(path, { ...body, ground: 'late_fee' });
    expect(badGround.status).toBe(400);
    expect(JSON.stringify(badGround.body)).toContain('取消评估资格的事由');
    const noComplaint = await section.post(path, { ...body, ground: 'complaint_upheld' });
    expect(noComplaint.status).toBe(422);

    const r = await section.post(path, body);
    expect(r.status).toBe(200);
    const v = r.body as FileView;
    expect(v.status).toBe('disqualified');
    expect(v.disqualification).toMatchObject({
      ground: 'bad_social_effect',
      complaintId: null,
      by: '张科长',
      cancelledScore: null,
    });
    const again = await admin.post(path, body);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已被取消本次评估资格');
    const row = await h.db.evaluationFile.findUniqueOrThrow({ where: { id: files.dq } });
    expect(row).toMatchObject({
      status: 'disqualified',
      disqualification: { ground: 'bad_social_effect', by: '张科长' },
    });
    const audit = await h.db.auditEntry.findFirstOrThrow({
      where: { subjectId: files.dq, action: 'disqualified' },
    });
    expect(audit).toMatchObject({ actorRole: 'section_head', toStatus: 'disqualified' });
    expect(audit.reason).toContain('开展活动造成不良社会影响');
    await h.smtp.waitFor((m) => m.to.includes(orgs.dq.email) && m.subject.includes('取消评估资格'));
  });
});

describe('5A and the Party organisation', () => {
  it('given the policy requires one, then 5A without a recorded Party organisation is decided as 4A with the reason', async () => {
    const party = `/api/admin/organizations/${orgs.party.id}/party-organization`;
    const fact = { present: true, reason: '区委社会工作部备案' };
    expect((await as(orgs.party.token).put(party, fact)).status).toBe(403);
    expect((await section.put(party, { present: 'yes', reason: '备案' })).status).toBe(400);
    const recorded = await section.put(party, fact);
    expect(recorded.status).toBe(200);
    expect(recorded.body.partyOrganization).toMatchObject({ present: true });
    const trail = await admin.get(`/api/organizations/${orgs.party.id}/audit`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain(
      'party_organization_recorded',
    );

    await score('five', 960);
    await score('party', 960);
    for (const k of ['five', 'party'] as const)
      for (const m of committee)
        expect(
          (await as(m.token).post(`/api/evaluation/files/${files[k]}/vote`, { approve: true }))
            .status,
        ).toBe(200);
    const five = (await admin.post(`/api/evaluation/files/${files.five}/close-vote`))
      .body as FileView;
    const withParty = (await admin.post(`/api/evaluation/files/${files.party}/close-vote`))
      .body as FileView;
    expect([five.status, five.score?.value, five.decidedLevel]).toEqual(['publicised', 960, 4]);
    expect(five.levelNote).toContain('未建立党组织');
    expect([withParty.decidedLevel, withParty.levelNote]).toEqual([5, null]);
    const decided = await h.db.auditEntry.findFirstOrThrow({
      where: { subjectId: files.five, action: 'grade_decided' },
    });
    expect(decided.reason).toContain('未建立党组织');
    const publicity = await h.smtp.waitFor(
      (m) => m.to.includes(orgs.five.email) && m.subject.includes('评估结果公示'),
    );
    expect(await outboxText(publicity.messageId)).toContain('未建立党组织');
  });

  it('given confirmation, then disqualification is refused with the reason', async () => {
    const v = await waitForFile(
      h,
      orgs.party.token,
      files.party,
      (x) => x.status === 'confirmed',
      40_000,
    );
    expect(v.decidedLevel).toBe(5);
    const r = await admin.post(`/api/evaluation/files/${files.party}/disqualify`, {
      ground: 'evaluation_fraud',
      reason: '自评材料与事实不符',
    });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('评估等级已经确认');
    const late = await fileComplaint(orgs.after.token, { fileId: files.party });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('请对该组织的评估等级提出举报');
  });
});

describe('complaints (举报)', () => {
  it('given a complaint nobody verifies in time, then the office is reminded; dismissed as unfounded, the complainant learns why', async () => {
    const filed = await fileComplaint(orgs.before.token, { fileId: files.after });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect(filed.body).not.toHaveProperty('complainantId');
    await h.smtp.waitFor(
      (m) => m.to.includes(h.user('section').email) && m.subject.includes('收到举报'),
    );
    // The organisation complained about does not read the complaint (nor who filed it).
    expect((await as(orgs.after.token).get(`/api/evaluation/complaints/${id}`)).status).toBe(404);
    const overdue = await waitComplaint(id, (v) => v.overdue);
    expect(overdue.status).toBe('filed');
    await h.smtp.waitFor(
      (m) => m.to.includes(h.user('admin').email) && m.subject.includes('举报核实已逾期'),
    );
    expect(
      (
        await as(orgs.before.token).post(`/api/evaluation/complaints/${id}/dismiss`, {
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const dismissed = await admin.post(`/api/evaluation/complaints/${id}/dismiss`, {
      reason: '经现场核查，服务人次记录与台账一致，举报不实',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', dismissal: { by: '周管理' } });
    const again = await admin.post(`/api/evaluation/complaints/${id}/verify`);
    expect(again.status).toBe(409);
    const mail = await h.smtp.waitFor(
      (m) => m.to.includes(orgs.before.email) && m.subject.includes('举报处理结果'),
    );
    expect(mail.subject).toContain(orgs.after.name);
    expect(await outboxText(mail.messageId)).toContain('举报不实');
    const mine = await as(orgs.before.token).get('/api/evaluation/complaints');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('given a verified complaint, then the review committee rules by named vote with quorum and a majority of all members', async () => {
    const id = (await fileComplaint(orgs.before.token, { fileId: files.after })).body.id as string;
    // Each reader is offered what the complaint's workflow would accept from them now.
    const offered = async (api: ReturnType<typeof as>) =>
      (await api.get(`/api/evaluation/complaints/${id}`)).body.allowedActions;
    await waitComplaint(id, (c) => c.status === 'filed');
    expect(await offered(section)).toEqual(['verifyComplaint', 'dismissComplaint']);
    expect(await offered(as(orgs.before.token))).toEqual([]);
    const verified = await section.post(`/api/evaluation/complaints/${id}/verify`, {
      note: '举报线索具体，已调取台账',
    });
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    await h.smtp.waitFor(
      (m) => m.to.includes(review[0]!.email) && m.subject.includes('待复核委员会'),
    );
    await h.smtp.waitFor(
      (m) => m.to.includes(orgs.after.email) && m.subject.includes('举报已提交复核委员会'),
    );
    // Members of the evaluation committee are not on the review committee.
    const outsider = await as(committee[0]!.token).post(`/api/evaluation/complaints/${id}/vote`, {
      approve: true,
    });
    expect(outsider.status).toBe(404);
    expect(
      (await as(experts[0]!.token).post(`/api/evaluation/complaints/${id}/vote`, {})).status,
    ).toBe(403);
    expect(await offered(section)).toEqual(['closeComplaintVote']);
    expect(await offered(as(review[0]!.token))).toEqual(['complaintVote']);
    // 3 of 5 present: no quorum (⅔ needs 4), a new round.
    await reviewVotes(id, [true, true, true]);
    expect(await offered(as(review[0]!.token))).toEqual([]);
    expect(
      (await as(review[0]!.token).post(`/api/evaluation/complaints/${id}/vote`, { approve: true }))
        .status,
    ).toBe(409);
    let v = (await admin.post(`/api/evaluation/complaints/${id}/close-vote`)).body as ComplaintView;
    expect(v).toMatchObject({ status: 'verified', committee: { round: 2 } });
    expect(v.committee.lastTally).toMatchObject({ present: 3, quorum: false });
    // 4 present, 2 approve: not more than half of all 5 members, so not upheld.
    await reviewVotes(id, [true, true, false, false]);
    v = (await admin.post(`/api/evaluation/complaints/${id}/close-vote`)).body as ComplaintView;
    expect(v.status).toBe('rejected');
    expect(v.ruling).toMatchObject({ upheld: false, tally: { present: 4, approvals: 2 } });
    const votes = await h.db.evaluationComplaintVote.count({ where: { complaintId: id } });
    expect(votes).toBe(7);
    for (const to of [orgs.after.email, orgs.before.email]) {
      const m = await h.smtp.waitFor(
        (x) => x.to.includes(to) && x.subject.includes('举报裁定结果'),
      );
      expect(m.subject).toContain(orgs.after.name);
    }
    const f = await waitForFile(h, orgs.after.token, files.after, () => true);
    expect(f.status).toBe('assigned');
  });

  it('given an upheld complaint about a scored file, then the file is disqualified and its score no longer counts', async () => {
    const scored = await score('scored', 870);
    expect(scored.score?.value).toBe(870);
    const id = (await fileComplaint(orgs.after.token, { fileId: files.scored })).body.id as string;
    expect((await admin.post(`/api/evaluation/complaints/${id}/verify`)).status).toBe(200);
    await reviewVotes(id, [true, true, true, false]);
    const ruled = await section.post(`/api/evaluation/complaints/${id}/close-vote`);
    expect(ruled.body).toMatchObject({ status: 'upheld', ruling: { upheld: true } });
    const v = await waitComplaint(id, (x) => x.ruling?.measure !== null);
    expect(v.ruling?.measure).toBe('file_disqualified');
    const file = await waitForFile(h, orgs.scored.token, files.scored, () => true);
    expect(file.status).toBe('disqualified');
    expect(file.disqualification).toMatchObject({
      ground: 'complaint_upheld',
      complaintId: id,
      by: '复核委员会',
      cancelledScore: 870,
    });
    expect(file.score?.value).toBe(870);
    const row = await h.db.evaluationFile.findUniqueOrThrow({ where: { id: files.scored } });
    expect(row).toMatchObject({ finalScore: 870, scoreCancelled: true });
    // The official's own disqualification on this complaint would now find the file finished.
    const manual = await admin.post(`/api/evaluation/files/${files.scored}/disqualify`, {
      ground: 'complaint_upheld',
      reason: '举报成立',
      complaintId: id,
    });
    expect(manual.status).toBe(409);
    for (const to of [orgs.scored.email, orgs.after.email]) {
      const m = await h.smtp.waitFor(
        (x) => x.to.includes(to) && x.subject === `【举报裁定结果】${orgs.scored.name}`,
      );
      expect(await outboxText(m.messageId)).toContain('取消该组织本次评估资格');
    }
    await h.smtp.waitFor(
      (m) => m.to.includes(orgs.scored.email) && m.subject.includes('取消评估资格'),
    );
    const trail = await h.db.auditEntry.findMany({
      where: { subjectType: 'evaluation_complaint', subjectId: id },
      orderBy: { seq: 'asc' },
    });
    expect(trail.map((e) => e.action)).toEqual([
      'complaint_filed',
      'complaint_verified',
      'complaint_vote',
      'complaint_vote',
      'complaint_vote',
      'complaint_vote',
      'complaint_ruled',
      'complaint_measure_applied',
    ]);
    const progress = (await admin.get(`/api/evaluation/campaigns/${campaignId}`)).body.progress;
    expect(progress).toMatchObject({ disqualified: 2, scored: 2, decided: 2 });
  });

  it('given an upheld complaint about an active grade, then the grade is cancelled', async () => {
    const five = await waitForFile(
      h,
      orgs.five.token,
      files.five,
      (x) => x.status === 'confirmed',
      40_000,
    );
    expect(five.decidedLevel).toBe(4);
    const g = await gradeStatus(h.client, orgs.five.id);
    expect(g?.grade?.level).toBe(4);
    const filed = await fileComplaint(orgs.dq.token, { organizationId: orgs.five.id });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ subjectType: 'grade', gradeId: five.gradeId });
    const none = await fileComplaint(orgs.dq.token, { organizationId: orgs.dq.id });
    expect(none.status).toBe(409);
    const both = await fileComplaint(orgs.dq.token, {
      organizationId: orgs.five.id,
      fileId: files.five,
    });
    expect(both.status).toBe(400);
    const id = filed.body.id as string;
    expect((await admin.post(`/api/evaluation/complaints/${id}/verify`)).status).toBe(200);
    await reviewVotes(id, [true, true, true, true, true]);
    expect((await admin.post(`/api/evaluation/complaints/${id}/close-vote`)).status).toBe(200);
    const v = await waitComplaint(id, (x) => x.ruling?.measure !== null);
    expect(v.ruling?.measure).toBe('grade_cancelled');
    const grade = await h.db.grade.findUniqueOrThrow({ where: { id: five.gradeId as string } });
    expect(grade.status).toBe('cancelled');
    expect(grade.endReason).toContain(id);
    await h.smtp.waitFor(
      (m) => m.to.includes(orgs.five.email) && m.subject.includes('评估等级取消'),
    );
    const ruling = await h.smtp.waitFor(
      (m) => m.to.includes(orgs.dq.email) && m.subject.includes('举报裁定结果'),
    );
    expect(ruling.subject).toContain(orgs.five.name);
  });

  it('given the runs, then each history stays small and is recorded for replay', async () => {
    const upheld = (org: TestOrganization) =>
      h.db.evaluationComplaint.findFirstOrThrow({
        where: { organizationId: org.id, upheld: true },
      });
    const onFile = await upheld(orgs.scored);
    const onGrade = await upheld(orgs.five);
    await recordEvaluationHistory(h, 'complaint-file-disqualified', complaintWorkflowId(onFile.id));
    await recordEvaluationHistory(h, 'complaint-grade-cancelled', complaintWorkflowId(onGrade.id));
    await recordEvaluationHistory(h, 'file-disqualified', fileWorkflowId(files.dq));
    await recordEvaluationHistory(h, 'file-five-a-without-party', fileWorkflowId(files.five));
  });
});
