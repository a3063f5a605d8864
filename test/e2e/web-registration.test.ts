import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { requiredDocuments } from '../../domain/registration/documents';
import { type Browser, openBrowser, shoot, signIn, signOut } from '../support/browser';
import { pdfBytes, residentId, uniqueWord } from '../support/fixtures';
import { type Harness, startHarness } from '../support/harness';
import { act, file, waitFor } from '../support/registration-steps';

/**
 * The web front end against the real system: the worker on the Temporal dev server, the Express
 * app serving the built front end, PostgreSQL and SMTP; people click through headless Chromium.
 */

let h: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  browser = await openBrowser();
  page = browser.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

const status = (text: string) => page.locator('.file-status .badge', { hasText: text }).waitFor();

async function uploadDocument(type: string) {
  await page.locator(`input[data-document-type="${type}"]`).setInputFiles({
    name: `${type}.pdf`,
    mimeType: 'application/pdf',
    buffer: pdfBytes(type),
  });
  await page
    .locator('.doc-row.doc-done', { has: page.locator(`[data-document-type="${type}"]`) })
    .waitFor();
}

/** A control by its label, with or without the required mark. */
const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}\\s*\\*?$`));

const next = () => page.getByRole('button', { name: '下一步' }).click();

async function fillStepOne(name: string) {
  await field(page, '拟用名称').fill(name);
  await field(page, '宗旨').fill('服务社区青少年，普及科学知识，促进科技教育发展。');
  await field(page, '业务范围').fill('科普讲座、青少年科技活动、科技教育培训。');
  await field(page, '住所').fill('常州市钟楼区南大街18号');
}

async function fillStepTwo(email: string) {
  const contact = page.getByRole('group', { name: '联系人' });
  await field(contact, '姓名').fill('刘联络');
  await field(contact, '电话').fill('0519-88881234');
  await field(contact, '电子邮箱').fill(email);
  const rep = page.getByRole('group', { name: '拟任法定代表人' });
  await field(rep, '姓名').fill('刘法人');
  await field(rep, '拟任职务').fill('会长');
  const founder = page.getByRole('group', { name: '发起人（举办者）1' });
  await field(founder, '姓名').fill('张发起');
  await field(founder, '证件号码').fill(residentId(2));
  return rep;
}

async function fillStepThree() {
  await field(page, '金额（元）').fill('50000');
  await field(page, '资金来源').fill('发起人捐赠');
  await field(page.getByRole('group', { name: '办公场所' }), '地址').fill('常州市钟楼区南大街18号');
  await field(page, '面积（平方米）').fill('120');
  await page.getByLabel('租用或使用期限').fill('36');
  await field(page, '个人会员（个）').fill('60');
}

async function openFile(id: string) {
  await page.goto(`${h.baseUrl}/registrations/${id}`);
  await page.locator('.file-status .badge').waitFor();
}

/** Opens an action's dialog, writes its reason, confirms, and returns the dialog. */
async function decide(action: string, reason?: string) {
  await page.locator('.action-buttons').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (reason) await dialog.getByRole('textbox').last().fill(reason);
  await dialog.getByRole('button', { name: `确认${action}` }).click();
  return dialog;
}

describe('the web front end, registration', () => {
  it('given the sign-in page outside embedded mode, then it lists no demo accounts and speaks zh-CN', async () => {
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('heading', { name: '社会组织业务办理系统' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByText('演示账号').count()).toBe(0);
    await shoot(page, '01-sign-in');
  });

  it('given an applicant, when they file with a document missing, fix the deficiency, and two reviewers approve, then the applicant downloads the certificate', async () => {
    const applicant = await h.newApplicant();
    const name = `常州市钟楼区${uniqueWord()}科技促进会`;

    // The applicant files, guided by the form's own checks.
    await signIn(page, h.baseUrl, applicant.username);
    await page.getByRole('heading', { name: '我的申请' }).waitFor();
    await page.getByRole('link', { name: '新建登记申请' }).first().click();
    await page.getByLabel('组织形式').selectOption('social_group');
    await page.getByLabel('类别（直接登记的四类）').selectOption('science_technology');
    await next();
    await page.locator('.field-invalid', { hasText: '拟用名称' }).getByText('必填').waitFor();
    await shoot(page, '02-form-step1-errors');
    await fillStepOne(name);
    await page.getByRole('button', { name: '检查名称是否可用' }).click();
    await page.getByText('名称可以使用').waitFor();
    // A reload keeps what was typed: the draft stays in the browser until it is filed.
    await page.reload();
    await page.getByText('已恢复您上次未提交的草稿').waitFor();
    expect(await field(page, '拟用名称').inputValue()).toBe(name);
    await next();

    const rep = await fillStepTwo(applicant.email);
    await field(rep, '证件号码').fill('320404198001011234');
    await next();
    await rep.getByText('居民身份证号码无效（校验位不符）').waitFor();
    await field(rep, '证件号码').fill(residentId(1));
    await next();

    await fillStepThree();
    await next();

    const types = requiredDocuments('social_group', false).map((r) => r.type);
    for (const t of types.filter((t) => t !== 'charter_draft')) await uploadDocument(t);
    await page.getByText('尚缺 1 项材料：章程草案').waitFor();
    await shoot(page, '03-form-documents');
    await next();

    for (const label of ['未受过剥夺政治权利', '完全民事行为能力', '真实、合法、有效']) {
      await page.getByLabel(label, { exact: false }).check();
    }
    await page.getByRole('button', { name: '提交申请' }).click();
    await status('已提交，待受理审查');
    const id = page.url().split('/').at(-1) as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    // Reviewer 1 finds it on the work list and issues the one-time deficiency notice.
    await signOut(page);
    await signIn(page, h.baseUrl, h.user('reviewer1').username);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.locator('.work-item', { hasText: name }).getByText('待受理审查').waitFor();
    await shoot(page, '04-reviewer-worklist');
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await page.getByText('缺少章程草案').first().waitFor();
    await shoot(page, '05-reviewer-file');
    await page.getByRole('button', { name: '出具一次性补正通知' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('checkbox', { name: /缺少章程草案/ }).isChecked()).toBe(true);
    await shoot(page, '06-reviewer-notice-dialog');
    await dialog.getByRole('button', { name: '确认出具一次性补正通知' }).click();
    await status('待申请人补正材料');

    // The applicant reads every item, uploads what was missing and resubmits.
    await signOut(page);
    await signIn(page, h.baseUrl, applicant.username);
    await page.getByText(`${name}：待补正材料`).click();
    await page.getByRole('heading', { name: '补正通知（第1次）' }).waitFor();
    await page.locator('.notice-items').getByText('缺少章程草案').waitFor();
    await page.locator('.head-deadline', { hasText: '申请人补正期限' }).waitFor();
    await page.locator('.deadline-label', { hasText: '申请人补正期限' }).waitFor();
    await shoot(page, '07-applicant-status-notice');
    await page.getByRole('link', { name: '补正材料并重新提交' }).click();
    await page.getByRole('heading', { name: '补正材料并重新提交' }).waitFor();
    expect(await field(page, '拟用名称').inputValue()).toBe(name);
    await next();
    await next();
    await next();
    await uploadDocument('charter_draft');
    await page.getByText('所需材料已齐全').waitFor();
    await next();
    await page.getByRole('button', { name: '重新提交' }).click();
    await status('已提交，待受理审查');

    // Reviewer 1 accepts and approves the first level.
    await signOut(page);
    await signIn(page, h.baseUrl, h.user('reviewer1').username);
    await openFile(id);
    await decide('受理');
    await status('初审中');
    await decide('初审通过（拟准予登记）', '材料齐全，符合直接登记条件，拟准予登记。');
    await status('复审中');

    // Reviewer 2 approves the second level; the certificate is issued.
    await signOut(page);
    await signIn(page, h.baseUrl, h.user('reviewer2').username);
    await page.locator('.work-item', { hasText: name }).getByText('待复审').waitFor();
    await openFile(id);
    await decide('复审通过，准予登记', '经复审，准予登记。');
    await status('准予登记');

    // The applicant sees the decision and downloads the certificate.
    await signOut(page);
    await signIn(page, h.baseUrl, applicant.username);
    await openFile(id);
    const download = page.getByRole('link', { name: '下载登记证书（PDF）' });
    await download.waitFor({ timeout: 30_000 });
    await page.getByText('统一社会信用代码').waitFor();
    await shoot(page, '08-applicant-decision');
    const [pdf] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const saved = await pdf.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await signOut(page);
  }, 240_000);

  it('given a file whose first level reviewer 1 approved, when reviewer 1 opens the second level, then no decision is offered, the page says why, and the workflow refuses it with its reason', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'private_non_enterprise', 'community_service');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (v) => v.status === 'submitted');
    expect((await act(h, r1, id, 'accept')).status).toBe(200);
    expect((await act(h, r1, id, 'approve', { opinion: '拟准予' })).status).toBe(200);

    await signIn(page, h.baseUrl, h.user('reviewer1').username);
    await openFile(id);
    await status('复审中');
    await page.getByText('按“两人审查”规则，本级须由其他人员办理').waitFor();
    // The workflow would refuse every decision of this level from reviewer 1: none is offered.
    expect(await page.locator('.action-buttons').getByRole('button').count()).toBe(0);
    await shoot(page, '09-reviewer-refused');
    const refused = await act(h, r1, id, 'approve', { opinion: '准予登记。' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('复审须由初审以外的人员进行：李审查已办理本件初审');
    await status('复审中');
    await signOut(page);
  }, 120_000);
  it('given a file in first review, when the section head assigns it and asks for an extension, then the assignee shows and the extension is neither offered nor accepted, with the rule that forbids it', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'public_welfare');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (v) => v.status === 'submitted');
    expect((await act(h, r1, id, 'accept')).status).toBe(200);

    await signIn(page, h.baseUrl, h.user('section').username);
    await page.getByRole('link', { name: '工作目标' }).waitFor();
    await openFile(id);
    await status('初审中');
    await page.locator('.action-buttons').getByRole('button', { name: '分配承办人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('承办人').selectOption(h.user('reviewer2').id);
    await dialog.getByRole('button', { name: '确认分配承办人' }).click();
    await page.locator('.action-bar').getByText('承办人：王复核').waitFor();
    await page.locator('.timeline').getByText('承办人：王复核').waitFor();
    // The rules in force allow no extension: it is not offered, and the workflow refuses it.
    const bar = page.locator('.action-buttons');
    expect(await bar.getByRole('button', { name: '申请延长审查期限' }).count()).toBe(0);
    await shoot(page, '16-section-head-refused-extension');
    const section = await h.login('section');
    const refused = await act(h, section, id, 'extension-request', {
      reason: '材料需要实地核查。',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('现行规则版本的审查期限由条例规定，不适用延长审查期限');
    await signOut(page);
  }, 120_000);
});
