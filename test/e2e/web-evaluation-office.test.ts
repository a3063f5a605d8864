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
 * What the evaluation office and the public see of three rules, in the browser against the real
 * system: a member of the public complains without signing in, leaving a phone number; the
 * section head finds a file whose panel lacks an expert in 评估待办 and seats one from the pool;
 * the campaign shows its notice and its phases with their dates.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let admin: ReturnType<typeof http>;
let experts: Person[];
let org: TestOrganization;
let graded: TestOrganization;
let campaignId: string;
let fileId: string;
const consoleErrors: string[] = [];
const TITLE = '2026年度钟楼区社会组织等级评估（办公室页面）';

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, { experts: { perFile: 2 } });
  admin = http(h.baseUrl, await h.login('admin'));
  experts = await createPeople(h, 'evaluator', 2, '办公室页专家');
  const committee = await createPeople(h, 'committee_member', 7, '办公室页评委');
  const review = await createPeople(h, 'committee_member', 5, '办公室页复核');
  await createAgency(h, experts);
  org = await createOrganization(h, { name: '钟楼区专家回避协会' });
  graded = await createOrganization(h, { name: '钟楼区持牌协会' });
  await h.db.grade.create({
    data: {
      organizationId: graded.id,
      level: 3,
      awardingLevel: 'district',
      awardedOn: new Date('2025-06-01T00:00:00Z'),
      expiresOn: new Date('2030-06-01T00:00:00Z'),
      activeFor: graded.id,
      source: 'test',
    },
  });
  // The second expert works for the organisation: one free expert for a panel of two.
  await h.db.expertEmployment.create({
    data: {
      accountId: experts[1]!.id,
      organizationId: org.id,
      startedOn: new Date('2020-01-01'),
      endedOn: null,
    },
  });
  const c = await admin.post('/api/evaluation/campaigns', {
    year: 2026,
    title: TITLE,
    windowOpensAt: new Date(Date.now() - 1000).toISOString(),
    windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    committeeIds: committee.map((p) => p.id),
    reviewCommitteeIds: review.map((p) => p.id),
  });
  expect(c.status).toBe(201);
  campaignId = c.body.id;
  for (let i = 0; i < 100; i++) {
    const r = await admin.get(`/api/evaluation/campaigns/${campaignId}`);
    if (r.body.phase === 'application_window' && r.body.notice) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  const applied = await http(h.baseUrl, org.token).post(
    `/api/evaluation/campaigns/${campaignId}/applications`,
    { selfScore: 880, selfAssessment: '本协会年检连续合格，规范运作。' },
  );
  expect(applied.status).toBe(201);
  fileId = applied.body.id;
  expect(
    (await admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`)).status,
  ).toBe(200);
  await waitForFile(h, org.token, fileId, (v) => v.panelShortBy === 1, 60_000);
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

describe('a complaint from the public, without an account', () => {
  it('given the sign-in page, when someone follows the complaint link, picks a grade and leaves no contact, then the form asks for one; with a phone number it is filed', async () => {
    await page.context().clearCookies();
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: '无需登录，在此举报' }).click();
    await page.getByRole('heading', { name: '社会组织评估举报' }).waitFor();
    const row = page.locator('.work-item', { hasText: graded.name });
    await row.getByRole('button', { name: '举报' }).click();
    await page
      .getByLabel(/^举报的事实和理由/)
      .fill('该协会将评估等级牌匾借给其他单位对外宣传使用。');
    await page.getByLabel(/^举报人姓名/).fill('赵群众');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page
      .locator('.field-invalid', { hasText: '联系电话' })
      .locator('.error', { hasText: '请至少留下联系电话或电子邮箱' })
      .waitFor();
    await page.getByLabel(/^联系电话/).fill('13800001111');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('举报已受理登记').waitFor();
    await shoot(page, '80-public-complaint');
    const row2 = await h.db.evaluationComplaint.findFirstOrThrow({
      where: { organizationId: graded.id },
    });
    expect(row2).toMatchObject({ complainantId: null, contactPhone: '13800001111' });
  });
});

describe('a panel short of experts', () => {
  it('given conflicts leave one expert for a panel of two, then the section head finds the file in 评估待办 and seats a replacement from the pool', async () => {
    await signIn(page, h.baseUrl, h.user('section').username);
    await page.getByRole('link', { name: '评估待办' }).click();
    await page.getByRole('heading', { name: '评估待办' }).waitFor();
    await page.getByText('评估专家不足，待增补1名').waitFor();
    await page.getByRole('link', { name: new RegExp(org.name) }).click();
    const heading = page.locator('.card-head h2', { hasText: /^增补评估专家$/ });
    const card = page.locator('.card', { has: heading });
    await card.getByText('需回避：评估专家现任职于该组织').waitFor();
    await card.getByText('本区专家库中已没有可增补的专家').waitFor();
    await shoot(page, '81-panel-short');

    const [newcomer] = await createPeople(h, 'evaluator', 1, '办公室页增补');
    const agency = await h.db.evaluationAgency.findFirstOrThrow({
      where: { districtCode: h.districtCode },
    });
    await admin.post(`/api/evaluation/agencies/${agency.id}/experts`, {
      accountId: newcomer!.id,
    });
    await page.reload();
    await card.getByRole('button', { name: '从专家库增补' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^评估专家/).selectOption(newcomer!.id);
    await dialog.getByRole('button', { name: '确定' }).click();
    await heading.waitFor({ state: 'detached' });
    await page.getByText('评估办公室从专家库增补评估专家').waitFor();
    await page.locator('.seat-list', { hasText: '办公室页增补1' }).waitFor();
    const v = await waitForFile(h, org.token, fileId, (x) => x.panelShortBy === 0);
    expect(v.evaluators.map((e) => e.id)).toContain(newcomer!.id);
  });
});

describe('the campaign notice and phases', () => {
  it('given the campaign page, then the notice (公告) opens with its text and the phases show where the campaign stands, with dates', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/evaluation/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByText(`关于开展${TITLE}的公告`).click();
    await page.getByText(/登记满2个完整年度/).waitFor();
    const stages = page.getByRole('list', { name: '评估阶段' });
    await stages.locator('li.done', { hasText: '发布评估公告' }).waitFor();
    await stages.locator('li.done', { hasText: '资格审查与组建专家组' }).waitFor();
    await stages.locator('li.current', { hasText: '实地评估与评分' }).waitFor();
    await shoot(page, '82-campaign-stages');
  });

  it('given the pages, then the browser reported no script error', () => {
    // Refusals the pages show (401 before sign-in, 4xx in forms) are answers, not errors.
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
