import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from './chromium';
import { PASSWORD } from './harness';

/**
 * Chromium (the system's, or the one shipped in an npm package: see chromium.ts) driven by
 * playwright-core, headless, with a fresh profile per test file. Screenshots of the main pages
 * go to test-artifacts/screenshots (ignored by git) at a laptop and a phone width, for people to
 * look at.
 */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const browser = await findChromium();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'mzf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    // biome-ignore lint/style/noProcessEnv: the browser inherits the test's environment.
    env: { ...process.env, ...browser.env },
    headless: true,
    viewport: LAPTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  // Generous: on a 2-core CI machine the browser shares the CPU with the other test projects.
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // A script error in the page fails loudly in the test output, not as a blank page.
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A full-page screenshot at laptop and at phone width; the page is left at laptop width. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-laptop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(LAPTOP);
}

export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('heading', { name: '登录' }).waitFor();
}

/**
 * The tab's title once it reads `expected` (a page sets it in an effect, just after its first
 * paint), or what it reads after 10 s, for the test's own assertion to report.
 */
export async function titleOnceSet(page: Page, expected: string): Promise<string> {
  for (let i = 0; i < 50 && (await page.title()) !== expected; i++) await page.waitForTimeout(200);
  return page.title();
}
