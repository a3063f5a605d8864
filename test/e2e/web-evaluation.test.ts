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
let committee: Person[];
let reviewers: Person[];
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

const PUBLICITY_SECONDS = 90;

/** The number people read for a file (PG-2026-0001), as the application gave it. */
const ref = async (id: string) =>
  (await h.db.evaluationFile.findUniqueOrThrow({ where: { id } })).fileNo ?? '';

beforeAll(async () => {
  h = await startHarness();
  // A short publicity, so that a grade is confirmed (and certified) while the file runs.
  await evaluationRules(h, {
    experts: { perFile: 1 },
    limits: { publicity: { amount: PUBLICITY_SECONDS, unit: 'seconds' } },
  });
  admin = http(h.baseUrl, await h.login('admin'));
  experts = await createPeople(h, 'evaluator', 3, '专家');
  committee = await createPeople(h, 'committee_member', 7, '评估委员');
  reviewers = await createPeople(h, 'committee_member', 5, '复核委员');
  const review = reviewers;
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
    // Files carry a number people can quote, not an id.
    expect(await ref(mine.fileId)).toMatch(/^PG-\d{4}-\d{4}$/);
    await page.locator('.work-task', { hasText: await ref(mine.fileId) }).waitFor();
    expect(await page.locator('.work-item').count()).toBe(1);
    expect(await page.getByText(await ref(mine.other)).count()).toBe(0);
    await shoot(page, '30-evaluator-files');
  });

  it('given their file, then the declaration comes before any material, and declaring no conflict opens it', async () => {
    await page.locator('.work-task', { hasText: await ref(mine.fileId) }).click();
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
    await page.locator('.work-task', { hasText: await ref(mine.other) }).click();
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
    // The organisation learns first that it may apply, and on what ground.
    await card.getByText('本组织符合申报条件（登记满2个年度）').waitFor();
    await card.getByRole('button', { name: '申报参评' }).click();
    await card.getByText('请填写自评得分').waitFor();
    await card.getByText('请填写自评报告').waitFor();
    await card.getByLabel(/^自评得分/).fill('1200');
    await card.getByRole('button', { name: '申报参评' }).click();
    await card.getByText('「1200」不在 0 至 1000 之间，或不是整数').waitFor();
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

/**
 * A campaign's whole way through the browser: the administrator opens it and closes the window,
 * an organisation applies and asks for an expert to step aside, experts score (through the API),
 * committee members vote by name, the administrator counts the votes and records a city's 4A,
 * the organisation objects during publicity, the review committee votes, and the certificate of
 * the confirmed 4A is downloaded. Refusals show the workflow's reason beside the action.
 */
describe('a campaign from notice to certificate in the web front end', () => {
  const TITLE = '2028年度钟楼区社会组织等级评估';
  let campaignId: string;
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  let fileA: string;
  let fileB: string;
  const as = (token: string) => http(h.baseUrl, token);

  /** The single seated expert declares no conflict and submits a sheet worth `scores`. */
  async function scoreThroughApi(
    org: TestOrganization,
    fileId: string,
    scores: Record<string, number>,
  ) {
    const v = await waitForFile(h, org.token, fileId, (x) =>
      x.evaluators.some((e) => e.status === 'assigned'),
    );
    const seat = v.evaluators.find((e) => e.status === 'assigned');
    const expert = experts.find((e) => e.id === seat?.id) as Person;
    const api = as(expert.token);
    expect(
      (await api.post(`/api/evaluation/files/${fileId}/declare-conflict`, { hasConflict: false }))
        .status,
    ).toBe(200);
    const r = await api.post(`/api/evaluation/files/${fileId}/submit-sheet`, { scores, bonus: 0 });
    expect(r.status).toBe(200);
  }

  const vote = (p: Person, fileId: string, approve: boolean, path = 'vote') =>
    as(p.token).post(`/api/evaluation/files/${fileId}/${path}`, { approve });

  /** Reloads the page until `text` shows (a workflow step runs between two loads). */
  async function reloadUntil(text: string, tries = 40) {
    for (let i = 0; i < tries; i++) {
      if ((await page.getByText(text).count()) > 0) return;
      await new Promise((r) => setTimeout(r, 500));
      await page.reload();
      await page.locator('.page-title').first().waitFor();
    }
    throw new Error(`"${text}" never showed`);
  }

  it('given the administrator, when they open a campaign with both committees picked from the accounts, then its page shows it open for applications', async () => {
    orgA = await createOrganization(h, { name: '钟楼区丁协会' });
    orgB = await createOrganization(h, { name: '钟楼区戊协会' });
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/evaluation`);
    await page.getByRole('link', { name: '发布评估通知' }).click();
    await page.getByRole('heading', { name: '发布评估通知' }).waitFor();
    await page.getByLabel(/^年度/).fill('2028');
    await page.getByLabel(/^评估活动名称/).fill(TITLE);
    // The shared schema speaks first: no committee picked yet.
    await page.getByRole('button', { name: '发布通知并开启评估' }).click();
    await page.getByText('请选择评估委员会委员').waitFor();
    await page.getByText('请选择复核委员会委员').waitFor();
    for (const p of committee)
      await page.locator('fieldset', { hasText: '评估委员会（' }).getByLabel(p.username).check();
    for (const p of reviewers)
      await page.locator('fieldset', { hasText: '复核委员会（' }).getByLabel(p.username).check();
    await page.getByText('评估委员会（已选 7 人）').waitFor();
    await shoot(page, '36-admin-campaign-form');
    await page.getByRole('button', { name: '发布通知并开启评估' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const row = await h.db.evaluationCampaign.findFirstOrThrow({
      where: { districtCode: h.districtCode, year: 2028 },
    });
    campaignId = row.id;
    expect(row.committeeIds.sort()).toEqual([...committeeIds.main].sort());
    expect(row.reviewCommitteeIds.sort()).toEqual([...committeeIds.review].sort());
    await waitForPhase(campaignId, 'application_window');
    await reloadUntil('申报中');
    expect(await page.locator('a.temporal-link').getAttribute('href')).toContain(
      `evaluation-campaign-${campaignId}`,
    );
  }, 120_000);

  it('given the open window, when an organisation applies in the browser and the administrator closes applications, then each file is assessed and shown on the campaign page', async () => {
    const account = await h.db.account.findFirstOrThrow({ where: { organizationId: orgA.id } });
    await signIn(page, h.baseUrl, account.username);
    await page.getByRole('link', { name: '等级评估' }).click();
    const card = page.locator('.card', { hasText: TITLE });
    await card.getByLabel(/^自评得分/).fill('870');
    await card.getByLabel(/^自评报告/).fill('本会制度健全，财务规范，年检连续合格。');
    await card.getByRole('button', { name: '申报参评' }).click();
    await card.getByText('本组织已申报').waitFor();
    fileA = (await h.db.evaluationFile.findFirstOrThrow({ where: { organizationId: orgA.id } })).id;
    const b = await as(orgB.token).post(`/api/evaluation/campaigns/${campaignId}/applications`, {
      selfScore: 930,
      selfAssessment: '本会服务覆盖全区，获评市级先进社会组织。',
    });
    expect(b.status).toBe(201);
    fileB = b.body.id;

    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/evaluation/campaigns/${campaignId}`);
    await page.getByRole('button', { name: '截止申报' }).click();
    await page
      .getByRole('dialog', { name: '截止申报' })
      .getByRole('button', { name: '确定' })
      .click();
    await page.getByText('资格审查与评估').waitFor();
    await reloadUntil('评估中');
    const table = page.locator('table.eval-files');
    await table.getByRole('link', { name: orgA.name }).waitFor();
    await table.getByRole('link', { name: orgB.name }).waitFor();
    await waitForFile(h, orgB.token, fileB, (v) => v.status === 'assigned');
    await waitForFile(h, orgA.token, fileA, (v) => v.status === 'assigned');
    await page.reload();
    expect(await table.locator('tr', { hasText: orgA.name }).textContent()).toContain('评估中');
    await shoot(page, '37-admin-campaign');
  }, 120_000);

  it('given its file being scored, when the organisation asks that its expert step aside, then the form checks the request and the expert is replaced', async () => {
    const before = await waitForFile(h, orgA.token, fileA, (v) => v.evaluators.length === 1);
    const first = before.evaluators[0]!;
    const account = await h.db.account.findFirstOrThrow({ where: { organizationId: orgA.id } });
    await signIn(page, h.baseUrl, account.username);
    await page.getByRole('link', { name: '等级评估' }).click();
    await page
      .locator('.card', { hasText: TITLE })
      .getByRole('link', { name: '查看评估进度' })
      .click();
    await page.getByRole('heading', { name: orgA.name }).waitFor();
    await page.getByText('当前步骤：评估专家正在评估').waitFor();
    // Publicity has not begun: an objection would be refused, so it is not offered.
    expect(await page.getByRole('button', { name: '提出异议或申请复核' }).count()).toBe(0);
    await page.getByRole('button', { name: '申请专家回避' }).click();
    const dialog = page.getByRole('dialog', { name: '申请评估专家回避' });
    await dialog.getByRole('button', { name: '提交回避申请' }).click();
    await dialog.locator('.error', { hasText: '请选择专家' }).waitFor();
    await dialog.locator('.error', { hasText: '请填写申请回避的理由' }).waitFor();
    await dialog.getByLabel(/^申请回避的专家/).selectOption(first.id);
    await dialog.getByLabel(/^回避理由/).fill('该专家去年曾为本会提供有偿咨询服务');
    await dialog.getByRole('button', { name: '提交回避申请' }).click();
    await page.getByText('组织申请专家回避，已改派').waitFor();
    await page.locator('.seat-list li', { hasText: '应申请回避' }).waitFor();
    const seat = await h.db.evaluationAssignment.findUniqueOrThrow({
      where: { fileId_evaluatorId: { fileId: fileA, evaluatorId: first.id } },
    });
    expect(seat.status).toBe('recused');
    const after = await waitForFile(h, orgA.token, fileA, (v) => v.evaluators.length === 2);
    expect(after.evaluators.find((e) => e.id !== first.id)?.status).toBe('assigned');
    await shoot(page, '38-applicant-file-recusal');
  }, 120_000);

  it('given a 4A score beyond the district, when the administrator records the city result, then the file goes to publicity', async () => {
    // 920 points: 4A, beyond the district's 3A; 870 points: 3A.
    await scoreThroughApi(orgB, fileB, {
      basic: 95,
      governance: 330,
      performance: 360,
      social: 135,
    });
    await scoreThroughApi(orgA, fileA, {
      basic: 90,
      governance: 320,
      performance: 330,
      social: 130,
    });
    await waitForFile(h, orgB.token, fileB, (v) => v.status === 'scored');
    for (const p of committee.slice(0, 5)) expect((await vote(p, fileB, true)).status).toBe(200);
    expect((await admin.post(`/api/evaluation/files/${fileB}/close-vote`)).status).toBe(200);

    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/evaluation/files/${fileB}`);
    await page.getByText('当前步骤：已推荐上级民政部门评定，等待评定结果').waitFor();
    await page.getByRole('button', { name: '登记评定结果' }).click();
    const dialog = page.getByRole('dialog', { name: '登记上级评定结果' });
    await dialog.getByLabel(/^评定机关/).selectOption('city');
    await dialog.getByLabel(/^评定等级/).selectOption('4');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.locator('.decision-outcome', { hasText: '拟评定等级 4A' }).waitFor();
    await page.locator('.summary-row', { hasText: '评定机关' }).getByText('市民政局').waitFor();
    const f = await h.db.evaluationFile.findUniqueOrThrow({ where: { id: fileB } });
    expect(f.status).toBe('publicised');
    expect(f.decidedLevel).toBe(4);
  }, 120_000);

  it('given a committee member, then their work list shows the file waiting for their vote, with its score, and they vote by name', async () => {
    await waitForFile(h, orgA.token, fileA, (v) => v.status === 'scored');
    const member = committee[0]!;
    await signIn(page, h.baseUrl, member.username);
    await page.getByRole('heading', { name: '待我表决的评估事项' }).waitFor();
    const item = page.locator('.work-item', { hasText: orgA.name });
    await item.getByText('评估得分 870 分').waitFor();
    // B is past its vote: it is not on the list.
    expect(await page.locator('.work-item', { hasText: orgB.name }).count()).toBe(0);
    await shoot(page, '39-committee-worklist');
    await item.locator('.work-link').click();
    await page.getByRole('heading', { name: '评估委员会表决' }).waitFor();
    await page.getByText('870 分').first().waitFor();
    await page.getByRole('button', { name: '赞成', exact: true }).click();
    await page.getByText('您将投赞成票，确认提交吗？').waitFor();
    await shoot(page, '60-committee-vote');
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('heading', { name: '评估委员会记名表决' }).waitFor();
    await page.locator('table tr', { hasText: '评估委员1' }).getByText('赞成').waitFor();
    expect(await page.getByRole('heading', { name: '评估委员会表决' }).count()).toBe(0);
    const v = await h.db.evaluationVote.findFirstOrThrow({
      where: { fileId: fileA, memberId: member.id },
    });
    expect(v.approve).toBe(true);
    // Voted: the file leaves the list; the scored file of the first campaign still waits.
    await page.goto(`${h.baseUrl}/evaluation`);
    await page.locator('.work-item', { hasText: await ref(mine.fileId) }).waitFor();
    expect(await page.locator('.work-item', { hasText: orgA.name }).count()).toBe(0);
  }, 120_000);

  it('given a member who already voted elsewhere, when they vote again on a page opened before, then the refusal shows its reason beside the buttons', async () => {
    const member = committee[1]!;
    await signIn(page, h.baseUrl, member.username);
    await page.goto(`${h.baseUrl}/evaluation/files/${fileA}`);
    await page.getByRole('heading', { name: '评估委员会表决' }).waitFor();
    expect((await vote(member, fileA, false)).status).toBe(200);
    await page.getByRole('button', { name: '赞成', exact: true }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page
      .locator('.card', { hasText: '评估委员会表决' })
      .getByRole('alert')
      .getByText('您已经投过票')
      .waitFor();
    await shoot(page, '61-committee-vote-refused');
    const votes = await h.db.evaluationVote.findMany({
      where: { fileId: fileA, memberId: member.id },
    });
    expect(votes.map((x) => x.approve)).toEqual([false]);
  }, 120_000);

  it('given files still open, when the administrator tries to close the campaign, then the refusal names them; counting the votes puts the file to publicity', async () => {
    for (const p of committee.slice(2, 5)) expect((await vote(p, fileA, true)).status).toBe(200);
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/evaluation/campaigns/${campaignId}`);
    await page.getByRole('button', { name: '结束评估活动' }).click();
    const dialog = page.getByRole('dialog', { name: '结束评估活动' });
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByRole('alert').getByText('还有 2 个评估事项尚未办结').waitFor();
    await shoot(page, '62-admin-close-refused');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(
      (await h.db.evaluationCampaign.findUniqueOrThrow({ where: { id: campaignId } })).phase,
    ).toBe('assessment');

    await page.locator('table.eval-files').getByRole('link', { name: orgA.name }).click();
    await page.getByRole('heading', { name: '评估委员会计票' }).waitFor();
    await page.getByText('已有 5 名委员投票').waitFor();
    // Before the grade is confirmed the office may still take the file out of the evaluation.
    await page.getByRole('button', { name: '取消评估资格' }).waitFor();
    // Nothing was recommended upward, nor is a review open: those decisions are not offered.
    expect(await page.getByRole('button', { name: '登记评定结果' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '复核计票' }).count()).toBe(0);
    await page.getByRole('button', { name: '计票' }).click();
    await page
      .getByRole('dialog', { name: '评估委员会计票' })
      .getByRole('button', { name: '确定' })
      .click();
    await page.locator('.decision-outcome', { hasText: '拟评定等级 3A' }).waitFor();
    await page
      .getByText('全体委员 7 人，出席 5 人，赞成 4 票；赞成票超过全体委员半数，通过')
      .waitFor();
    // Counted: a second count would be refused, so it is offered no more.
    expect(await page.getByRole('button', { name: '计票', exact: true }).count()).toBe(0);
    await page.getByText('确定拟评定等级并公示').waitFor();
    await page.locator('.timeline', { hasText: '评估委员1' }).waitFor();
    expect(await page.locator('a.temporal-link').getAttribute('href')).toContain(
      `evaluation-file-${fileA}`,
    );
    await shoot(page, '63-admin-file');
  }, 120_000);

  it('given publicity, when the organisation objects with its reason, then the form checks it first and the file goes to the review committee', async () => {
    const account = await h.db.account.findFirstOrThrow({ where: { organizationId: orgA.id } });
    await signIn(page, h.baseUrl, account.username);
    await page.goto(`${h.baseUrl}/evaluation/files/${fileA}`);
    await page.getByRole('heading', { name: '提出异议或申请复核' }).waitFor();
    await page.locator('.head-deadline', { hasText: '公示期至' }).waitFor();
    // Named votes and the experts' declarations are the committee's, not the organisation's.
    expect(await page.getByText('评估委员会委员表决').count()).toBe(0);
    // Experts have scored: a recusal would be refused, so it is not offered.
    expect(await page.getByRole('button', { name: '申请专家回避' }).count()).toBe(0);
    await page.getByRole('button', { name: '提出异议或申请复核' }).click();
    const dialog = page.getByRole('dialog', { name: '提出异议或申请复核' });
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await dialog.getByText('请选择异议或复核').waitFor();
    await dialog.getByText('请填写异议或复核的理由').waitFor();
    await dialog.getByLabel('提出异议（认为评估过程或结果有误）').check();
    await dialog.getByLabel(/^请求评定的等级/).selectOption('4');
    await dialog.getByLabel(/^理由/).fill('工作绩效一项未计入本会承接的三个政府购买服务项目。');
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('当前步骤：复核委员会正在复核').waitFor();
    await page.getByText('复核委员会审议中').waitFor();
    // Asked once: a second request would be refused, so it is offered no more.
    expect(await page.getByRole('button', { name: '提出异议或申请复核' }).count()).toBe(0);
    const f = await h.db.evaluationFile.findUniqueOrThrow({ where: { id: fileA } });
    expect(f.status).toBe('review_requested');
    expect(f.reviewRequestedAt).not.toBeNull();
    await shoot(page, '64-applicant-objection');
  }, 120_000);

  it('given the objection, then a review committee member finds it in their work list and votes', async () => {
    await signIn(page, h.baseUrl, reviewers[0]!.username);
    const item = page.locator('.work-item', { hasText: orgA.name });
    await item.getByText('复核委员会表决').waitFor();
    await item.locator('.work-link').click();
    await page.getByText('理由：工作绩效一项未计入').waitFor();
    await page.getByRole('button', { name: '反对', exact: true }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('heading', { name: '复核委员会记名表决' }).waitFor();
    const v = await h.db.evaluationVote.findFirstOrThrow({
      where: { fileId: fileA, memberId: reviewers[0]!.id, body: 'review' },
    });
    expect(v.approve).toBe(false);
  }, 120_000);

  it('given the 4A publicity over, then the organisation sees its grade confirmed and downloads the certificate', async () => {
    await waitForFile(h, orgB.token, fileB, (v) => v.status === 'confirmed', 150_000);
    const account = await h.db.account.findFirstOrThrow({ where: { organizationId: orgB.id } });
    await signIn(page, h.baseUrl, account.username);
    await page.goto(`${h.baseUrl}/evaluation/files/${fileB}`);
    await page.getByText('评估等级 4A').waitFor();
    await page.getByText('公示期满，确认评估等级').waitFor();
    const download = page.getByRole('link', { name: '下载评估等级证书（PDF）' });
    await shoot(page, '65-applicant-certificate');
    const [pdf] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const { readFileSync } = await import('node:fs');
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    // The grade decision prints with the authority's name and the file number, without the menu.
    await page.getByRole('link', { name: '打印评定决定' }).click();
    const sheet = page.locator('article.print-sheet');
    await sheet.getByRole('heading', { name: '社会组织评估等级评定决定' }).waitFor();
    await sheet.getByText('评定为 4A 级社会组织', { exact: false }).waitFor();
    // The certificate's seal: the QR code and the code of its public verification page.
    await sheet.getByRole('img', { name: '核验二维码' }).waitFor();
    expect(await sheet.locator('.print-verification-code').textContent()).toMatch(
      /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/,
    );
    expect(await sheet.locator('.print-authority').textContent()).toBe(h.config.AUTHORITY_NAME);
    expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
  }, 200_000);

  it('given the journey, then the browser reported no script error', () => {
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
