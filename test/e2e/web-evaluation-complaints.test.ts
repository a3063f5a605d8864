import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { signalOrganizationProfileChanged } from '../../client/grade-client';
import {
  type GradeInput,
  gradeWorkflowId,
  gradeWorkflowType,
} from '../../workflows/evaluation/messages';
import { type Browser, openBrowser, shoot, signIn } from '../support/browser';
import {
  createAgency,
  createOrganization,
  createPeople,
  evaluationRules,
  type Person,
  type TestOrganization,
  waitForFile,
} from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

/**
 * Complaints, disqualification, grades and the Party organisation in the browser against the
 * real system. A campaign is driven to publicity through the API; then a member of the public
 * complains from the public list, the section head verifies, review-committee members vote by
 * name, the administrator counts and the file is disqualified, and the organisation never sees
 * the complaint. The office disqualifies another file (a refusal first, with its reason), records
 * a Party organisation, records a returned certificate and cancels a grade; the organisation
 * reads its grade history.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let admin: ReturnType<typeof http>;
let experts: Person[];
let committee: Person[];
let reviewers: Person[];
let campaignId: string;
let orgX: TestOrganization; // publicised, complained about
let orgY: TestOrganization; // disqualified by the office
let orgG: TestOrganization; // holds a grade
let complainant: TestOrganization;
let fileX: string;
let fileY: string;
let complaintId: string;
const consoleErrors: string[] = [];
const TITLE = '2026年度钟楼区社会组织等级评估（举报测试）';

const as = (token: string) => http(h.baseUrl, token);
const usernameOf = async (org: TestOrganization) =>
  (await h.db.account.findFirstOrThrow({ where: { organizationId: org.id } })).username;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function waitForPhase(phase: string) {
  for (let i = 0; i < 100; i++) {
    const r = await admin.get(`/api/evaluation/campaigns/${campaignId}`);
    if (r.body.phase === phase) return;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`campaign did not reach ${phase}`);
}

/** The seated expert declares no conflict and submits a sheet worth 870 points (3A). */
async function score(org: TestOrganization, fileId: string) {
  const v = await waitForFile(h, org.token, fileId, (x) => x.status === 'assigned', 60_000);
  const seat = v.evaluators.find((e) => e.status === 'assigned');
  const api = as((experts.find((e) => e.id === seat?.id) as Person).token);
  const path = `/api/evaluation/files/${fileId}`;
  expect((await api.post(`${path}/declare-conflict`, { hasConflict: false })).status).toBe(200);
  const sheet = { scores: { basic: 90, governance: 320, performance: 330, social: 130 }, bonus: 0 };
  expect((await api.post(`${path}/submit-sheet`, sheet)).status).toBe(200);
  return waitForFile(h, org.token, fileId, (x) => x.status === 'scored', 60_000);
}

/** Reloads the page until `text` shows (a workflow step runs between two loads). */
async function reloadUntil(text: string, tries = 60) {
  for (let i = 0; i < tries; i++) {
    if ((await page.getByText(text).count()) > 0) return;
    await new Promise((r) => setTimeout(r, 500));
    await page.reload();
    await page.locator('.page-title').first().waitFor();
  }
  throw new Error(`"${text}" never showed`);
}

beforeAll(async () => {
  h = await startHarness();
  // A short verification limit, so that the office's work list marks the complaint overdue.
  await evaluationRules(h, {
    experts: { perFile: 1 },
    limits: { complaintVerification: { amount: 20, unit: 'seconds' } },
  });
  admin = as(await h.login('admin'));
  experts = await createPeople(h, 'evaluator', 2, '举报页专家');
  committee = await createPeople(h, 'committee_member', 7, '举报页评估委员');
  reviewers = await createPeople(h, 'committee_member', 5, '举报页复核委员');
  await createAgency(h, experts);
  orgX = await createOrganization(h, { name: '钟楼区被举报服务中心' });
  orgY = await createOrganization(h, { name: '钟楼区弄虚作假协会' });
  orgG = await createOrganization(h, { name: '钟楼区持证协会' });
  complainant = await createOrganization(h, { name: '钟楼区热心公益社' });
  const c = await admin.post('/api/evaluation/campaigns', {
    year: 2026,
    title: TITLE,
    windowOpensAt: new Date(Date.now() - 1000).toISOString(),
    windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    committeeIds: committee.map((p) => p.id),
    reviewCommitteeIds: reviewers.map((p) => p.id),
  });
  expect(c.status).toBe(201);
  campaignId = c.body.id;
  await waitForPhase('application_window');
  browser = await openBrowser();
  page = browser.page;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

describe('evidence with an application', () => {
  it('given the open window, when the organisation uploads evidence and applies, then the application names the stored file', async () => {
    await signIn(page, h.baseUrl, await usernameOf(orgX));
    await page.getByRole('link', { name: '等级评估' }).click();
    const card = page.locator('.card', { hasText: TITLE });
    await card.getByLabel(/^自评得分/).fill('870');
    await card.getByLabel(/^自评报告/).fill('本中心服务社区老人，年检连续合格。');
    await card.locator('input[data-evidence-upload]').setInputFiles({
      name: '2025年度审计报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await card.getByText('2025年度审计报告.pdf').waitFor();
    await card.getByRole('button', { name: '申报参评' }).click();
    await card.getByText('本组织已申报').waitFor();
    const row = await h.db.evaluationFile.findFirstOrThrow({ where: { organizationId: orgX.id } });
    fileX = row.id;
    expect(row.evidenceFileIds).toHaveLength(1);
    const stored = await h.db.storedFile.findUniqueOrThrow({
      where: { id: row.evidenceFileIds[0] as string },
    });
    expect(stored).toMatchObject({ organizationId: orgX.id, fileName: '2025年度审计报告.pdf' });

    // The rest of the campaign up to publicity is not under test: through the API.
    const y = await as(orgY.token).post(`/api/evaluation/campaigns/${campaignId}/applications`, {
      selfScore: 900,
      selfAssessment: '本会年检连续合格。',
    });
    expect(y.status).toBe(201);
    fileY = y.body.id;
    expect(
      (await admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`)).status,
    ).toBe(200);
    await score(orgX, fileX);
    await score(orgY, fileY);
    for (const p of committee.slice(0, 5)) {
      const r = await as(p.token).post(`/api/evaluation/files/${fileX}/vote`, { approve: true });
      expect(r.status).toBe(200);
    }
    expect((await admin.post(`/api/evaluation/files/${fileX}/close-vote`)).status).toBe(200);
    await waitForFile(h, orgX.token, fileX, (v) => v.status === 'publicised');
  }, 240_000);
});

describe('a complaint from the public list to the ruling', () => {
  it('given a result under publicity, when a member of the public complains from the public list, then the form asks for the facts and the complaint shows as waiting for verification', async () => {
    await signIn(page, h.baseUrl, await usernameOf(complainant));
    await page.getByRole('link', { name: '公示与举报' }).click();
    await page.getByRole('heading', { name: '评估结果公示与举报' }).waitFor();
    await page.getByText('您还没有提出过举报。').waitFor();
    const row = page.locator('table.public-results tr', { hasText: orgX.name });
    await row.getByText('3A').waitFor();
    await shoot(page, '66-public-results');
    await row.getByRole('button', { name: '举报' }).click();
    const dialog = page.getByRole('dialog', { name: '提出举报' });
    await dialog.getByRole('button', { name: '确定' }).click();
    // The server's own check, beside the field.
    await dialog.locator('.field-invalid .error').first().waitFor();
    await dialog
      .getByLabel(/^举报的事实和理由/)
      .fill('该中心申报材料中的服务人次与社区台账不符，部分活动照片系其他组织的活动。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: /^举报 JB-/ }).waitFor();
    const c = await h.db.evaluationComplaint.findFirstOrThrow({ where: { fileId: fileX } });
    complaintId = c.id;
    const account = await h.db.account.findFirstOrThrow({
      where: { organizationId: complainant.id },
    });
    expect(c.complainantId).toBe(account.id);
    await page.locator('.file-status').getByText('待核实').waitFor();
    await page.getByText('评估办公室正在核实举报反映的问题').waitFor();
    await reloadUntil('核实期限');
    await shoot(page, '67-complaint-filed');
  }, 120_000);

  it('given the filed complaint, then the organisation complained about sees neither it nor its complainant', async () => {
    await signIn(page, h.baseUrl, await usernameOf(orgX));
    await page.getByRole('link', { name: '公示与举报' }).click();
    await page.getByText('您还没有提出过举报。').waitFor();
    const own = page.locator('table.public-results tr', { hasText: orgX.name });
    await own.getByText('本组织').waitFor();
    expect(await own.getByRole('button', { name: '举报' }).count()).toBe(0);
    await page.goto(`${h.baseUrl}/evaluation/complaints/${complaintId}`);
    await page.getByRole('alert').getByText('没有找到该举报').waitFor();
    expect(await page.getByText('服务人次与社区台账不符').count()).toBe(0);
    await page.goto(`${h.baseUrl}/evaluation/files/${fileX}`);
    await page.getByRole('heading', { name: orgX.name }).waitFor();
    expect(
      await page
        .locator('.file-page')
        .getByText(/JB-|服务人次与社区台账不符|待核实/)
        .allInnerTexts(),
    ).toEqual([]);
    const list = await as(orgX.token).get('/api/evaluation/complaints');
    expect(list.body.items).toEqual([]);
  }, 120_000);

  it('given the office work list, when the section head verifies the complaint, then it goes to the review committee', async () => {
    await signIn(page, h.baseUrl, h.user('section').username);
    await page.getByRole('link', { name: '举报办理' }).click();
    // Other test files share the database and may leave complaints of their own to verify.
    await page.getByRole('heading', { name: /^待核实（\d+）$/ }).waitFor();
    const item = page.locator('.work-item', { hasText: orgX.name });
    await item.getByText('核实期限').waitFor();
    await reloadUntil('已逾期');
    await item.locator('.badge', { hasText: '已逾期' }).waitFor();
    await shoot(page, '68-office-complaints');
    await item.locator('.work-link').click();
    await page.getByRole('heading', { name: '核实举报' }).waitFor();
    await page.getByRole('button', { name: '核实属实，提交复核委员会' }).click();
    const dialog = page.getByRole('dialog', { name: '核实属实，提交复核委员会' });
    await dialog.getByLabel(/^核实情况/).fill('调取社区台账核对，服务人次虚报属实。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.locator('.file-status').getByText('复核委员会审议中').waitFor();
    await page.getByRole('heading', { name: '复核委员会计票' }).waitFor();
    const c = await h.db.evaluationComplaint.findUniqueOrThrow({ where: { id: complaintId } });
    expect(c.status).toBe('verified');
  }, 120_000);

  it('given the verified complaint, then a review-committee member finds it in their work list and votes by name; a second vote is refused with its reason', async () => {
    const member = reviewers[0] as Person;
    await signIn(page, h.baseUrl, member.username);
    await page.getByRole('heading', { name: '待我表决的举报' }).waitFor();
    const item = page.locator('.work-item', { hasText: orgX.name });
    await item.getByText('复核委员会表决').waitFor();
    await shoot(page, '79-committee-complaint-worklist');
    await item.locator('.work-link').click();
    await page.getByText('服务人次与社区台账不符').waitFor();
    await page.getByRole('button', { name: '赞成', exact: true }).click();
    await page.getByText('您将投赞成票，确认提交吗？').waitFor();
    await shoot(page, '69-committee-complaint-vote');
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('heading', { name: '复核委员会记名表决' }).waitFor();
    await page.locator('table tr', { hasText: '举报页复核委员1' }).getByText('赞成').waitFor();
    expect(await page.getByRole('heading', { name: '复核委员会表决' }).count()).toBe(0);

    // A page opened before voting elsewhere: the workflow refuses, the reason shows.
    const second = reviewers[1] as Person;
    await signIn(page, h.baseUrl, second.username);
    await page.goto(`${h.baseUrl}/evaluation/complaints/${complaintId}`);
    await page.getByRole('heading', { name: '复核委员会表决' }).waitFor();
    const direct = await as(second.token).post(`/api/evaluation/complaints/${complaintId}/vote`, {
      approve: true,
    });
    expect(direct.status).toBe(200);
    await page.getByRole('button', { name: '反对', exact: true }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page
      .locator('.card', { hasText: '复核委员会表决' })
      .getByRole('alert')
      .getByText('您已经投过票')
      .waitFor();
    await shoot(page, '70-committee-complaint-vote-refused');
    const votes = await h.db.evaluationComplaintVote.findMany({
      where: { complaintId, memberId: second.id },
    });
    expect(votes.map((v) => v.approve)).toEqual([true]);
  }, 120_000);

  it('given four votes, when the administrator counts them, then the complaint is upheld and the file is disqualified', async () => {
    for (const p of reviewers.slice(2, 4)) {
      const r = await as(p.token).post(`/api/evaluation/complaints/${complaintId}/vote`, {
        approve: p === reviewers[2],
      });
      expect(r.status).toBe(200);
    }
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.getByRole('link', { name: '举报办理' }).click();
    await page.getByRole('heading', { name: /^复核委员会审议中（\d+）$/ }).waitFor();
    await page.locator('.work-item', { hasText: orgX.name }).locator('.work-link').click();
    await page.getByText('已有 4 名委员投票').waitFor();
    await page.getByRole('button', { name: '计票' }).click();
    await page
      .getByRole('dialog', { name: '复核委员会计票' })
      .getByRole('button', { name: '确定' })
      .click();
    await page.getByRole('heading', { name: '裁定结果：举报成立' }).waitFor();
    await page
      .getByText('全体委员 5 人，出席 4 人，赞成 3 票；赞成票超过全体委员半数，通过')
      .waitFor();
    await reloadUntil('已取消该组织本次评估资格，初评得分作废。');
    await shoot(page, '71-office-complaint-upheld');
    const f = await waitForFile(h, orgX.token, fileX, (v) => v.status === 'disqualified');
    expect(f.disqualification).toMatchObject({ ground: 'complaint_upheld', complaintId });

    await page.getByRole('link', { name: /^评估事项 PG-/ }).click();
    await page.getByRole('heading', { name: '已取消本次评估资格' }).waitFor();
    await page.getByText('举报经复核委员会裁定成立').first().waitFor();
    await page.getByText('已作废，不再计入').first().waitFor();
    await page.locator('.file-status').getByText('已取消评估资格').waitFor();
    // The evidence the organisation uploaded is on the office's page.
    await page.locator('.summary-row', { hasText: '证明材料' }).getByText('1 份').waitFor();
    expect(await page.getByRole('button', { name: '取消评估资格' }).count()).toBe(0);
  }, 180_000);

  it('given the ruling, then the complainant reads the written outcome on their complaint', async () => {
    await signIn(page, h.baseUrl, await usernameOf(complainant));
    await page.getByRole('link', { name: '公示与举报' }).click();
    const mine = page.locator('.work-item', { hasText: orgX.name });
    await mine.getByText('举报成立').waitFor();
    await mine.locator('.work-link').click();
    await page.getByRole('heading', { name: '裁定结果：举报成立' }).waitFor();
    await page.getByText('已取消该组织本次评估资格，初评得分作废。').waitFor();
    // Named votes are the committee's and the office's, not the complainant's.
    expect(await page.getByRole('heading', { name: '复核委员会记名表决' }).count()).toBe(0);
    await shoot(page, '72-complainant-outcome');
  }, 120_000);
});

describe('the office disqualifies a file', () => {
  it('given a scored file, when the office picks the complaint ground without a complaint, then the refusal shows its reason; on a listed ground with the facts, the file is disqualified and its score no longer counts', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/evaluation/files/${fileY}`);
    await page.getByRole('heading', { name: orgY.name }).waitFor();
    await page.getByRole('button', { name: '取消评估资格' }).click();
    const dialog = page.getByRole('dialog', { name: '取消评估资格' });
    await dialog.getByLabel(/^事由/).selectOption('complaint_upheld');
    await dialog.getByLabel(/^具体事实和理由/).fill('有人举报');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByRole('alert').getByText('以举报成立为由取消资格的，须指明该举报').waitFor();
    await shoot(page, '73-disqualify-refused');
    await dialog.getByLabel(/^事由/).selectOption('evaluation_fraud');
    await dialog
      .getByLabel(/^具体事实和理由/)
      .fill('申报的获奖证书经核实系伪造，评估材料弄虚作假。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '已取消本次评估资格' }).waitFor();
    await page.getByText('在评估中弄虚作假').first().waitFor();
    await page.locator('.file-status').getByText('已取消评估资格').waitFor();
    await page.getByText('已作废，不再计入').first().waitFor();
    await shoot(page, '74-file-disqualified');
    const row = await h.db.evaluationFile.findUniqueOrThrow({ where: { id: fileY } });
    expect(row).toMatchObject({ status: 'disqualified', scoreCancelled: true, finalScore: 870 });

    await page.goto(`${h.baseUrl}/evaluation/campaigns/${campaignId}`);
    const tr = page.locator('table.eval-files tr', { hasText: orgY.name });
    await tr.getByText('已取消评估资格').waitFor();
    await tr.getByText('已作废').waitFor();
  }, 180_000);
});

describe('the organisation profile and its grade', () => {
  let gradeId: string;

  beforeAll(async () => {
    // A 3A grade as confirmation leaves it, then a failed inspection downgrades it to 2A.
    const expiresOn = `${Number(today().slice(0, 4)) + 5}-01-31`;
    const g = await h.db.grade.create({
      data: {
        organizationId: orgG.id,
        level: 3,
        awardingLevel: 'district',
        awardedOn: new Date(`${today()}T00:00:00Z`),
        expiresOn: new Date(`${expiresOn}T00:00:00Z`),
        activeFor: orgG.id,
        source: 'test',
        sourceId: randomUUID(),
      },
    });
    gradeId = g.id;
    const input: GradeInput = {
      organizationId: orgG.id,
      grade: {
        id: g.id,
        level: 3,
        awardedOn: today(),
        expiresOn,
        expiresAt: Date.parse(`${expiresOn}T23:59:59+08:00`),
        hasCertificate: true,
      },
    };
    await h.client.workflow.start(gradeWorkflowType, {
      taskQueue: h.config.TEMPORAL_TASK_QUEUE,
      workflowId: gradeWorkflowId(orgG.id),
      args: [input],
    });
    await h.db.annualInspection.create({
      data: { organizationId: orgG.id, year: 2026, result: 'fail' },
    });
    for (let i = 0; i < 100; i++) {
      await signalOrganizationProfileChanged(h.client, orgG.id).catch(() => false);
      const r = await admin.get(`/api/evaluation/organizations/${orgG.id}/grade`);
      if (r.status === 200 && r.body.grade?.level === 2 && r.body.certificateDue) return;
      await new Promise((res) => setTimeout(res, 300));
    }
    throw new Error('the grade was not downgraded');
  }, 120_000);

  it('given the administration module, when the administrator records a Party organisation, then the profile shows it with the day', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.getByRole('link', { name: '组织档案' }).click();
    await page.getByRole('heading', { name: '组织档案' }).waitFor();
    await page.getByLabel('组织名称或统一社会信用代码').fill(orgG.name);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByRole('link', { name: orgG.name }).click();
    await page.getByRole('heading', { name: orgG.name, level: 1 }).waitFor();
    const party = page.locator('.card', { hasText: '党组织' });
    await party.getByText('尚未登记').waitFor();
    await party.getByRole('button', { name: '登记党组织情况' }).click();
    await party.getByRole('button', { name: '登记', exact: true }).click();
    await party.getByText('请选择是否已建立党组织').waitFor();
    await party.getByText('请说明依据').waitFor();
    await party.getByLabel('已建立').check();
    await party.getByLabel(/^依据/).fill('钟楼区社会组织党委批复（钟社党〔2026〕12号）');
    await party.getByRole('button', { name: '登记', exact: true }).click();
    await party.getByText(/^已建立党组织（/).waitFor();
    const org = await h.db.organization.findUniqueOrThrow({ where: { id: orgG.id } });
    expect(org.hasPartyOrganization).toBe(true);
    await shoot(page, '75-organization-profile');
  }, 120_000);

  it('given a downgraded grade, when the administrator records the returned certificate and cancels the grade, then each asks what it needs and the refusal shows its reason', async () => {
    const grades = page.locator('.card', { hasText: '当前等级' });
    await grades.getByText('2A').waitFor();
    await grades.getByText('原证书和牌匾', { exact: true }).waitFor();
    await grades.getByRole('button', { name: '登记证书牌匾已交回' }).click();
    await page
      .getByRole('dialog', { name: '登记原证书和牌匾已交回' })
      .getByRole('button', { name: '确定' })
      .click();
    await grades.getByRole('button', { name: '登记证书牌匾已交回' }).waitFor({ state: 'detached' });
    expect(await page.getByText('原证书和牌匾', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: '取消评估等级' }).click();
    const dialog = page.getByRole('dialog', { name: '取消评估等级' });
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.locator('.field-invalid .error').waitFor();
    await shoot(page, '76-grade-cancel-refused');
    await dialog
      .getByLabel(/^取消等级的理由/)
      .fill('经查该会在评估中提供虚假材料，依法取消评估等级。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.locator('.card', { hasText: '当前等级' }).getByText('已撤销').waitFor();
    const rows = await h.db.grade.findMany({
      where: { organizationId: orgG.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows.map((r) => [r.level, r.status])).toEqual([
      [3, 'downgraded'],
      [2, 'cancelled'],
    ]);
    expect(rows[0]?.id).toBe(gradeId);
    await shoot(page, '77-grade-cancelled');
  }, 120_000);

  it('given its grades, then the organisation reads its grade history with expiry on its evaluation page', async () => {
    await signIn(page, h.baseUrl, await usernameOf(orgG));
    await page.getByRole('link', { name: '等级评估' }).click();
    await page.getByRole('heading', { name: '本组织评估等级' }).waitFor();
    const history = page.locator('table.grade-history');
    await history.locator('tr', { hasText: '3A' }).getByText('已降级').waitFor();
    await history.locator('tr', { hasText: '2A' }).getByText('已撤销').waitFor();
    await history
      .getByText(`${Number(today().slice(0, 4)) + 5}年1月31日`)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: '取消评估等级' }).count()).toBe(0);
    await shoot(page, '78-applicant-grades');
  }, 120_000);

  it('given the pages, then the browser reported no script error', () => {
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
