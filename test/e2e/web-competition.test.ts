import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { type Browser, openBrowser, shoot, signIn } from '../support/browser';
import { api, staff } from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

/**
 * 公益创投 in the browser against the real system: an applicant files a proposal, the
 * administrator drives the round and sees a refusal with its reason, a judge declares no
 * conflict and scores (draft, then submission), and the round's figures.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let roundId: string;
let judgeName: string;
let applicant: { username: string; orgName: string };

beforeAll(async () => {
  h = await startHarness();
  browser = await openBrowser();
  page = browser.page;
  const judge = await staff(h, 'judge1', 'judge', '评审甲');
  judgeName = `t${h.districtCode}-judge1`;
  const a = await h.newApplicant();
  const orgName = `常州市钟楼区${a.username.replace(/\W/g, '')}服务中心`;
  await h.db.organization.update({
    where: { id: a.organizationId },
    data: {
      name: orgName,
      status: 'registered',
      legalForm: 'private_non_enterprise',
      registeredAt: new Date('2020-05-01T00:00:00Z'),
    },
  });
  applicant = { username: a.username, orgName };
  const admin = api(h, await h.login('admin'));
  const r = await admin.post('/api/competitions', {
    title: '2026年钟楼区公益创投大赛（测试）',
    callOpensAt: new Date(Date.now() - 60_000).toISOString(),
    callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    judges: { first: [judge.id], roadshow: [judge.id] },
    settings: { minPanelSize: 1, caps: { registeredFen: 3_000_000 } },
  });
  expect(r.status).toBe(201);
  roundId = r.body.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

describe('公益创投 in the browser', () => {
  it('given an open round, when the applicant files a proposal, then the form checks it first and the status page shows it received', async () => {
    await signIn(page, h.baseUrl, applicant.username);
    await page.getByRole('link', { name: '公益创投' }).first().click();
    await page.getByRole('link', { name: '2026年钟楼区公益创投大赛（测试）' }).click();
    await page.getByRole('link', { name: '申报项目' }).click();
    await page.getByRole('heading', { name: '申报公益创投项目' }).waitFor();
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('请按提示修改标记的内容后再提交。').waitFor();
    await page.getByLabel(/^项目名称/).fill('社区独居老人关爱项目');
    await page.getByLabel(/^服务需求/).fill('社区内独居老人较多，缺少日常探访和照料服务。');
    await page
      .getByLabel(/^项目设计/)
      .fill('组织志愿者每周入户探访，建立服务档案，开展互助小组活动。');
    await page.getByLabel('成员1姓名').fill('张小明');
    await page.getByLabel('预算项1').fill('志愿者培训');
    await page.getByLabel('金额（元）', { exact: true }).fill('20000');
    await page.getByLabel(/^申请金额/).fill('20000');
    await page.getByLabel(/^开户银行/).fill('中国银行常州钟楼支行');
    await page.getByLabel(/^户名/).fill('另一个单位');
    await page.getByLabel(/^账号/).fill('6217000012345678');
    await shoot(page, '40-competition-proposal-form');
    await page.getByRole('button', { name: '提交申报' }).click();
    // The server's finding sits next to its field.
    await page
      .locator('.field-invalid', { hasText: '户名' })
      .getByText('须使用申报单位本单位的对公银行账户')
      .waitFor();
    await page.getByLabel(/^户名/).fill(applicant.orgName);
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByRole('heading', { name: '社区独居老人关爱项目' }).waitFor();
    await page.getByText('已申报，待资格审查').first().waitFor();
    await page.getByText('本轮当前阶段：征集中。征集截止后，工作人员将进行资格审查').waitFor();
    await shoot(page, '41-competition-proposal-status');
  });

  it('given the administrator, when scoring is opened before qualification review, then the refusal shows its reason', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/competitions/${roundId}`);
    await page.getByRole('button', { name: '截止征集' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '开始初评' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('dialog').getByText('尚有1个项目未完成资格审查').waitFor();
    await shoot(page, '42-competition-refused');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  it('given an assigned proposal, when the judge declares no conflict, saves a draft and submits, then the score is recorded', async () => {
    const reviewer = api(h, await h.login('reviewer1'));
    const admin = api(h, await h.login('admin'));
    const rows = (await admin.get(`/api/competitions/${roundId}/proposals`)).body;
    expect(
      (await reviewer.post(`/api/competition-proposals/${rows[0].id}/qualify`, { pass: true }))
        .status,
    ).toBe(200);
    expect((await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {})).status).toBe(
      200,
    );

    await signIn(page, h.baseUrl, judgeName);
    await page.goto(`${h.baseUrl}/competitions/${roundId}`);
    await page.getByText('待声明利益冲突').waitFor();
    await page.getByRole('link', { name: '社区独居老人关爱项目' }).click();
    await page.getByRole('heading', { name: '利益冲突声明' }).waitFor();
    await page.getByRole('button', { name: '无利益冲突，打开项目' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '评分表' }).waitFor();
    await page.getByText('匿名评审，不显示申报单位').waitFor();
    expect(await page.getByText(applicant.orgName).count()).toBe(0);
    await page.getByLabel('需求与对象（满分 20）').fill('25');
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByText('应在 0 至 20 分之间').waitFor();
    await page.getByLabel('需求与对象（满分 20）').fill('18');
    await page.getByLabel('设计与可行性（满分 25）').fill('20');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.reload();
    await page.getByText('已载入本机保存的评分草稿。').waitFor();
    expect(await page.getByLabel('设计与可行性（满分 25）').inputValue()).toBe('20');
    await page.getByLabel('创新性（满分 15）').fill('12');
    await page.getByLabel('可持续与可复制（满分 15）').fill('12');
    await page.getByLabel('团队能力（满分 15）').fill('12');
    await page.getByLabel('预算合理性（满分 10）').fill('8');
    await page.getByText('82').first().waitFor();
    await shoot(page, '43-competition-score-sheet');
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByText('您已提交本项目初评评分。').waitFor();
    const scores = await h.db.competitionScore.findMany({ where: { roundId } });
    expect(scores.map((s) => s.total)).toEqual([82]);
  });

  it('given scores, then the administrator sees the round figures and, after closing the phase, the ranking', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/competitions/${roundId}`);
    await page.getByRole('heading', { name: '评审打分分布' }).waitFor();
    expect(await page.locator('svg.chart circle.spread-mean').count()).toBe(1);
    await shoot(page, '44-competition-round-admin');
    await page.getByRole('button', { name: '结束初评并汇总' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    const results = page.locator('section.card', { hasText: '初评结果' });
    await results.getByRole('cell', { name: '社区独居老人关爱项目' }).waitFor();
    await results.locator('td[data-label="得分"]', { hasText: '82' }).waitFor();
    await shoot(page, '45-competition-results');
  });
});
