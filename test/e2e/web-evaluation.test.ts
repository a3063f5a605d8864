import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
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
 * An evaluator's day in the browser against the real system: the campaign, the organisations
 * and the seats are set up through the API (one expert per file), then the expert works in the
 * web front end — only their file, the declaration before any material, the score sheet.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let experts: Person[];
const orgs: TestOrganization[] = [];
const files: string[] = [];
let admin: ReturnType<typeof http>;
const committeeIds = { main: [] as string[], review: [] as string[] };
let mine: { fileId: string; expert: Person; other: string; otherExpert: Person };
const consoleErrors: string[] = [];

async function waitForPhase(campaignId: string, phase: string) {
  for (let i = 0; i < 50; i++) {
    const r = await admin.get(`/api/evaluation/campaigns/${campaignId}`);
    if (r.body.phase === phase) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`campaign ${campaignId} did not reach ${phase}`);
}

const ref = (id: string) => `PG-${id.slice(0, 8).toUpperCase()}`;

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, { experts: { perFile: 1 } });
  admin = http(h.baseUrl, await h.login('admin'));
  experts = await createPeople(h, 'evaluator', 3, '专家');
  const committee = await createPeople(h, 'committee_member', 7, '评估委员');
  const review = await createPeople(h, 'committee_member', 5, '复核委员');
  committeeIds.main = committee.map((p) => p.id);
  committeeIds.review = review.map((p) => p.id);
  await createAgency(h, experts);
  orgs.push(await createOrganization(h, { name: '钟楼区甲协会' }));
  orgs.push(await createOrganization(h, { name: '钟楼区乙协会' }));
  const c = await admin.post('/api/evaluation/campaigns', {
    year: 2026,
    title: '2026年度钟楼区社会组织等级评估',
    windowOpensAt: new Date(Date.now() - 1000).toISOString(),
    windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    committeeIds: committee.map((p) => p.id),
    reviewCommitteeIds: review.map((p) => p.id),
  });
  expect(c.status).toBe(201);
  await waitForPhase(c.body.id, 'application_window');
  for (const org of orgs) {
    const a = await http(h.baseUrl, org.token).post(
      `/api/evaluation/campaigns/${c.body.id}/applications`,
      { selfScore: 880, selfAssessment: `${org.name}自评报告：年检连续合格，制度健全。` },
    );
    expect(a.status).toBe(201);
    files.push(a.body.id);
  }
  expect(
    (await admin.post(`/api/evaluation/campaigns/${c.body.id}/close-applications`)).status,
  ).toBe(200);
  const seated: string[] = [];
  for (const [i, org] of orgs.entries()) {
    const v = await waitForFile(
      h,
      org.token,
      files[i]!,
      (x) => x.status === 'assigned' && x.evaluators.length === 1,
    );
    seated.push(v.evaluators[0]!.id);
  }
  // Balanced workload: one file each (the third expert is free to replace a recused one).
  expect(new Set(seated).size).toBe(2);
  mine = {
    fileId: files[0]!,
    expert: experts.find((e) => e.id === seated[0]) as Person,
    other: files[1]!,
    otherExpert: experts.find((e) => e.id === seated[1]) as Person,
  };
  browser = await openBrowser();
  page = browser.page;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

const sheetRow = () =>
  h.db.evaluationScoreSheet.findUnique({
    where: { fileId_evaluatorId: { fileId: mine.fileId, evaluatorId: mine.expert.id } },
  });

describe('the evaluator in the web front end', () => {
  it('given an evaluator, when they sign in, then they see only the file assigned to them', async () => {
    await signIn(page, h.baseUrl, mine.expert.username);
    await page.getByRole('heading', { name: '分配给我的评估事项' }).waitFor();
    await page.locator('.work-task', { hasText: ref(mine.fileId) }).waitFor();
    expect(await page.locator('.work-item').count()).toBe(1);
    expect(await page.getByText(ref(mine.other)).count()).toBe(0);
    await shoot(page, '30-evaluator-files');
  });

  it('given their file, then the declaration comes before any material, and declaring no conflict opens it', async () => {
    await page.locator('.work-task', { hasText: ref(mine.fileId) }).click();
    await page.getByRole('heading', { name: '利益冲突声明' }).waitFor();
    expect(await page.getByText('自评报告：年检连续合格').count()).toBe(0);
    expect(await page.getByRole('heading', { name: '评分表' }).count()).toBe(0);
    await page.getByRole('button', { name: '提交声明' }).click();
    await page.getByText('请选择有无需要回避的情形').waitFor();
    await shoot(page, '31-evaluator-declaration');
    await page.getByLabel('本人与该组织不存在需要回避的情形').check();
    await page.getByRole('button', { name: '提交声明' }).click();
    await page.getByRole('heading', { name: '申报材料' }).waitFor();
    await page.getByText('自评报告：年检连续合格').waitFor();
    await page.getByRole('heading', { name: '评分表' }).waitFor();
  });

  it('given the score sheet, when a value is over its maximum, then it is refused next to the field with the reason', async () => {
    await page.getByLabel('基础条件（满分 100 分）').fill('120');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page
      .locator('.field-invalid', { hasText: '基础条件' })
      .locator('.error', { hasText: '指标“基础条件”的得分须在 0 至 100 之间' })
      .waitFor();
    await page.getByLabel('加分（0 至 30 分）').fill('31');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.field-invalid .error', { hasText: '加分须在 0 至 30 之间' }).waitFor();
    expect(await sheetRow()).toBeNull();
    await shoot(page, '32-evaluator-sheet-refused');
  });

  it('given valid values, when the draft is saved, then it is stored and comes back after a reload', async () => {
    await page.getByLabel('基础条件（满分 100 分）').fill('90');
    await page.getByLabel('加分（0 至 30 分）').fill('');
    await page.getByLabel('内部治理（满分 350 分）').fill('300');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').waitFor();
    const row = await sheetRow();
    expect(row?.status).toBe('draft');
    expect(row?.scores).toEqual({ scores: { basic: 90, governance: 300 }, bonus: 0 });
    await page.reload();
    await page.getByRole('heading', { name: '评分表' }).waitFor();
    expect(await page.getByLabel('基础条件（满分 100 分）').inputValue()).toBe('90');
  });

  it('given an incomplete sheet, when it is submitted, then the server refuses it and its reason sits next to each missing field', async () => {
    await page.getByRole('button', { name: '提交评分表' }).click();
    await page
      .getByRole('dialog', { name: '提交评分表' })
      .getByRole('button', { name: '确认提交' })
      .click();
    await page
      .locator('.field-invalid', { hasText: '工作绩效' })
      .locator('.error', { hasText: '指标“工作绩效”尚未评分' })
      .waitFor();
    await page
      .locator('.field-invalid', { hasText: '社会评价' })
      .locator('.error', { hasText: '指标“社会评价”尚未评分' })
      .waitFor();
    expect((await sheetRow())?.status).toBe('draft');
  });

  it('given the whole sheet, when it is submitted after the confirmation, then it is read-only with its total', async () => {
    await page.getByLabel('工作绩效（满分 400 分）').fill('300');
    await page.getByLabel('社会评价（满分 150 分）').fill('130');
    await page.getByText('合计 820 分').waitFor();
    await page.getByRole('button', { name: '提交评分表' }).click();
    const dialog = page.getByRole('dialog', { name: '提交评分表' });
    await dialog.getByText('只能提交一次').waitFor();
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('评分表已提交，不能再修改。总分 820 分。').waitFor();
    expect(await page.getByRole('button', { name: '保存草稿' }).count()).toBe(0);
    expect(
      await page.getByLabel('基础条件（满分 100 分）').getAttribute('readonly'),
    ).not.toBeNull();
    expect(await page.getByLabel('加分（0 至 30 分）').inputValue()).toBe('0');
    const row = await sheetRow();
    expect(row?.status).toBe('submitted');
    expect(row?.total).toBe(820);
    await shoot(page, '33-evaluator-sheet-submitted');
  });

  it('given the other file, when its evaluator declares a conflict with its reason, then they are told the file goes to another expert', async () => {
    await signIn(page, h.baseUrl, mine.otherExpert.username);
    await page.locator('.work-task', { hasText: ref(mine.other) }).click();
    await page.getByLabel('本人存在需要回避的情形，申请回避').check();
    await page.getByRole('button', { name: '提交声明' }).click();
    await page.getByText('请写明需要回避的理由').waitFor();
    await page.getByLabel(/^回避理由/).fill('本人担任该协会顾问');
    await page.getByRole('button', { name: '提交声明' }).click();
    await page.getByText('您已声明存在需要回避的情形').waitFor();
    expect(await page.getByText('自评报告：年检连续合格').count()).toBe(0);
    const seat = await h.db.evaluationAssignment.findUniqueOrThrow({
      where: { fileId_evaluatorId: { fileId: mine.other, evaluatorId: mine.otherExpert.id } },
    });
    expect(seat.status).toBe('conflicted');
    expect(seat.conflictNote).toBe('本人担任该协会顾问');
    await page.goto(`${h.baseUrl}/evaluation`);
    await page.getByText('目前没有分配给您的评估事项。').waitFor();
  });

  it('given a new campaign open for applications, when an organisation applies with its self-assessment, then its application shows', async () => {
    const late = await createOrganization(h, { name: '钟楼区丙协会' });
    const account = await h.db.account.findFirstOrThrow({ where: { organizationId: late.id } });
    const c = await admin.post('/api/evaluation/campaigns', {
      year: 2027,
      title: '2027年度钟楼区社会组织等级评估',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: committeeIds.main,
      reviewCommitteeIds: committeeIds.review,
    });
    expect(c.status).toBe(201);
    await waitForPhase(c.body.id, 'application_window');
    await signIn(page, h.baseUrl, account.username);
    await page.getByRole('link', { name: '等级评估' }).click();
    const card = page.locator('.card', { hasText: '2027年度钟楼区社会组织等级评估' });
    await card.getByRole('button', { name: '申报参评' }).click();
    await card.getByText('自评得分须为 0 至 1000 之间的整数').waitFor();
    await card.getByText('请填写自评报告').waitFor();
    await card.getByLabel(/^自评得分/).fill('860');
    await card.getByLabel(/^自评报告/).fill('本会章程健全，年检连续合格。');
    await card.getByRole('button', { name: '申报参评' }).click();
    await card.getByText('本组织已申报').waitFor();
    const file = await h.db.evaluationFile.findFirstOrThrow({ where: { organizationId: late.id } });
    expect(file.selfScore).toBe(860);
    await shoot(page, '34-applicant-campaigns');
  });

  it('given the administrator, then the campaigns show their progress and the district figures', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/evaluation`);
    await page.getByRole('heading', { name: '本区评估统计' }).waitFor();
    await page.getByText('持有有效等级').waitFor();
    const card = page.locator('.card', { hasText: '2026年度钟楼区社会组织等级评估' });
    await card.locator('.eval-progress li').first().waitFor();
    expect(await card.locator('.eval-progress li').first().textContent()).toMatch(
      /^申报\s*2\s*家$/,
    );
    await shoot(page, '35-admin-campaigns');
  });

  it('given the pages so far, then the browser reported no script error', () => {
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
