import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { endOfLocalDay, localDateOf } from '../../domain/calendar';
import { appendAudit } from '../../lib/audit';
import type { Prisma } from '../../lib/db';
import { staff } from '../support/competition-steps';
import {
  createOrganization,
  createPeople,
  openCampaignRow,
  type Person,
} from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { catalogueCodeOf, newUndertaker } from '../support/purchase-steps';

/**
 * 我的待办 of tiered evaluation and of purchases (issue 15 point 4): evaluation sheets for the
 * seated evaluator, committee votes for the committee's members, complaints for the office, panel
 * scoring for the panel's experts, milestones for the purchaser and the undertaker, payments for
 * finance. The inbox reads the processes' projections, so this file writes the projections as
 * the workflows leave them (Prisma) and moves them on as a step is done. Test files share one
 * database: lists are checked for this file's own keys, exact counts only for accounts made here.
 */

let h: Harness;
beforeAll(async () => {
  // The office and finance see every task in the database other test files share: a page of
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
  dueAt: string | null;
  urgency: 'overdue' | 'near_due' | 'normal';
  claimable: boolean;
  claim: { name: string; mine: boolean } | null;
}
const inbox = async (token: string, query = '') => {
  const r = await http(h.baseUrl, token).get(`/api/inbox?pageSize=200${query}`);
  expect(r.status).toBe(200);
  return r.body as { items: Task[]; total: number };
};
const keysOf = async (token: string, query = '') =>
  (await inbox(token, query)).items.map((t) => t.key);
const counts = async (token: string) =>
  (await http(h.baseUrl, token).get('/api/inbox/counts')).body;
const claim = (token: string, taskKey: string) =>
  http(h.baseUrl, token).post('/api/inbox/claims', { taskKey });

const DAY = 86_400_000;
/** Only the given keys, in the inbox's order. */
const ordered = (items: Task[], keys: string[]) => items.filter((t) => keys.includes(t.key));

describe('the inbox of tiered evaluation', () => {
  let campaignId: string;
  let org: { id: string; name: string };
  const evaluationFile = async (status: string) => {
    const id = randomUUID();
    await h.db.evaluationFile.create({
      data: {
        id,
        campaignId,
        organizationId: (await createOrganization(h, { name: '待办评估服务中心' })).id,
        workflowId: `evaluation-file-${id}`,
        appliedAt: new Date(),
        appliedById: h.user('admin').id,
        selfScore: 800,
        selfAssessment: '自评报告',
        evidenceFileIds: [],
        status,
      },
    });
    return id;
  };
  beforeAll(async () => {
    campaignId = await openCampaignRow(h, '待办测试评估');
    org = await createOrganization(h, { name: '待办被举报服务中心' });
  });

  it('given an evaluator seated on a file, then the declaration and then the score sheet wait for that evaluator only, and leave once submitted', async () => {
    const [seated, other] = (await createPeople(h, 'evaluator', 2, '待办评估专家')) as [
      Person,
      Person,
    ];
    const fileId = await evaluationFile('assigned');
    const agency = await h.db.evaluationAgency.create({
      data: { name: '常州市待办评估中心', districtCode: h.districtCode },
    });
    await h.db.evaluationAssignment.create({
      data: { fileId, evaluatorId: seated.id, agencyId: agency.id },
    });

    expect((await inbox(seated.token)).items).toEqual([
      expect.objectContaining({
        key: `evaluation:declare:${fileId}`,
        process: 'evaluation',
        title: '待声明有无回避情形',
        link: `/evaluation/files/${fileId}`,
        claimable: false,
        claim: null,
      }),
    ]);
    expect((await inbox(other.token)).total).toBe(0);
    expect(await keysOf(await h.login('reviewer1'), '&process=evaluation')).toEqual([]);

    await h.db.evaluationAssignment.update({
      where: { fileId_evaluatorId: { fileId, evaluatorId: seated.id } },
      data: { status: 'cleared', declaredAt: new Date() },
    });
    const score = `evaluation:score:${fileId}`;
    expect((await inbox(seated.token)).items).toEqual([
      expect.objectContaining({ key: score, title: '待提交评分表' }),
    ]);
    expect(await counts(seated.token)).toMatchObject({
      total: 1,
      byProcess: { evaluation: 1, purchase: 0 },
    });
    // Not a shared step: nobody claims it.
    expect((await claim(seated.token, score)).status).toBe(409);

    // A draft is not done; the submitted sheet is.
    await h.db.evaluationScoreSheet.create({
      data: { fileId, evaluatorId: seated.id, scores: {}, total: 0 },
    });
    expect(await keysOf(seated.token)).toEqual([score]);
    await h.db.evaluationScoreSheet.update({
      where: { fileId_evaluatorId: { fileId, evaluatorId: seated.id } },
      data: { status: 'submitted', submittedAt: new Date(), total: 820 },
    });
    expect((await inbox(seated.token)).total).toBe(0);
  });

  it('given a scored file, then each member of the evaluation committee has a vote to cast until casting it, and nobody else', async () => {
    const [m1, m2, outsider] = (await createPeople(h, 'committee_member', 3, '待办委员')) as [
      Person,
      Person,
      Person,
    ];
    await h.db.evaluationCampaign.update({
      where: { id: campaignId },
      data: { committeeIds: [m1.id, m2.id] },
    });
    const fileId = await evaluationFile('scored');
    const vote = `evaluation:vote:${fileId}:committee`;
    for (const m of [m1, m2])
      expect((await inbox(m.token)).items).toEqual([
        expect.objectContaining({ key: vote, title: '待评估委员会表决', claimable: false }),
      ]);
    expect((await inbox(outsider.token)).total).toBe(0);
    expect(await keysOf(await h.login('admin'))).not.toContain(vote);

    await h.db.evaluationVote.create({
      data: {
        fileId,
        body: 'committee',
        round: 1,
        memberId: m1.id,
        approve: true,
        votedAt: new Date(),
      },
    });
    expect((await inbox(m1.token)).total).toBe(0);
    expect(await keysOf(m2.token)).toEqual([vote]);
  });

  it('given complaints to verify, then the office sees them by their deadline with overdue and near-due marks, one official claims each, and a verified one goes to the review committee', async () => {
    const [member] = (await createPeople(h, 'committee_member', 1, '复核委员')) as [Person];
    const complaint = async (dueInMs: number) => {
      const id = randomUUID();
      await h.db.evaluationComplaint.create({
        data: {
          id,
          workflowId: `evaluation-complaint-${id}`,
          subjectType: 'grade',
          organizationId: org.id,
          content: '该组织评估材料不实',
          reviewCommitteeIds: [member.id],
          filedAt: new Date(),
        },
      });
      await h.db.$transaction((tx) =>
        appendAudit(tx, {
          subjectType: 'evaluation_complaint',
          subjectId: id,
          at: new Date(),
          actor: { id: h.user('admin').id, name: '公众', role: 'public' },
          action: 'complaint_filed',
          details: { verificationDueAt: Date.now() + dueInMs } as Prisma.InputJsonValue,
        }),
      );
      return id;
    };
    // Filed in the reverse of their urgency: the inbox orders them.
    const later = await complaint(30 * DAY);
    const soon = await complaint(DAY);
    const late = await complaint(-DAY);
    const keys = [late, soon, later].map((c) => `evaluation:complaint:${c}:verify`);

    const admin = await h.login('admin');
    const section = await h.login('section');
    for (const token of [admin, section]) {
      const mine = ordered((await inbox(token, '&process=evaluation')).items, keys);
      expect(mine.map((t) => [t.key, t.urgency, t.claimable])).toEqual([
        [keys[0], 'overdue', true],
        [keys[1], 'near_due', true],
        [keys[2], 'normal', true],
      ]);
      expect(mine.every((t) => t.title === '待核实举报' && t.dueAt !== null)).toBe(true);
    }
    const overdue = (await inbox(admin, '&urgency=overdue')).items.map((t) => t.key);
    expect(overdue).toContain(keys[0]);
    expect(overdue).not.toContain(keys[1]);
    expect(await keysOf(member.token)).toEqual([]);
    expect(await keysOf(await h.login('reviewer1'))).not.toContain(keys[0]);

    expect((await claim(section, keys[0]!)).status).toBe(200);
    const taken = await claim(admin, keys[0]!);
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain('张科长');

    // Verified: the office's step is done, the review committee's member has a vote to cast.
    await h.db.evaluationComplaint.update({
      where: { id: late },
      data: { status: 'verified', verifiedAt: new Date() },
    });
    expect(await keysOf(section)).not.toContain(keys[0]);
    expect((await inbox(member.token)).items).toEqual([
      expect.objectContaining({
        key: `evaluation:complaint:${late}:r1`,
        title: '待复核委员会表决举报',
        claimable: false,
      }),
    ]);
  });
});

describe('the inbox of purchases', () => {
  const view = (over: Record<string, unknown>) =>
    ({ panel: [], milestones: [], tranches: [], ...over }) as Prisma.InputJsonValue;
  let itemId: string;
  const project = async (status: string, v: Prisma.InputJsonValue, extra = {}) => {
    const id = randomUUID();
    const no = `DB-${h.districtCode}-${id.slice(0, 8)}`;
    await h.db.purchaseProject.create({
      data: {
        id,
        projectNo: no,
        ocid: `ocds-test-${no}`,
        workflowId: `purchase-${id}`,
        catalogueItemId: itemId,
        catalogueClass: 'basic_public',
        title: `待办测试购买项目${id.slice(0, 4)}`,
        department: '常州市钟楼区民政局',
        createdById: h.user('admin').id,
        budgetFen: 10_000_000n,
        budgetYear: 2026,
        status,
        view: v,
        ...extra,
      },
    });
    return id;
  };
  const milestone = (id: string, dueDate: string, status: string) => ({
    id,
    title: `阶段成果${id}`,
    dueDate,
    status,
    submissions: [],
    reviews: [],
  });
  const tranche = (no: number, status: string) => ({ no, percent: 50, amountFen: 50_000, status });

  beforeAll(async () => {
    const item = await h.db.purchaseCatalogueItem.create({
      data: {
        code: catalogueCodeOf(h, 9),
        version: 1,
        catalogueClass: 'basic_public',
        level2: '养老服务',
        level3: '居家养老上门服务',
        department: '区民政局',
        serviceStandard: '每月上门服务不少于4次',
        unit: '人次',
        priceBasis: '按服务人次结算',
        undertakerTypes: ['social_organization'],
        suitableForSocialOrganizations: true,
      },
    });
    itemId = item.id;
  });

  it('given a panel under evaluation, then each expert on it has the scoring until submitting it, and no one else', async () => {
    const [declared, undeclared, outsider] = (await createPeople(
      h,
      'evaluator',
      3,
      '购买专家',
    )) as [Person, Person, Person];
    const expert = (p: Person, declaration: boolean, scores: boolean) => ({
      id: p.id,
      name: p.username,
      declaration: declaration ? { conflict: false, note: '', at: new Date().toISOString() } : null,
      scores: scores ? [] : null,
    });
    const id = await project(
      'evaluating',
      view({
        status: 'evaluating',
        panel: [expert(declared, true, false), expert(undeclared, false, false)],
      }),
      { expertIds: [declared.id, undeclared.id] },
    );
    const key = `purchase:score:${id}`;
    expect((await inbox(declared.token)).items).toEqual([
      expect.objectContaining({
        key,
        process: 'purchase',
        title: '待评审打分',
        link: `/purchases/${id}`,
        claimable: false,
      }),
    ]);
    expect((await inbox(undeclared.token)).items).toEqual([
      expect.objectContaining({ key, title: '待声明有无利害关系并评审' }),
    ]);
    expect((await inbox(outsider.token)).total).toBe(0);
    expect(await counts(declared.token)).toMatchObject({ total: 1, byProcess: { purchase: 1 } });
    const finance = await staff(h, 'inbox-finance0', 'finance', '财务待办');
    expect(await keysOf(finance.token)).not.toContain(key);

    await h.db.purchaseProject.update({
      where: { id },
      data: {
        view: view({
          status: 'evaluating',
          panel: [expert(declared, true, true), expert(undeclared, false, false)],
        }),
      },
    });
    expect((await inbox(declared.token)).total).toBe(0);
    expect(await keysOf(undeclared.token)).toEqual([key]);
  });

  it('given a contract in performance, then the purchaser accepts milestones by their due dates (due today is not yet overdue), the undertaker submits its own, finance claims a requested payment; each leaves when done', async () => {
    const buyer = await staff(h, 'inbox-buyer', 'purchaser', '采购待办');
    const f1 = await staff(h, 'inbox-finance1', 'finance', '财务甲');
    const f2 = await staff(h, 'inbox-finance2', 'finance', '财务乙');
    const undertaker = await newUndertaker(h);
    const stranger = await newUndertaker(h);
    const today = localDateOf(Date.now());
    const dayOf = (days: number) => localDateOf(Date.now() + days * DAY);
    const performing = (ms: unknown[], ts: unknown[]) =>
      view({ status: 'performing', milestones: ms, tranches: ts });
    const milestones = [
      milestone('m-late', dayOf(-10), 'submitted'),
      milestone('m-far', dayOf(60), 'submitted'),
      milestone('m-today', today, 'submitted'),
      milestone('m-own', dayOf(20), 'pending'),
    ];
    const id = await project(
      'performing',
      performing(milestones, [tranche(1, 'requested'), tranche(2, 'pending')]),
      { awardedOrgId: undertaker.organizationId },
    );
    const key = (m: string) => `purchase:milestone:${id}:${m}`;

    const forBuyer = ordered((await inbox(buyer.token)).items, [
      key('m-late'),
      key('m-today'),
      key('m-far'),
      key('m-own'),
    ]);
    expect(forBuyer.map((t) => [t.key, t.urgency, t.claimable])).toEqual([
      [key('m-late'), 'overdue', true],
      [key('m-today'), 'near_due', true],
      [key('m-far'), 'normal', true],
    ]);
    expect(forBuyer[0]?.title).toBe('待验收阶段成果：阶段成果m-late');
    // A due date runs to the end of its day in China (not 08:00, midnight UTC).
    expect(forBuyer[1]?.dueAt).toBe(new Date(endOfLocalDay(today)).toISOString());
    expect((await inbox(undertaker.token)).items).toEqual([
      expect.objectContaining({
        key: key('m-own'),
        title: '待提交阶段成果：阶段成果m-own',
        claimable: false,
      }),
    ]);
    expect((await inbox(stranger.token)).total).toBe(0);

    const payment = `purchase:tranche:${id}:t1`;
    for (const f of [f1, f2]) {
      const mine = await keysOf(f.token, '&process=purchase');
      expect(mine).toContain(payment);
      expect(mine).not.toContain(`purchase:tranche:${id}:t2`);
      expect(mine).not.toContain(key('m-late'));
    }
    expect(await keysOf(buyer.token)).not.toContain(payment);
    expect((await claim(f1.token, payment)).status).toBe(200);
    const taken = await claim(f2.token, payment);
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain('财务甲');
    expect((await inbox(f2.token)).items.find((t) => t.key === payment)?.claim).toMatchObject({
      name: '财务甲',
      mine: false,
    });

    // Accepted, submitted and paid: each step leaves its inbox.
    await h.db.purchaseProject.update({
      where: { id },
      data: {
        view: performing(
          [
            { ...milestones[0], status: 'accepted' },
            milestones[1],
            milestones[2],
            { ...milestones[3], status: 'submitted' },
          ],
          [tranche(1, 'paid'), tranche(2, 'pending')],
        ),
      },
    });
    const after = await keysOf(buyer.token);
    expect(after).not.toContain(key('m-late'));
    expect(after).toContain(key('m-own'));
    expect((await inbox(undertaker.token)).total).toBe(0);
    expect(await keysOf(f1.token)).not.toContain(payment);
  });
});
