import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { type Browser, openBrowser, shoot, signIn, titleOnceSet } from '../support/browser';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { file, waitFor } from '../support/registration-steps';

/**
 * 我的待办 in the browser against the real system: a reviewer signs in, sees the count on the
 * menu entry, finds a new application in the pool, claims it (the button gives way to the
 * claim) and opens it; the second reviewer sees who holds it and has no claim button.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let name: string;
let id: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  const applicant = await h.newApplicant();
  name = `常州市钟楼区待办${h.districtCode}行业协会`;
  const filed = await file(h, applicant, 'social_group', 'industry_association', { name });
  id = filed.id;
  await waitFor(h, await h.login('reviewer1'), id, (v) => v.nameCheck !== null);
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

const menu = () => page.getByRole('navigation', { name: '主菜单' });

describe('我的待办', () => {
  it('given a new application in the pool, when a reviewer signs in, then 我的待办 shows a count and the task; the reviewer claims it and opens it', async () => {
    await signIn(page, h.baseUrl, h.user('reviewer1').username);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    expect(await titleOnceSet(page, '我的待办 - 常州市钟楼区民政局')).toBe(
      '我的待办 - 常州市钟楼区民政局',
    );
    const entry = menu().getByRole('link', { name: /我的待办/ });
    await entry.locator('.nav-count').waitFor();
    expect(Number(await entry.locator('.nav-count').textContent())).toBeGreaterThanOrEqual(1);

    await page.getByRole('button', { name: /^直接登记/ }).click();
    const item = page.locator('.work-item', { hasText: name });
    await item.getByText('待受理审查').waitFor();
    await item.getByText('直接登记').waitFor();
    await shoot(page, '90-inbox-reviewer');
    await item.getByRole('button', { name: '认领', exact: true }).click();
    await item.getByText('已由您认领').waitFor();
    expect(await item.getByRole('button', { name: '认领', exact: true }).count()).toBe(0);
    await item.getByRole('button', { name: '放弃认领' }).waitFor();
    await shoot(page, '91-inbox-claimed');

    await item.getByRole('link', { name: new RegExp(name) }).click();
    await page.waitForURL(`**/registrations/${id}`);
    await page.getByRole('heading', { name }).first().waitFor();
  });

  it('given the task claimed by the first reviewer, then the second sees who holds it and cannot claim it', async () => {
    await signIn(page, h.baseUrl, h.user('reviewer2').username);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('button', { name: /^直接登记/ }).click();
    const item = page.locator('.work-item', { hasText: name });
    await item.getByText('已由李审查认领').waitFor();
    expect(await item.getByRole('button', { name: '认领', exact: true }).count()).toBe(0);
    expect(await item.getByRole('button', { name: /释放认领|放弃认领/ }).count()).toBe(0);
  });

  it('given the task released, when the first reviewer claims it while the second has the page open, then the second one’s claim is refused beside the task, which then shows its holder', async () => {
    const key = `registration:file:${id}:submitted`;
    const r1 = http(h.baseUrl, await h.login('reviewer1'));
    expect((await r1.post('/api/inbox/claims/release', { taskKey: key })).status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: /^直接登记/ }).click();
    const item = page.locator('.work-item', { hasText: name });
    const claim = item.getByRole('button', { name: '认领', exact: true });
    await claim.waitFor();
    expect((await r1.post('/api/inbox/claims', { taskKey: key })).status).toBe(200);
    await claim.click();
    await item.getByRole('alert').getByText('该事项已由李审查认领').waitFor();
    await item.getByText('已由李审查认领', { exact: true }).waitFor();
    expect(await claim.count()).toBe(0);
    await shoot(page, '92-inbox-claim-refused');
    // Sign-in asks for a session first (401), and the refused claim answers 409; nothing else.
    expect(consoleErrors.filter((e) => !/status of (401|409)/.test(e))).toEqual([]);
  });
});
