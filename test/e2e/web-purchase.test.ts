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

const TERMS = {
  clauses: {
    serviceContent: '为辖区内120名居家老人提供助餐服务',
    duration: '2026年12月1日至2027年11月30日',
    quantity: '全年不少于14000人次',
    quality: '符合指导性目录服务标准，满意度不低于90%',
    price: '人民币肆拾捌万元整',
    settlement: '按付款计划分期结算',
    rightsAndDuties: '甲方监督考核，乙方按约提供服务，不得转包',
    breachLiability: '乙方违约或转包的，甲方有权解除合同并追回已付款项',
  },
  startDate: '2026-12-01',
  endDate: '2027-11-30',
  amountFen: 48_000_000,
  performanceBondFen: 2_400_000,
  milestones: [
    { id: 'M1', title: '第一季度服务', dueDate: '2027-02-28' },
    { id: 'M2', title: '年度服务', dueDate: '2027-11-15' },
  ],
  tranches: [
    { percent: 30, gate: { kind: 'signing' } },
    { percent: 30, gate: { kind: 'milestone', milestoneId: 'M1' } },
    { percent: 20, gate: { kind: 'milestone', milestoneId: 'M2' } },
    { percent: 20, gate: { kind: 'final_evaluation' } },
  ],
};

const expert = (i: number) => `${['专家一', '专家二', '专家三', '专家四'][i]}-${h.districtCode}`;

beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, {
    methods: { openTenderThresholdFen: 100_000_000 },
    publicity: { amount: 3, unit: 'seconds' },
  });
  // Its own code: the catalogue is shared by every test file of the run, one active item per code.
  const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
    ...CATALOGUE_ITEM,
    code: '09.09.001',
  });
  expect(item.status).toBe(201);
  // Other test files of the run have experts of the same names: give this file's their own.
  for (const [i, e] of cast.experts.entries()) {
    await h.db.account.update({ where: { id: e.id }, data: { displayName: expert(i) } });
  }
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
    // The catalogue pages 50 at a time and is shared with the fuzzer's items: search for this one.
    await page.getByLabel('编码或名称').fill('09.09.001');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('居家养老上门服务').first().waitFor();
    await page
      .locator('tr', { hasText: '09.09.001' })
      .getByRole('button', { name: '修订' })
      .waitFor();
    await shoot(page, '50-purchase-catalogue');
  });

  it('given a catalogue item, when the purchaser creates a project, then it opens and a refused method shows its reason', async () => {
    await signIn(page, h.baseUrl, `t${h.districtCode}-采购甲`);
    await page.getByRole('link', { name: '新建购买项目' }).click();
    // The catalogue is shared with the other test files (the fuzzer's items too): pick this file's.
    await page.getByLabel('查找目录事项').fill('09.09.001');
    await page.getByLabel(/^目录事项/).selectOption({ label: '09.09.001 居家养老上门服务' });
    await page.getByLabel(/^项目名称/).fill('2027年度居家养老上门服务');
    await page.getByLabel(/^预算金额/).fill('500000');
    await page.getByLabel(/^绩效目标/).fill('服务对象满意度不低于90%\n全年上门服务不少于4800人次');
    await shoot(page, '51-purchase-new-project');
    await page.getByRole('button', { name: '建立项目' }).click();
    await page.getByRole('heading', { name: '2027年度居家养老上门服务' }).waitFor();
    await page.getByText('需求已确定，待确定采购方式').first().waitFor();
    projectId = page.url().split('/').pop() as string;
    // The Temporal Web UI is the administrators' tool: the purchaser gets no link to it.
    expect(await page.getByRole('link', { name: /Temporal Web UI/ }).count()).toBe(0);
    const asAdmin = (await http(h.baseUrl, cast.admin).get(`/api/purchases/${projectId}`)).body;
    expect(asAdmin.temporalUrl).toContain(`/workflows/purchase-${projectId}`);
    const asBuyer = (await http(h.baseUrl, cast.buyer).get(`/api/purchases/${projectId}`)).body;
    expect(asBuyer.temporalUrl).toBeUndefined();

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
    // The bureau's own set-up (the OCDS placeholder, the missing threshold) is not the bidder's
    // business: the purchaser sees those warnings, the undertaker does not.
    await page.getByRole('button', { name: '提交响应' }).waitFor();
    expect(await page.getByText(/OCDS 发布前缀为占位值|公开招标数额标准尚未配置/).count()).toBe(0);
    const asBidder = (await http(h.baseUrl, u.token).get(`/api/purchases/${projectId}`)).body;
    expect(asBidder.warnings).toEqual([]);
    const asBuyer = (await http(h.baseUrl, cast.buyer).get(`/api/purchases/${projectId}`)).body;
    expect(asBuyer.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('OCDS 发布前缀为占位值')]),
    );
    await page.getByRole('button', { name: '提交响应' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^报价/).fill('480000');
    await dialog.getByLabel(/^服务方案/).fill('组建专业养老服务团队，每月上门服务不少于4次。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '本单位的响应' }).waitFor();
    await page.getByText('¥480,000.00').waitFor();
    await shoot(page, '53-purchase-response');
  });

  it('given the response window closed, when the purchaser appoints the panel and an expert declares and scores, then scoring is offered only after the declaration and the panel shows both', async () => {
    await waitForPurchase(h, cast.buyer, projectId, (v) => v.status === 'evaluating', 40_000);
    await signIn(page, h.baseUrl, `t${h.districtCode}-采购甲`);
    await page.goto(`${h.baseUrl}/purchases/${projectId}`);
    await page.getByRole('button', { name: '组建评审委员会' }).click();
    const dialog = page.getByRole('dialog');
    for (const i of [0, 1, 2]) await dialog.getByLabel(expert(i)).check();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '评审委员会' }).waitFor();
    await page.getByText(`${expert(0)}：未声明`).waitFor();

    await signIn(page, h.baseUrl, `t${h.districtCode}-专家一`);
    await page.goto(`${h.baseUrl}/purchases/${projectId}`);
    // Scoring is offered only once the expert has declared (the workflow would refuse it).
    await page.getByRole('button', { name: '声明无利益冲突' }).waitFor();
    expect(await page.getByRole('button', { name: '提交评分' }).count()).toBe(0);
    await page.getByRole('button', { name: '声明无利益冲突' }).click();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page
      .getByText(`${expert(0)}：已声明无冲突`)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: '声明无利益冲突' }).count()).toBe(0);
    await page.getByRole('button', { name: '提交评分' }).click();
    await dialog.getByRole('textbox').first().fill('88');
    await dialog.getByRole('button', { name: '确定' }).click();
    // Every response must be scored: the dialog says so before anything is sent.
    await dialog.locator('.field-invalid').first().getByText('请填写').waitFor();
    for (const box of await dialog.getByRole('textbox').all()) await box.fill('88');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText(`${expert(0)}：已声明无冲突，已评分`).waitFor();
    await shoot(page, '54-purchase-expert');
  });

  it('given a signed contract, when a milestone is submitted and returned with a reason, then the reason shows, the next payment is not offered, and finance releases the first', async () => {
    // Procurement up to the contract through the API: it is not the point here.
    const item = (
      await http(h.baseUrl, cast.admin).get('/api/purchase-catalogue?status=active&code=09.09.001')
    ).body.items.find((i: { code: string }) => i.code === '09.09.001');
    const id = (
      await http(h.baseUrl, cast.buyer).post('/api/purchases', {
        catalogueItemId: item.id,
        title: '2027年度助餐服务',
        department: '常州市钟楼区民政局',
        purchaserKind: 'state_organ',
        budgetFen: 50_000_000,
        budgetYear: 2026,
        performanceTargets: ['助餐满意度不低于90%'],
      })
    ).body.id as string;
    const us = [
      await newUndertaker(h, { grade: 4 }),
      await newUndertaker(h),
      await newUndertaker(h),
    ];
    await ok(h, cast.buyer, id, 'plan', { method: 'open_tender' });
    await ok(h, cast.buyer, id, 'notice', {
      closesAt: new Date(Date.now() + 15_000).toISOString(),
      requirements: '具有助餐服务经验',
    });
    for (const [i, u] of us.entries())
      await ok(h, u.token, id, 'responses', { priceFen: 48_000_000 + i, proposal: `方案${i}` });
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    const panel = cast.experts.slice(0, 3);
    await ok(h, cast.buyer, id, 'panel', { expertIds: panel.map((e) => e.id) });
    for (const e of panel) {
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
      await ok(h, e.token, id, 'scores', {
        scores: us.map((u, i) => ({ organizationId: u.organizationId, score: 90 - i })),
      });
    }
    await ok(h, cast.buyer, id, 'award', { opinion: '按综合得分确定' });
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'awarded');
    // The purchaser signs in the browser: clauses, date pickers, amounts in 元, milestones and
    // a payment plan chosen from Chinese conditions; nothing typed as JSON or in 分.
    await signIn(page, h.baseUrl, `t${h.districtCode}-采购甲`);
    await page.goto(`${h.baseUrl}/purchases/${id}`);
    // The award notice prints with the bureau's name and the project number, without the menu.
    await page.getByRole('link', { name: '打印成交结果通知书' }).click();
    const notice = page.locator('article.print-sheet');
    await notice.getByRole('heading', { name: '政府购买服务成交结果通知书' }).waitFor();
    await notice.getByText('成交金额为人民币480,000.00元', { exact: false }).waitFor();
    expect(await notice.locator('.print-file-no').textContent()).toMatch(/^项目编号 /);
    // Sealed as issued: the QR code and the code of its public verification page.
    await notice.getByRole('img', { name: '核验二维码' }).waitFor();
    expect(await notice.locator('.print-verification-code').textContent()).toMatch(
      /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/,
    );
    expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
    await page.getByRole('link', { name: '返回' }).click();
    await page.getByRole('button', { name: '签订合同' }).click();
    const sign = page.getByRole('dialog', { name: '签订合同' });
    for (const [k, label] of [
      ['duration', '服务期限'],
      ['quantity', '服务数量'],
      ['price', '价款'],
    ] as const)
      await sign.getByLabel(new RegExp(`^${label}`)).fill(TERMS.clauses[k]);
    await sign.getByLabel('服务开始日期').fill(TERMS.startDate);
    await sign.getByLabel('服务结束日期').fill(TERMS.endDate);
    expect(await sign.getByLabel('合同金额（元）').inputValue()).toBe('480000.00');
    await sign.getByLabel('履约保证金（元）').fill('24,000.005');
    await sign.getByLabel('里程碑1名称').fill('第一季度服务');
    await sign.getByLabel('里程碑1应完成日期').fill('2027-02-28');
    await sign.getByRole('button', { name: '＋ 增加里程碑' }).click();
    await sign.getByLabel('里程碑2名称').fill('年度服务');
    await sign.getByLabel('里程碑2应完成日期').fill('2027-11-15');
    await sign.getByLabel('第1期比例（%）').fill('30');
    await sign.getByLabel('第2期比例（%）').fill('30');
    await sign.getByRole('button', { name: '签订合同' }).click();
    await sign.getByText('「24,000.005」不是有效的金额（元，最多两位小数）').waitFor();
    await sign.getByText('各期比例合计应为100%，现为80%').waitFor();
    await sign.getByLabel('履约保证金（元）').fill('24000');
    await sign.getByRole('button', { name: '＋ 增加一期' }).click();
    await sign.getByLabel('第4期比例（%）').fill('20');
    await sign.getByLabel('第3期支付条件').selectOption({ label: '里程碑2“年度服务”验收后' });
    await sign.getByLabel('第4期支付条件').selectOption({ label: '最终绩效评价合格后' });
    await sign.getByLabel('第2期支付条件').selectOption({ label: '里程碑1“第一季度服务”验收后' });
    await shoot(page, '55a-purchase-contract-form');
    // Signing is a decision: it carries an Idempotency-Key, so a retry after a 503 is not a second one.
    const sent = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith(`/api/purchases/${id}/contract`),
    );
    await sign.getByRole('button', { name: '签订合同' }).click();
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '合同履行' }).waitFor();
    const signed = await h.db.purchaseProject.findUniqueOrThrow({ where: { id } });
    expect(signed.status).toBe('performing');
    const view = (await http(h.baseUrl, cast.buyer).get(`/api/purchases/${id}`)).body;
    expect(view.contract.amountFen).toBe(48_000_000);
    expect(view.tranches.map((t: { percent: number }) => t.percent)).toEqual([30, 30, 20, 20]);
    await ok(h, cast.buyer, id, 'payment-requests', { trancheNo: 1 });

    const winner = await h.db.account.findFirstOrThrow({
      where: { organizationId: us[0]!.organizationId },
    });
    await signIn(page, h.baseUrl, winner.username);
    await page.goto(`${h.baseUrl}/purchases/${id}`);
    await page.getByRole('heading', { name: '合同履行' }).waitFor();
    expect(await page.getByRole('link', { name: /Temporal Web UI/ }).count()).toBe(0);
    await page.getByRole('button', { name: '提交里程碑成果' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^成果说明/).fill('第一季度助餐服务3600人次');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已提交，待验收').waitFor();

    await signIn(page, h.baseUrl, `t${h.districtCode}-采购甲`);
    await page.goto(`${h.baseUrl}/purchases/${id}`);
    // The Temporal Web UI is the administrators' tool, not the purchaser's.
    expect(await page.getByRole('link', { name: /Temporal Web UI/ }).count()).toBe(0);
    await page.getByRole('button', { name: '验收 第一季度服务' }).click();
    // Acceptance is a choice made, never a default: nothing is sent until one is chosen.
    await dialog.getByLabel(/^验收意见或退回理由/).fill('服务记录缺少签字');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.locator('.field-invalid', { hasText: '验收结论' }).getByText('请选择').waitFor();
    await dialog.getByLabel('不通过，退回修改').check();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已退回').waitFor();
    await page.getByText('服务记录缺少签字').first().waitFor();
    await page.getByText('退回成果', { exact: true }).waitFor();

    await signIn(page, h.baseUrl, `t${h.districtCode}-财务丙`);
    await page.goto(`${h.baseUrl}/purchases/${id}`);
    await page.getByRole('button', { name: '复核支付第1期' }).click();
    await dialog.getByLabel(/^凭证号/).fill('PZ-2026-001');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已支付').first().waitFor();

    await signIn(page, h.baseUrl, `t${h.districtCode}-采购甲`);
    await page.goto(`${h.baseUrl}/purchases/${id}`);
    // The second tranche waits for its milestone: its payment request is not offered.
    await page.getByRole('button', { name: '合同变更' }).waitFor();
    expect(await page.getByRole('button', { name: /申请支付/ }).count()).toBe(0);
    await shoot(page, '56-purchase-contract');

    // 合同变更 is a form of the contract as it stands: dates picked, the amount in 元.
    await page.getByRole('button', { name: '合同变更' }).click();
    expect(await dialog.getByLabel('合同金额（元）').inputValue()).toBe('480000.00');
    expect(await dialog.getByLabel('服务期限结束日期').inputValue()).toBe(TERMS.endDate);
    await dialog.getByLabel('合同金额（元）').fill('500000');
    await dialog.getByLabel(/^变更理由/).fill('服务对象增加10人');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText(/合同金额由480000\.00元变更为500000\.00元/).waitFor();
    const amended = await waitForPurchase(h, cast.buyer, id, (v) => v.amendments.length === 1);
    expect(amended.contract?.amountFen).toBe(50_000_000);
    expect(amended.contract?.endDate).toBe(TERMS.endDate);
  });
});
