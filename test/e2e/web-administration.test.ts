import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../prisma/seed';
import { type Browser, openBrowser, shoot, signOut } from '../support/browser';
import { type Harness, startHarness } from '../support/harness';

/**
 * Embedded (demo) mode: the sign-in page lists the demo accounts; the administrator's pages;
 * a role whose process is not in service yet; and how the one port shares itself between the
 * front end, the API and its docs.
 */

let h: Harness;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  h = await startHarness({ env: { DEMO_ACCOUNTS: 'true' } });
  await seedDemo(h.db, h.districtCode);
  browser = await openBrowser();
  page = browser.page;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

/** Signs in by clicking the demo account shown as "name（username）". */
async function signInAsDemo(username: string) {
  await page.context().clearCookies();
  await page.goto(`${h.baseUrl}/`);
  await page.locator('.demo-account', { hasText: `（${username}）` }).click();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

describe('the web front end, administration and embedded mode', () => {
  it('given embedded mode, when the sign-in page opens, then it lists every demo account with its role and one click fills the form', async () => {
    await page.goto(`${h.baseUrl}/`);
    const list = page.getByRole('region', { name: '演示账号' });
    for (const role of ['申请人', '审查人员', '科室负责人', '局领导', '评估专家', '系统管理员']) {
      await list.getByText(role, { exact: true }).first().waitFor();
    }
    await list.locator('.demo-account', { hasText: '系统管理员' }).click();
    expect(await page.getByLabel(/^用户名/).inputValue()).toBe('admin');
    await shoot(page, '10-sign-in-demo');
  });

  it('given the administrator, then the dashboard shows the year against the target of 120 with a chart, and says which figures come later', async () => {
    await signInAsDemo('admin');
    const year = new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
    }).format(new Date());
    await page.getByRole('heading', { name: `${year}年工作目标` }).waitFor();
    await page.getByText('/ 120 家').waitFor();
    await page.getByText('/ 目标 30%').waitFor();
    expect(await page.locator('svg.chart rect.chart-bar').count()).toBe(12);
    await page.getByText('公益创投大赛（本年度）').waitFor();
    await page.getByText('政府购买服务（本年度）').waitFor();
    await shoot(page, '11-admin-dashboard');
  });

  it('given the rule settings, then every process is a form with Chinese names, a bad value is named with its field, and a saved version lists what differs in words', async () => {
    await page.getByRole('link', { name: '规则设置' }).click();
    for (const tab of ['直接登记', '公益创投', '政府购买服务', '工作目标'])
      await page.getByRole('tab', { name: tab }).waitFor();
    // The security policy is the security administrator's (三权分立): no tab of it here.
    expect(await page.getByRole('tab', { name: '安全策略' }).count()).toBe(0);
    await page.getByRole('heading', { name: '新增直接登记规则版本' }).waitFor();
    // No JSON to type anywhere: the settings are fields, filled with the rules in force.
    expect(await page.locator('textarea.mono').count()).toBe(0);
    expect(await page.getByLabel('一次性告知期限', { exact: true }).inputValue()).toBe('5');
    expect(await page.getByLabel('社会团体活动资金最低额').inputValue()).toBe('30000.00');
    const version = `e2e-${h.districtCode}`;
    await page.getByLabel(/^版本名称/).fill(version);
    await page.getByLabel(/^生效日期/).fill('2099-01-01');
    await page.getByLabel('一次性告知期限', { exact: true }).fill('五');
    await page
      .locator('.field-invalid', { hasText: '一次性告知期限' })
      .locator('.error', { hasText: '「五」不是数字' })
      .waitFor();
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText('一次性告知期限：「五」不是数字').waitFor();
    // The server's own check names the field and the value too.
    await page.getByLabel('一次性告知期限', { exact: true }).fill('-1');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText('一次性告知期限：「-1」不能小于0').waitFor();
    await page
      .locator('.field-invalid', { hasText: '一次性告知期限' })
      .locator('.error', { hasText: '「-1」不能小于0' })
      .waitFor();
    await page.getByLabel('一次性告知期限', { exact: true }).fill('7');
    await page.getByLabel('社会团体活动资金最低额').fill('50000');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText(`版本“${version}”已新增。`).waitFor();
    const row = page.locator('tr', { hasText: version });
    await row.getByText('一次性告知期限：7个工作日').waitFor();
    await row.getByText('社会团体活动资金最低额：50,000.00元').waitFor();
    const stored = await h.db.ruleSet.findUniqueOrThrow({
      where: { process_version: { process: 'registration', version } },
    });
    // Only what differs from the layers above is stored.
    expect(stored.settings).toEqual({
      limits: { intakeNotice: { amount: 7, unit: 'workingDays' } },
      minimums: { socialGroupFundsLocal: 50000 },
    });
    const text = await page.locator('main').textContent();
    expect(text ?? '').not.toMatch(/array|请求体|YYYY|intakeNotice|undefined/);
    await shoot(page, '12-admin-rules');
  });

  it('given the purchase and competition rules, then amounts are typed in 元 and a rule across fields is refused beside its field', async () => {
    await page.getByRole('tab', { name: '政府购买服务' }).click();
    await page.getByRole('heading', { name: '新增政府购买服务规则版本' }).waitFor();
    await page.getByLabel(/^版本名称/).fill(`e2e-purchase-${h.districtCode}`);
    await page.getByLabel(/^生效日期/).fill('2099-01-01');
    await page.getByRole('checkbox', { name: '公开招标数额标准：不设' }).uncheck();
    await page.getByLabel('公开招标数额标准', { exact: true }).fill('4,000,000');
    // The purchaser kinds, the bid bond and the response periods: ticked, in %, in days.
    const kinds = page.getByRole('group', { name: '可作为购买主体的单位' });
    expect(await kinds.getByRole('checkbox', { name: '国家机关' }).isChecked()).toBe(true);
    await kinds.getByRole('checkbox', { name: /^参照执行的机关和单位/ }).check();
    await page.getByLabel('保证金不超过预算的', { exact: true }).fill('1.5');
    const periods = page.getByRole('group', { name: '公告至响应截止的最短时间' });
    expect(await periods.getByLabel('竞争性谈判', { exact: true }).inputValue()).toBe('3');
    await periods.getByLabel('竞争性磋商', { exact: true }).fill('15');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText(`版本“e2e-purchase-${h.districtCode}”已新增。`).waitFor();
    const purchase = await h.db.ruleSet.findUniqueOrThrow({
      where: {
        process_version: { process: 'purchase', version: `e2e-purchase-${h.districtCode}` },
      },
    });
    expect(purchase.settings).toEqual({
      methods: {
        openTenderThresholdFen: 400_000_000,
        minResponsePeriod: { competitive_consultation: { amount: 15, unit: 'calendarDays' } },
      },
      purchaser: { allowedKinds: ['state_organ', 'reference_organ'] },
      bidBond: { maxPercent: 1.5 },
    });
    await page.getByText('公开招标数额标准：4,000,000.00元').waitFor();
    await page.getByText('保证金不超过预算的：1.5%').waitFor();

    await page.getByRole('tab', { name: '公益创投' }).click();
    await page.getByRole('heading', { name: '新增公益创投规则版本' }).waitFor();
    expect(await page.getByLabel('本轮资助总额').inputValue()).toBe('2000000.00');
    await page.getByLabel(/^版本名称/).fill(`e2e-competition-${h.districtCode}`);
    await page.getByLabel(/^生效日期/).fill('2099-01-01');
    await page.getByLabel('分期拨付比例第3项', { exact: true }).fill('10');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page
      .locator('.field-invalid', { hasText: '分期拨付比例' })
      .getByText('各期拨付比例之和须为100%，现为90%')
      .waitFor();
    await page.getByLabel('分期拨付比例第3项', { exact: true }).fill('20');
    await page.getByRole('checkbox', { name: '上一届获资助单位不得申报' }).check();
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText(`版本“e2e-competition-${h.districtCode}”已新增。`).waitFor();
    await page.getByText('上一届获资助单位不得申报：是').waitFor();
    await shoot(page, '12b-admin-rules-competition');
  });

  it('given the evaluation rules, then the form follows the evaluation policy: limits, grade lines and the indicator tree, in words', async () => {
    await page.getByRole('tab', { name: '等级评估' }).click();
    await page.getByRole('heading', { name: '新增等级评估规则版本' }).waitFor();
    const version = `e2e-evaluation-${h.districtCode}`;
    await page.getByLabel(/^版本名称/).fill(version);
    await page.getByLabel(/^生效日期/).fill('2099-01-01');
    const tree = page.getByRole('group', { name: '社会团体评估指标' });
    expect(await tree.getByLabel('指标名称').first().inputValue()).toBe('基础条件');
    await page.getByLabel('评估结果公示期', { exact: true }).fill('10');
    const lines = page.getByRole('group', { name: '等级分数线' });
    expect(await lines.getByLabel('等级').first().inputValue()).toBe('5');
    await lines.getByLabel('最低分').first().fill('960');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText(`版本“${version}”已新增。`).waitFor();
    const stored = await h.db.ruleSet.findUniqueOrThrow({
      where: { process_version: { process: 'evaluation', version } },
    });
    expect(stored.settings).toMatchObject({
      limits: { publicity: { amount: 10, unit: 'calendarDays' } },
      thresholds: [
        { level: 5, min: 960 },
        { level: 4, min: 901 },
        { level: 3, min: 851 },
        { level: 2, min: 801 },
        { level: 1, min: 0 },
      ],
    });
    await page
      .locator('tr', { hasText: version })
      .getByText('评估结果公示期：10日（自然日）')
      .waitFor();
    await shoot(page, '12c-admin-rules-evaluation');
  });

  it('given the holiday calendar, when a make-up working day is a weekday, then the form shows why it is refused', async () => {
    await page.getByRole('link', { name: '节假日' }).click();
    await page.getByRole('cell', { name: '2026年' }).waitFor();
    await page.getByLabel(/^年度/).fill('2031');
    // Days are picked, never typed as text: a holiday is its first and last day.
    const off = page.getByRole('group', { name: '放假日期' });
    await off.getByLabel('从').fill('2031-01-01');
    await off.getByLabel('至').fill('2031-01-02');
    await off.getByRole('button', { name: '添加放假日期' }).click();
    await off.getByText('2031年1月2日').waitFor();
    const makeup = page.getByRole('group', { name: '调休上班日期' });
    await makeup.getByLabel('日期').fill('2031-01-08');
    await makeup.getByRole('button', { name: '添加调休上班日期' }).click();
    await page.getByLabel(/^来源/).fill('国办发明电〔2030〕1号');
    await page.getByRole('button', { name: '载入' }).click();
    await page
      .locator('.field-invalid', { hasText: '调休上班日期' })
      .locator('.error', { hasText: '调休上班日2031-01-08应为周六或周日' })
      .waitFor();
    await shoot(page, '13-admin-holidays');
  });

  it('given the outbox, then the administrator sees each mail with its state', async () => {
    await page.getByRole('link', { name: '邮件发件箱' }).click();
    await page.getByRole('heading', { name: '邮件发件箱' }).waitFor();
    await page.locator('.card').filter({ hasText: '最新的在前' }).waitFor();
    await shoot(page, '14-admin-outbox');
    await signOut(page);
  });

  it('given an evaluator with no file assigned yet, then they land on their evaluation files, which says so', async () => {
    await signInAsDemo('evaluator');
    await page.getByRole('heading', { name: '分配给我的评估事项' }).waitFor();
    await page.getByText('目前没有分配给您的评估事项。').waitFor();
    await shoot(page, '15-evaluator');
    await signOut(page);
  });

  it('given the pages so far, then the browser reported no script or Content-Security-Policy error', () => {
    // Refusals the tests provoked (4xx answers) are logged by the browser too; nothing else may be.
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});

describe('one port for the front end, the API and the docs', () => {
  const get = (path: string, accept: string) =>
    fetch(`${h.baseUrl}${path}`, { headers: { accept } });

  it('given a page path, when a browser asks for HTML, then it gets the front end under a CSP without inline scripts', async () => {
    const res = await get('/registrations/00000000-0000-0000-0000-000000000000', 'text/html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"></div>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('given an unknown API path asked for as HTML, then it stays a 404 problem document', async () => {
    const res = await get('/api/no-such-thing', 'text/html');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('given the docs and the probes, then the front end does not shadow them', async () => {
    expect(await (await get('/docs', 'text/html')).text()).toContain('swagger-ui');
    expect((await get('/healthz', 'text/html')).status).toBe(200);
  });

  it('given a missing asset, then it is a 404, not the front end', async () => {
    expect((await get('/assets/missing.js', '*/*')).status).toBe(404);
  });

  it('given embedded mode, then /api/app-info lists the demo accounts', async () => {
    const info = (await (await get('/api/app-info', 'application/json')).json()) as {
      demo: { accounts: { username: string }[] } | null;
    };
    expect(info.demo?.accounts.map((a) => a.username)).toContain('admin');
  });
});
