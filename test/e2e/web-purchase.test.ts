import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { type Browser, openBrowser, shoot, signIn } from '../support/browser';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  CATALOGUE_ITEM,
  newUndertaker,
  ok,
  type PurchaseCast,
  setUpPurchase,
  waitForPurchase,
} from '../support/purchase-steps';

/**
 * 政府购买服务 in the browser against the real system: the catalogue, a purchaser creating a
 * project from a catalogue item, a refused method with its reason, and an undertaker's response.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let cast: PurchaseCast;
let projectId: string;

beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, { methods: { openTenderThresholdFen: 100_000_000 } });
  const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', CATALOGUE_ITEM);
  expect(item.status).toBe(201);
  browser = await openBrowser();
  page = browser.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

describe('政府购买服务 in the browser', () => {
  it('given the administrator, then the catalogue lists the active item with its actions', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.getByRole('link', { name: '购买服务目录' }).click();
    await page.getByText('居家养老上门服务').first().waitFor();
    await page.getByRole('button', { name: '修订' }).waitFor();
    await shoot(page, '50-purchase-catalogue');
  });

  it('given a catalogue item, when the purchaser creates a project, then it opens and a refused method shows its reason', async () => {
    await signIn(page, h.baseUrl, `t${h.districtCode}-采购甲`);
    await page.getByRole('link', { name: '新建购买项目' }).click();
    await page.getByLabel(/^项目名称/).fill('2027年度居家养老上门服务');
    await page.getByLabel(/^预算金额/).fill('500000');
    await page.getByLabel(/^绩效目标/).fill('服务对象满意度不低于90%\n全年上门服务不少于4800人次');
    await shoot(page, '51-purchase-new-project');
    await page.getByRole('button', { name: '建立项目' }).click();
    await page.getByRole('heading', { name: '2027年度居家养老上门服务' }).waitFor();
    await page.getByText('需求已确定，待确定采购方式').first().waitFor();
    projectId = page.url().split('/').pop() as string;

    await page.getByRole('button', { name: '确定采购方式' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('采购方式').selectOption('price_enquiry');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText(/询价/).last().waitFor();
    expect(await dialog.locator('.alert-bad').count()).toBe(1);
    await shoot(page, '52-purchase-refused');
    await dialog.getByLabel('采购方式').selectOption('open_tender');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('采购方式已确定，待发布公告').first().waitFor();
    await page.getByRole('link', { name: '下载 OCDS 数据包' }).waitFor();
    await page.getByRole('link', { name: '购买服务统计' }).click();
    await page.getByRole('heading', { name: '向社会组织购买' }).waitFor();
    await shoot(page, '55-purchase-figures');
  });

  it('given a published notice, when an undertaker responds in the browser, then its response is shown', async () => {
    // An open tender needs several responses: two come through the API.
    const others = [await newUndertaker(h), await newUndertaker(h)];
    await ok(h, cast.buyer, projectId, 'notice', {
      closesAt: new Date(Date.now() + 15_000).toISOString(),
      requirements: '具有养老服务经验的社会组织',
    });
    for (const [i, o] of others.entries())
      await ok(h, o.token, projectId, 'responses', {
        priceFen: 46_000_000 + i * 1_000_000,
        proposal: `方案${i + 1}`,
      });
    const u = await newUndertaker(h, { grade: 4 });
    const acc = await h.db.account.findFirstOrThrow({
      where: { organizationId: u.organizationId },
    });
    await signIn(page, h.baseUrl, acc.username);
    await page.getByRole('link', { name: '政府购买服务' }).click();
    await page.getByRole('link', { name: '2027年度居家养老上门服务' }).click();
    await page.getByRole('button', { name: '提交响应' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^报价/).fill('480000');
    await dialog.getByLabel(/^服务方案/).fill('组建专业养老服务团队，每月上门服务不少于4次。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '本单位的响应' }).waitFor();
    await page.getByText('¥480,000.00').waitFor();
    await shoot(page, '53-purchase-response');
  });

  it('given the response window closed, when the purchaser appoints the panel and an expert declares and scores, then the panel shows the declaration and the score', async () => {
    await waitForPurchase(h, cast.buyer, projectId, (v) => v.status === 'evaluating', 40_000);
    await signIn(page, h.baseUrl, `t${h.districtCode}-采购甲`);
    await page.goto(`${h.baseUrl}/purchases/${projectId}`);
    await page.getByRole('button', { name: '组建评审委员会' }).click();
    const dialog = page.getByRole('dialog');
    for (const n of ['专家一', '专家二', '专家三']) await dialog.getByLabel(n).check();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '评审委员会' }).waitFor();
    await page.getByText('专家一：未声明').waitFor();

    await signIn(page, h.baseUrl, `t${h.districtCode}-专家一`);
    await page.goto(`${h.baseUrl}/purchases/${projectId}`);
    // Scoring before the declaration is refused with the workflow's reason.
    await page.getByRole('button', { name: '提交评分' }).click();
    await dialog.getByRole('textbox').first().fill('88');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.locator('.alert-bad').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '声明无利益冲突' }).click();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('专家一：已声明无冲突').waitFor();
    await page.getByRole('button', { name: '提交评分' }).click();
    await dialog.getByRole('textbox').first().fill('88');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('专家一：已声明无冲突，已评分').waitFor();
    await shoot(page, '54-purchase-expert');
  });
});
