import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createSealer } from '../../activities/documents/seal-document';
import { makeAwardGrade } from '../../activities/evaluation/award-grade';
import { formatSealCode, parseSigningKey } from '../../lib/document-seal';
import { type Browser, openBrowser, shoot, titleOnceSet } from '../support/browser';
import { openCampaignRow } from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';

/**
 * Issue 15 points 6 and 11 in a browser, signed in as nobody: the sign-in page leads to the
 * public pages, the grade list shows a grade in force, and the verification page tells a grade
 * certificate in force from an expired one, each page with its own title.
 */

let h: Harness;
let browser: Browser;
let page: Page;
const codes: Record<'current' | 'expired', string> = { current: '', expired: '' };
let orgName = '';
const AUTHORITY = '常州市钟楼区民政局';

beforeAll(async () => {
  h = await startHarness();
  browser = await openBrowser();
  page = browser.page;
  const sealer = createSealer(
    parseSigningKey(h.config.DOCUMENT_SIGNING_KEY as string),
    h.config.publicUrl,
  );
  const award = makeAwardGrade(h.db, h.config.AUTHORITY_NAME, sealer);
  const campaignId = await openCampaignRow(h, '公开页面浏览器测试评估');
  // A credit code of this file's district, so that the district's grade list shows it.
  const creditCode = `51${h.districtCode}MA${String(Date.now()).slice(-7)}X`.slice(0, 18);
  orgName = `常州市钟楼区公开浏览测试协会${h.districtCode}`;
  const org = await h.db.organization.create({
    data: { name: orgName, status: 'registered', creditCode },
  });
  const lapsed = await h.db.organization.create({
    data: { name: `常州市钟楼区过期等级浏览测试协会${h.districtCode}`, status: 'registered' },
  });
  for (const [which, organizationId, awardedOn, expiresOn] of [
    ['expired', lapsed.id, '2019-06-01', '2024-05-31'],
    ['current', org.id, '2026-01-05', '2031-01-04'],
  ] as const) {
    const fileId = randomUUID();
    await h.db.evaluationFile.create({
      data: {
        id: fileId,
        campaignId,
        organizationId,
        workflowId: `evaluation-file-${fileId}`,
        appliedAt: new Date(),
        appliedById: h.user('admin').id,
        selfScore: 900,
        selfAssessment: '自评',
      },
    });
    const g = await award({
      fileId,
      organizationId,
      level: which === 'current' ? 4 : 3,
      awardingLevel: 'district',
      awardedOn,
      expiresOn,
      withCertificate: true,
    });
    codes[which] = (
      await h.db.documentSeal.findFirstOrThrow({ where: { subjectId: g.gradeId } })
    ).code;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

describe('the public pages, signed in as nobody', () => {
  it('given the sign-in page, when following 评估结果与等级, then the grade list shows the grade in force under its own title', async () => {
    await page.context().clearCookies();
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: '评估结果与等级' }).click();
    await page.getByRole('heading', { name: '社会组织评估结果公示与等级名单' }).waitFor();
    const title = `评估结果公示与等级名单 - ${AUTHORITY}`;
    expect(await titleOnceSet(page, title)).toBe(title);
    const row = page.locator('table.public-grades tr', { hasText: orgName });
    await row.waitFor();
    expect(await row.textContent()).toContain('4A');
    await shoot(page, '60-public-grades');

    for (const [label, heading] of [
      ['公益创投资助名单', '公益创投拟资助项目公示'],
      ['购买服务公告与结果', '政府购买服务采购公告与成交结果'],
    ] as const) {
      await page.getByRole('link', { name: label }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(await page.title()).toMatch(new RegExp(` - ${AUTHORITY}$`));
    }
  });

  it('given the QR codes of two grade certificates, then the verification page shows one 有效 and the expired one 已失效', async () => {
    await page.goto(`${h.baseUrl}/public/verify/${codes.current}`);
    const title = `文书核验结果 - ${AUTHORITY}`;
    expect(await titleOnceSet(page, title)).toBe(title);
    await page.getByText('数字签章有效').waitFor();
    const result = page.locator('.card', { hasText: '核验结果' });
    expect(await result.textContent()).toContain('有效');
    expect(await result.textContent()).toContain(orgName);
    expect(await result.textContent()).not.toContain('已失效');

    await page.goto(`${h.baseUrl}/public/verify`);
    await page.getByLabel('核验码').fill(formatSealCode(codes.expired).toLowerCase());
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await page.getByText('有效期已于2024-05-31届满').waitFor();
    expect(await page.locator('.verify-status').textContent()).toContain('已失效');
    await shoot(page, '61-public-verify-expired');
  });
});
