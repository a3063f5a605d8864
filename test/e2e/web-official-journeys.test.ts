import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed';
import { type Browser, openBrowser, shoot, titleOnceSet } from '../support/browser';
import { api, staff } from '../support/competition-steps';
import { openCampaignRow } from '../support/evaluation-world';
import { residentId } from '../support/fixtures';
import { type Harness, startHarness } from '../support/harness';

/**
 * Issue 15 as people meet it in the embedded demo: the registered demo organisation and the
 * one still forming, each told before writing anything what it may apply for; what the
 * registration check already knows, shown before filing; the demo catalogue; a menu that fits
 * a laptop and a phone; a title for every page; compressed scripts.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let roundId: string;
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  h = await startHarness({ env: { DEMO_ACCOUNTS: 'true' } });
  await seedDemo(h.db, h.districtCode);
  browser = await openBrowser();
  page = browser.page;
  // An evaluation campaign in its application window (the form only reads it).
  await openCampaignRow(h, '2026年度钟楼区社会组织等级评估');
  const judge = await staff(h, 'judge1', 'judge', '评审甲');
  const r = await api(h, await h.login('admin')).post('/api/competitions', {
    title: '2026年钟楼区公益创投大赛（演示）',
    callOpensAt: new Date(Date.now() - 60_000).toISOString(),
    callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    judges: { first: [judge.id], roadshow: [judge.id] },
    settings: { minPanelSize: 1 },
  });
  expect(r.status).toBe(201);
  roundId = r.body.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

async function signInDemo(username: string) {
  await page.context().clearCookies();
  await page.setViewportSize(LAPTOP);
  await page.goto(`${h.baseUrl}/`);
  await page.getByLabel(/^用户名/).fill(username);
  await page.getByLabel(/^密码/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

const menu = () => page.getByRole('navigation', { name: '主菜单' });

/** A control by its label, with or without the required mark. */
const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}\\s*\\*?$`));

describe('the demo organisations, told before they write anything', () => {
  it('given the registered demo organisation, then it is offered no new registration, may apply for the evaluation, and the competition form opens with its cap and its account name', async () => {
    await signInDemo('society');
    await menu().getByRole('link', { name: '我的申请' }).waitFor();
    expect(await menu().getByRole('link', { name: '新建登记申请' }).count()).toBe(0);
    await page.goto(`${h.baseUrl}/my`);
    await page.getByText('贵组织已经依法登记，无需再申请成立登记').waitFor();
    expect(await page.getByRole('link', { name: /新建登记申请/ }).count()).toBe(0);
    await page.goto(`${h.baseUrl}/registrations/new`);
    await page.getByText('贵组织已经依法登记，不能再申请成立登记').waitFor();

    await page.goto(`${h.baseUrl}/evaluation`);
    await page.getByText('本组织符合申报条件（登记满2个年度），请填写自评后申报参评。').waitFor();
    await page.getByRole('button', { name: '申报参评' }).waitFor();
    await shoot(page, '91-demo-society-evaluation');

    await page.goto(`${h.baseUrl}/competitions/${roundId}/apply`);
    await page
      .getByText('常州市钟楼区科学技术协会符合本轮申报条件，申请金额不超过 ¥200,000.00。')
      .waitFor();
    expect(await page.getByLabel(/^户名/).inputValue()).toBe('常州市钟楼区科学技术协会');
    await shoot(page, '92-demo-society-competition');
  });

  it('given the applicant still forming, then the evaluation and competition forms say why it may not apply instead of taking its work', async () => {
    await signInDemo('applicant');
    await menu().getByRole('link', { name: '新建登记申请' }).waitFor();
    await page.goto(`${h.baseUrl}/evaluation`);
    await page.getByText('本组织目前不符合本次评估的申报条件：').waitFor();
    await page.getByText('该组织不是已登记的社会组织').waitFor();
    expect(await page.getByRole('button', { name: '申报参评' }).count()).toBe(0);
    await page.goto(`${h.baseUrl}/competitions/${roundId}/apply`);
    await page.getByText('贵单位目前不能申报本轮项目：').waitFor();
    await page.getByText('申报单位须为依法登记的社会组织').waitFor();
    expect(await page.getByRole('button', { name: '提交申报' }).count()).toBe(0);
    await shoot(page, '93-demo-forming-competition');
  });

  it('given a registration short of members and funds, then the form says so while it is filled in, lists what the notice would hold, and files nothing until the declarations are made', async () => {
    await page.goto(`${h.baseUrl}/registrations/new`);
    await page.getByRole('heading', { name: '新建成立登记申请' }).waitFor();
    await field(page, '拟用名称').fill('常州市钟楼区围棋爱好者协会');
    await field(page, '宗旨').fill('推广围棋运动，丰富社区文化生活。');
    await field(page, '业务范围').fill('围棋培训、比赛交流。');
    await field(page, '住所').fill('常州市钟楼区南大街18号');
    await page.getByRole('button', { name: '下一步' }).click();
    const contact = page.getByRole('group', { name: '联系人' });
    await field(contact, '姓名').fill('刘联络');
    await field(contact, '电话').fill('0519-88881234');
    await field(contact, '电子邮箱').fill('liu@demo.zhonglou.example');
    const rep = page.getByRole('group', { name: '拟任法定代表人' });
    await field(rep, '姓名').fill('刘法人');
    await field(rep, '证件号码').fill(residentId(3));
    await field(rep, '拟任职务').fill('会长');
    const founder = page.getByRole('group', { name: '发起人（举办者）1' });
    await field(founder, '姓名').fill('张发起');
    await field(founder, '证件号码').fill(residentId(2));
    await page.getByRole('button', { name: '下一步' }).click();
    await field(page, '金额（元）').fill('1000');
    await field(page, '资金来源').fill('发起人捐赠');
    await field(page.getByRole('group', { name: '办公场所' }), '地址').fill(
      '常州市钟楼区南大街18号',
    );
    await field(page, '面积（平方米）').fill('40');
    await page.getByLabel('租用或使用期限').fill('36');
    await field(page, '个人会员（个）').fill('12');
    // What the completeness check of the bureau already knows, said now.
    const gaps = page.locator('.alert-warn', { hasText: '按现行登记标准，以下内容尚不符合要求' });
    await gaps.getByText(/会员数量不足/).waitFor();
    await gaps.getByText(/现有个人会员12个/).waitFor();
    await gaps.getByText(/资金/).first().waitFor();
    await shoot(page, '94-registration-known-gaps');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText(/提交前检查：以下内容不符合登记要求/).waitFor();
    await page.getByText(/缺少/).first().waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page
      .locator('.field-invalid', { hasText: '本组织承诺所提交的材料真实、合法、有效' })
      .getByText('请勾选此项声明，否则不能提交')
      .waitFor();
    const account = await h.db.account.findUniqueOrThrow({ where: { username: 'applicant' } });
    expect(
      await h.db.registration.count({ where: { organizationId: account.organizationId ?? '' } }),
    ).toBe(0);
    await shoot(page, '95-registration-declarations');
  });
});

describe('the demo catalogue, the menu and the page titles', () => {
  it('given the demo, then the administrator finds a catalogue with Chinese undertaker types and adds an item by ticking them', async () => {
    await signInDemo('admin');
    await menu().getByRole('link', { name: '购买服务目录' }).click();
    await page.getByText('居家养老上门服务').first().waitFor();
    await page.getByText('承接主体：社会组织、企业').first().waitFor();
    await page.getByRole('button', { name: '新增目录事项' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '目录编码').fill('1.3.9');
    await field(dialog, '二级目录').fill('养老服务');
    await field(dialog, '三级目录（服务事项）').fill('老年人助浴服务');
    await field(dialog, '服务标准').fill('每月助浴不少于2次');
    await field(dialog, '计量单位').fill('人次');
    await field(dialog, '价格依据').fill('市场询价');
    await dialog.getByLabel('社会组织', { exact: true }).uncheck();
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog
      .locator('.field-invalid', { hasText: '承接主体类型' })
      .getByText('请选择')
      .waitFor();
    await dialog.getByLabel('社会组织', { exact: true }).check();
    await dialog.getByLabel('企业', { exact: true }).check();
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog
      .locator('.field-invalid', { hasText: '目录编码' })
      .getByText('「1.3.9」不是目录编码，应为“一级.二级.三级”，如 01.03.002')
      .waitFor();
    await field(dialog, '目录编码').fill('01.03.009');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('老年人助浴服务').waitFor();
    const item = await h.db.purchaseCatalogueItem.findFirstOrThrow({
      where: { code: '01.03.009' },
    });
    expect(item.undertakerTypes).toEqual(['enterprise', 'social_organization']);
    await shoot(page, '96-demo-catalogue');
  });

  it.each([
    ['admin', LAPTOP],
    ['admin', PHONE],
    ['society', PHONE],
    ['purchaser', PHONE],
    ['security', PHONE],
    ['auditor', PHONE],
  ] as const)(
    'given %s at %o, then every menu entry is on the screen, none clipped or scrolled away',
    async (who, size) => {
      await signInDemo(who);
      await page.setViewportSize(size);
      const links = await menu().getByRole('link').all();
      expect(links.length).toBeGreaterThan(1);
      for (const link of links) {
        await expect(link.isVisible()).resolves.toBe(true);
        const box = await link.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
      }
      const overflow = await menu().evaluate((n) => {
        const inner = n.firstElementChild as unknown as {
          scrollWidth: number;
          clientWidth: number;
        };
        return inner.scrollWidth - inner.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      if (who === 'admin') await shoot(page, `97-menu-${size.width}`);
      await page.setViewportSize(LAPTOP);
    },
  );

  it('given the pages of the menu, then each has its own title, naming the authority and not the software', async () => {
    await signInDemo('admin');
    const titles = new Set<string>();
    for (const label of [
      '工作目标',
      '组织档案',
      '规则设置',
      '节假日',
      '邮件发件箱',
      '购买服务目录',
      '评估待办',
    ]) {
      await menu().getByRole('link', { name: label }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const title = await page.title();
      expect(title).toMatch(/^\S+ - 常州市钟楼区民政局$/);
      expect(title).not.toMatch(/minzheng|业务办理系统/);
      titles.add(title);
    }
    expect(titles.size).toBe(7);
    // The public complaint form has its own title, signed in or not.
    const complaint = '社会组织评估举报 - 常州市钟楼区民政局';
    const titled = async () => expect(await titleOnceSet(page, complaint)).toBe(complaint);
    await page.goto(`${h.baseUrl}/public/complaint`);
    await titled();
    await page.context().clearCookies();
    await page.reload();
    await page.getByRole('heading', { name: '社会组织评估举报' }).waitFor();
    await titled();
  });

  it("given the security administrator and the auditor, then their pages and everyone's 账号安全 have their own titles", async () => {
    // Each page's title is its menu entry's name: 标题 - 机关名称.
    const seen = async (who: string, labels: string[]) => {
      await signInDemo(who);
      const titles: string[] = [];
      for (const label of labels) {
        await page.getByRole('link', { name: label, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: label }).waitFor();
        titles.push(await titleOnceSet(page, `${label} - 常州市钟楼区民政局`));
      }
      expect(titles).toEqual(labels.map((t) => `${t} - 常州市钟楼区民政局`));
    };
    await seen('security', ['账号管理', '安全策略', '账号安全']);
    await seen('auditor', ['审计日志', '账号安全']);
  });
});

describe('compressed web assets', () => {
  it('given a browser that takes brotli or gzip, then the scripts and styles come compressed, and plain to one that takes neither', async () => {
    const index = await (await fetch(`${h.baseUrl}/`, { headers: { accept: 'text/html' } })).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const plain = await fetch(`${h.baseUrl}${script}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const body = await plain.text();
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${h.baseUrl}${script}`, {
        headers: { 'accept-encoding': encoding },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(body.length / 3);
      expect(await res.text()).toBe(body);
    }
  });
});
