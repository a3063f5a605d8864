import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { createSealer, prepareSeal, storeSeal } from '../../activities/documents/seal-document';
import { formatSealCode, parseSigningKey } from '../../lib/document-seal';
import { type Browser, openBrowser, SCREENSHOTS, shoot, signIn } from '../support/browser';
import { type Harness, startHarness } from '../support/harness';
import { STATUS_LABEL } from '../../workflows/registration/view-types';

/**
 * Lists that scale (issue 15 point 7) in the browser: a reviewer pages through 全部申请, narrows
 * it by status, downloads it as Excel (read back with exceljs), and opens the print view of a
 * refusal with the authority's name, the document number and no menu; an evaluator pages through
 * the 21 evaluation files they are seated on and downloads them as Excel. The files are
 * projections written straight into the database, named after this file's district.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let tag: string;
let refused: string;
const docNo = () => `钟民登不予字〔2026〕第${tag.slice(-4)}号`;
const decisionFileId = randomUUID();
let sealCode: string;

beforeAll(async () => {
  h = await startHarness();
  tag = h.districtCode;
  const org = await h.db.organization.create({ data: { name: `翻页${tag}组织` } });
  const filer = h.user('reviewer1').id;
  const base = Date.parse('2026-05-01T02:00:00Z');
  for (let n = 1; n <= 25; n++) {
    const id = randomUUID();
    const rejected = n === 25;
    const applicationNo = `P${tag}-${String(n).padStart(3, '0')}`;
    const name = `翻页${tag}协会${String(n).padStart(2, '0')}`;
    const filedAt = new Date(base - n * 3_600_000).toISOString();
    const decidedAt = '2026-05-20T06:00:00.000Z';
    await h.db.registration.create({
      data: {
        id,
        applicationNo,
        workflowId: `web-lists-${id}`,
        organizationId: org.id,
        filedById: filer,
        proposedName: name,
        category: 'community_service',
        legalForm: 'social_group',
        status: rejected ? 'rejected' : 'approved',
        filedAt: new Date(filedAt),
        decidedAt: new Date(decidedAt),
        view: rejected
          ? {
              registrationId: id,
              applicationNo,
              name,
              status: 'rejected',
              statusLabel: STATUS_LABEL.rejected,
              deadlines: [],
              findings: [],
              notices: [],
              trail: [],
              legalForm: 'social_group',
              category: 'community_service',
              filedAt,
              receiptNo: null,
              creditCode: null,
              decision: {
                outcome: 'rejected',
                at: decidedAt,
                by: { id: filer, name: '陈局长', role: 'bureau_head' },
                reason: '拟定名称与已登记组织重复',
                grounds: [],
                legalBasis: '《社会团体登记管理条例》第十三条',
              },
              documents: [
                {
                  kind: 'rejection_decision',
                  title: '不予登记决定书',
                  fileId: decisionFileId,
                  docNo: docNo(),
                  issuedAt: decidedAt,
                },
              ],
            }
          : undefined,
      },
    });
    if (rejected) refused = id;
    if (rejected) sealCode = await sealDecision(id);
  }
  await seatEvaluator();
  browser = await openBrowser();
  page = browser.page;
}, 120_000);

/** The refusal's seal, as the registration workflow's document activity stores it. */
async function sealDecision(registrationId: string): Promise<string> {
  const sealer = createSealer(
    parseSigningKey(h.config.DOCUMENT_SIGNING_KEY as string),
    h.config.publicUrl,
  );
  const seal = prepareSeal(sealer, {
    documentKey: `web-lists-${registrationId}/decision`,
    kind: 'registration_document',
    subjectType: 'registration',
    subjectId: registrationId,
    issuedAt: new Date('2026-05-20T06:00:00.000Z'),
    data: {
      title: '不予登记决定书',
      docNo: docNo(),
      holder: `翻页${tag}协会25申请人`,
      issuedOn: '2026-05-20',
      authority: h.config.AUTHORITY_NAME,
    },
  });
  await storeSeal(h.db, seal, decisionFileId);
  return seal.code;
}

/** A campaign of this district with 21 files (one organisation each), the evaluator seated on all. */
async function seatEvaluator() {
  const campaignId = randomUUID();
  await h.db.evaluationCampaign.create({
    data: {
      id: campaignId,
      workflowId: `web-lists-campaign-${campaignId}`,
      districtCode: tag,
      year: 2026,
      title: `${tag}年度评估`,
      phase: 'assessment',
      noticeAt: new Date('2026-03-01T02:00:00Z'),
      windowOpensAt: new Date('2026-03-01T02:00:00Z'),
      windowClosesAt: new Date('2026-03-31T10:00:00Z'),
      committeeIds: [],
      reviewCommitteeIds: [],
      openedById: h.user('admin').id,
    },
  });
  for (let n = 1; n <= 21; n++) {
    const org = await h.db.organization.create({
      data: { name: `评估${tag}组织${String(n).padStart(2, '0')}` },
    });
    const id = randomUUID();
    await h.db.evaluationFile.create({
      data: {
        id,
        campaignId,
        organizationId: org.id,
        workflowId: `web-lists-file-${id}`,
        fileNo: `PG-${tag}-${String(n).padStart(3, '0')}`,
        appliedAt: new Date(Date.parse('2026-04-01T02:00:00Z') + n * 60_000),
        appliedById: h.user('admin').id,
        selfScore: 800,
        selfAssessment: '自评',
        evidenceFileIds: [],
      },
    });
    await h.db.evaluationAssignment.create({
      data: { fileId: id, evaluatorId: h.user('evaluator').id, agencyId: randomUUID() },
    });
  }
}

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

describe('全部申请 in the browser', () => {
  it('given 25 files, when a reviewer searches, then the list shows 20 and the next page the other 5', async () => {
    await signIn(page, h.baseUrl, h.user('reviewer1').username);
    await page.getByRole('link', { name: '全部申请' }).click();
    await page.getByLabel('名称或申请编号').fill(`翻页${tag}`);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 25 件').waitFor();
    const pager = page.getByRole('navigation', { name: '分页' });
    await pager.getByText('共 25 条 · 第 1 / 2 页').waitFor();
    expect(await page.locator('table.table tbody tr').count()).toBe(20);
    // Newest first: file 01 was filed last.
    await page.locator('table.table tbody tr').first().getByText(`翻页${tag}协会01`).waitFor();
    await pager.getByRole('button', { name: '下一页' }).click();
    await pager.getByText('第 2 / 2 页').waitFor();
    expect(await page.locator('table.table tbody tr').count()).toBe(5);
    await page.getByText(`翻页${tag}协会25`).waitFor();
    expect(await pager.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await shoot(page, '70-all-registrations-paged');
  });

  it('when the reviewer filters by status and downloads Excel, then the workbook holds the filtered rows', async () => {
    await page.getByLabel('状态').selectOption('rejected');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 件').waitFor();
    expect(await page.getByRole('navigation', { name: '分页' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('登记申请.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(1).getCell(2).value).toBe('拟定名称');
    expect(ws.getRow(2).getCell(2).value).toBe(`翻页${tag}协会25`);
    expect(ws.getRow(2).getCell(5).value).toBe('不予登记');
  });

  it('when the reviewer opens the print view of the refusal, then it carries the authority, the number and the date, and no menu', async () => {
    await page.goto(`${h.baseUrl}/registrations/${refused}/decision/print`);
    const sheet = page.locator('article.print-sheet');
    await sheet.getByRole('heading', { name: '不予登记决定书' }).waitFor();
    await sheet.getByText(docNo()).waitFor();
    // The decision's seal: the QR code and the code of its public verification page.
    await sheet.getByRole('img', { name: '核验二维码' }).waitFor();
    expect(await sheet.locator('.print-verification-code').textContent()).toBe(
      formatSealCode(sealCode),
    );
    expect(await sheet.locator('.print-authority').textContent()).toBe(h.config.AUTHORITY_NAME);
    await sheet.getByText('2026年5月20日').waitFor();
    await sheet.getByText('拟定名称与已登记组织重复', { exact: false }).waitFor();
    expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
    expect(await page.getByText('社会组织业务办理系统').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await page.screenshot({
      path: path.join(SCREENSHOTS, '71-decision-print.png'),
    });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(true);
  });
});

describe('我的评估事项 in the browser', () => {
  it('given 21 seated files, when the evaluator pages and exports, then page 2 holds the 21st and the workbook all 21', async () => {
    await signIn(page, h.baseUrl, h.user('evaluator').username);
    await page.getByRole('heading', { name: '分配给我的评估事项' }).waitFor();
    await page.getByText('共 21 件').waitFor();
    const pager = page.getByRole('navigation', { name: '分页' });
    await pager.getByText('共 21 条 · 第 1 / 2 页').waitFor();
    expect(await page.locator('.work-list .work-item').count()).toBe(20);
    await page.getByText(`评估${tag}组织01`).waitFor();
    await pager.getByRole('button', { name: '下一页' }).click();
    await pager.getByText('第 2 / 2 页').waitFor();
    await page.getByText(`评估${tag}组织21`).waitFor();
    expect(await page.locator('.work-list .work-item').count()).toBe(1);
    await shoot(page, '72-evaluator-files-paged');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('评估事项.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(22);
    expect(ws.getRow(1).getCell(1).value).toBe('评估编号');
    expect(ws.getRow(2).getCell(1).value).toBe(`PG-${tag}-001`);
    expect(ws.getRow(22).getCell(2).value).toBe(`评估${tag}组织21`);
  });
});
