import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSealer } from '../../activities/documents/seal-document';
import { sealLink } from '../../api/seal-link';
import { makeAwardGrade } from '../../activities/evaluation/award-grade';
import {
  generateSigningKeyPem,
  parsePublicKey,
  parseSigningKey,
  readSealFromPdf,
  verifySeal,
} from '../../lib/document-seal';
import { openCampaignRow } from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  CATALOGUE_ITEM,
  catalogueCodeOf,
  newProject,
  newUndertaker,
  ok,
  type PurchaseCast,
  setUpPurchase,
  waitForPurchase,
} from '../support/purchase-steps';
import { act, file, waitFor } from '../support/registration-steps';

/**
 * The public pages' API over real HTTP, without signing in (issue 15 points 6 and 11): each list
 * discloses what is public at its stage and nothing more; a sealed document is genuine and in
 * force until its organisation is deregistered or its grade ends; a tampered seal fails, on the
 * server and with `npm run verify-document` and the public key alone.
 */

let h: Harness;
let cast: PurchaseCast;
let dir: string;
const anonymous = () => http(h.baseUrl);
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, {
    publicity: { amount: 60, unit: 'seconds' },
    methods: { openTenderThresholdFen: 100_000_000 },
  });
  dir = mkdtempSync(path.join(tmpdir(), 'mzf-seal-'));
}, 120_000);
afterAll(async () => {
  await h?.teardown();
});

/** `npm run verify-document -- …` with the public key alone (no database, no signing key). */
async function verifyOffline(target: string): Promise<{ code: number; out: string }> {
  const keys = await anonymous().get('/api/public/documents/keys');
  const pem = path.join(dir, 'public.pem');
  writeFileSync(pem, keys.body.keys[0].publicKeyPem);
  try {
    const r = await run('npx', ['tsx', 'scripts/verify-document.ts', target, '--public-key', pem], {
      cwd: ROOT,
      // biome-ignore lint/style/noProcessEnv: the child finds npx on the PATH, and nothing else.
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dir },
    });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

describe('verifiable documents', () => {
  let orgId: string;
  let certificateCode: string;

  it('given an approved registration, then its certificate carries a seal anyone can check: genuine and in force, offline too', async () => {
    const applicant = await h.newApplicant();
    orgId = applicant.organizationId;
    const { id } = await file(h, applicant, 'social_group', 'community_service');
    const r1 = await h.login('reviewer1');
    const r2 = await h.login('reviewer2');
    await waitFor(
      h,
      r1,
      id,
      (v) => v.trail.some((t) => t.action === 'filed') && v.nameCheck !== null,
    );
    expect((await act(h, r1, id, 'accept')).status).toBe(200);
    await act(h, r1, id, 'approve', { opinion: '材料齐全，符合条件，拟准予登记' });
    const approved = await act(h, r2, id, 'approve', { opinion: '同意准予登记' });
    expect(approved.body.status).toBe('approved');
    const creditCode: string = approved.body.creditCode;

    // The receipt and the certificate are drawn just after their decisions are answered
    // (patch registration-outputs-after-decision): the download waits for the certificate.
    const res = await fetch(`${h.baseUrl}/api/registrations/${id}/certificate`, {
      headers: { authorization: `Bearer ${applicant.token}` },
    });
    expect(res.status).toBe(200);

    // The acceptance receipt is sealed as well, about the application.
    let receipt = null;
    for (let i = 0; i < 100 && !receipt; i++) {
      receipt = await h.db.documentSeal.findFirst({
        where: { subjectType: 'registration', subjectId: id },
      });
      if (!receipt) await new Promise((r) => setTimeout(r, 100));
    }
    expect(receipt?.kind).toBe('registration_document');

    const seal = await h.db.documentSeal.findFirstOrThrow({
      where: { kind: 'registration_certificate', subjectId: orgId },
    });
    certificateCode = seal.code;
    const pdf = Buffer.from(await res.arrayBuffer());
    const inPdf = readSealFromPdf(pdf);
    expect(inPdf?.canonical).toBe(seal.canonical);
    const key = parsePublicKey(
      (await anonymous().get('/api/public/documents/keys')).body.keys[0].publicKeyPem,
    );
    expect(verifySeal(key, inPdf!)).toBe(true);

    // Anyone, by the code as printed (groups of four, lower case).
    const printed = seal.code.match(/.{4}/g)!.join('-').toLowerCase();
    const checked = await anonymous().get(`/api/public/documents/${printed}`);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      genuine: true,
      status: 'in_force',
      statusLabel: '有效',
      document: { holder: expect.any(String), creditCode, docNo: creditCode },
    });
    expect(checked.headers.get('cache-control')).toBe('no-store');

    // The decision's print view carries the certificate's verification mark.
    const detail = await http(h.baseUrl, r2).get(`/api/registrations/${id}`);
    expect(detail.body.decisionSeal).toEqual({
      code: seal.code.match(/.{4}/g)!.join('-'),
      url: `${h.config.publicUrl.replace(/\/+$/, '')}/public/verify/${seal.code}`,
    });

    const pdfFile = path.join(dir, 'certificate.pdf');
    writeFileSync(pdfFile, pdf);
    const offline = await verifyOffline(pdfFile);
    expect(offline.out).toContain('数字签章有效');
    expect(offline.out).toContain(creditCode);
    expect(offline.code).toBe(0);
  }, 120_000);

  it('given an unknown code, then the answer is 404 and says so in Chinese', async () => {
    const r = await anonymous().get('/api/public/documents/0000-0000-0000-0000-0000');
    expect(r.status).toBe(404);
    expect(r.body.detail).toContain('核验码');
  });

  it('given a seal whose data was altered in the database, then it fails verification, on the server and offline', async () => {
    const seal = await h.db.documentSeal.findUniqueOrThrow({ where: { code: certificateCode } });
    const holder = (JSON.parse(seal.canonical) as { holder: string }).holder;
    await h.db.documentSeal.update({
      where: { id: seal.id },
      data: { canonical: seal.canonical.replace(holder, '常州市钟楼区冒名协会') },
    });
    const r = await anonymous().get(`/api/public/documents/${certificateCode}`);
    expect(r.body).toMatchObject({ genuine: false, status: 'invalid', statusLabel: '验证失败' });
    expect(r.body.document).toBeNull();
    const saved = path.join(dir, 'tampered.json');
    writeFileSync(saved, JSON.stringify(r.body));
    const offline = await verifyOffline(saved);
    expect(offline.out).toContain('数字签章无效');
    expect(offline.code).toBe(1);
    await h.db.documentSeal.update({ where: { id: seal.id }, data: { canonical: seal.canonical } });
  }, 60_000);

  it('given the organisation deregistered, then its certificate shows as no longer in force', async () => {
    await h.db.organization.update({ where: { id: orgId }, data: { status: 'deregistered' } });
    const r = await anonymous().get(`/api/public/documents/${certificateCode}`);
    expect(r.body).toMatchObject({ genuine: true, status: 'not_in_force', statusLabel: '已失效' });
    expect(r.body.reason).toContain('注销');
    await h.db.organization.update({ where: { id: orgId }, data: { status: 'registered' } });
  });

  it('given the signing key rotated, then the old seals verify while the old public key is configured, and not otherwise', async () => {
    const rotated = generateSigningKeyPem();
    const old = parseSigningKey(h.config.DOCUMENT_SIGNING_KEY as string);
    const withOld = await h.startApi({
      config: { DOCUMENT_SIGNING_KEY: rotated, DOCUMENT_VERIFY_KEYS: old.publicPem },
    });
    const without = await h.startApi({ config: { DOCUMENT_SIGNING_KEY: rotated } });
    try {
      const kept = await http(withOld.baseUrl).get(`/api/public/documents/${certificateCode}`);
      expect(kept.body).toMatchObject({ genuine: true, status: 'in_force' });
      const keys = await http(withOld.baseUrl).get('/api/public/documents/keys');
      expect(keys.body.keys.map((k: { keyId: string }) => k.keyId)).toEqual([
        parseSigningKey(rotated).keyId,
        old.keyId,
      ]);
      const lost = await http(without.baseUrl).get(`/api/public/documents/${certificateCode}`);
      expect(lost.body).toMatchObject({ genuine: false, status: 'invalid' });
      expect(lost.body.reason).toContain('密钥');
    } finally {
      await withOld.close();
      await without.close();
    }
  });

  it('given grade certificates, then one in force shows 有效 and on the grade list, an expired one 已失效 and off it', async () => {
    const sealer = createSealer(
      parseSigningKey(h.config.DOCUMENT_SIGNING_KEY as string),
      h.config.publicUrl,
    );
    const award = makeAwardGrade(h.db, h.config.AUTHORITY_NAME, sealer);
    const campaignId = await openCampaignRow(h, '公开页面测试评估');
    const admin = h.user('admin').id;
    const grade = async (organizationId: string, awardedOn: string, expiresOn: string) => {
      const fileId = randomUUID();
      await h.db.evaluationFile.create({
        data: {
          id: fileId,
          campaignId,
          organizationId,
          workflowId: `evaluation-file-${fileId}`,
          appliedAt: new Date(),
          appliedById: admin,
          selfScore: 900,
          selfAssessment: '自评',
        },
      });
      const g = await award({
        fileId,
        organizationId,
        level: 4,
        awardingLevel: 'district',
        awardedOn,
        expiresOn,
        withCertificate: true,
      });
      const seal = await h.db.documentSeal.findFirstOrThrow({ where: { subjectId: g.gradeId } });
      expect(seal.fileId).toBe(g.certificateFileId);
      // The grade decision's print view finds the certificate's mark by the file.
      const link = await sealLink(h.db, h.config.publicUrl, {
        documentKey: `evaluation-certificate:${fileId}`,
      });
      expect(link?.url).toMatch(new RegExp(`/public/verify/${seal.code}$`));
      return seal.code;
    };
    const lapsed = await h.db.organization.create({
      data: { name: `常州市钟楼区过期等级协会${h.districtCode}`, status: 'registered' },
    });
    const expired = await grade(lapsed.id, '2019-06-01', '2024-05-31');
    const current = await grade(orgId, '2026-01-05', '2031-01-04');

    const old = await anonymous().get(`/api/public/documents/${expired}`);
    expect(old.body).toMatchObject({
      genuine: true,
      status: 'not_in_force',
      statusLabel: '已失效',
    });
    expect(old.body.reason).toContain('2024-05-31');
    expect(old.body.document).toMatchObject({ level: '4A级', validTo: '2024-05-31' });
    const now = await anonymous().get(`/api/public/documents/${current}`);
    expect(now.body).toMatchObject({ genuine: true, status: 'in_force', statusLabel: '有效' });

    const list = await anonymous().get('/api/public/evaluation/results');
    const listed = list.body.grades.map((g: { organizationId: string }) => g.organizationId);
    expect(listed).toContain(orgId);
    expect(listed).not.toContain(lapsed.id);
  }, 60_000);
});

describe('the funding list of a venture-philanthropy round', () => {
  it('given a round still scoring, then nothing is public; once under publicity, the list names organisation, project and amount, never the team or the bank account', async () => {
    const org = await h.db.organization.create({
      data: { name: `常州市钟楼区公开名单测试中心${h.districtCode}`, status: 'registered' },
    });
    const roundId = randomUUID();
    await h.db.competitionRound.create({
      data: {
        id: roundId,
        title: `公开名单测试轮次${h.districtCode}`,
        workflowId: `competition-round-${roundId}`,
        stage: 'scored',
        settings: { categories: [{ code: 'elderly', name: '为老服务' }] },
        ruleVersion: 'test',
        budgetFen: 100_000_000n,
        callOpensAt: new Date(Date.now() - 86_400_000),
        callClosesAt: new Date(Date.now() - 3_600_000),
        createdById: h.user('admin').id,
      },
    });
    const proposal = randomUUID();
    await h.db.competitionProposal.create({
      data: {
        id: proposal,
        roundId,
        organizationId: org.id,
        workflowId: `competition-proposal-${proposal}`,
        title: '银龄互助计划',
        category: 'elderly',
        status: 'selected',
        content: {
          team: [{ name: '张保密', phone: '13800001111' }],
          bankAccount: { bank: '银行', accountName: '户名', accountNo: '6222000011112222' },
        },
        requestedFen: 5_000_000n,
        capFen: 10_000_000n,
        awardFen: 4_500_000n,
        submittedAt: new Date(),
      },
    });
    const before = await anonymous().get('/api/public/competitions');
    expect(before.status).toBe(200);
    expect(before.body.rounds.map((r: { id: string }) => r.id)).not.toContain(roundId);

    await h.db.competitionRound.update({
      where: { id: roundId },
      data: { stage: 'publicity', publicityEndsAt: new Date(Date.now() + 5 * 86_400_000) },
    });
    const during = await anonymous().get('/api/public/competitions');
    const round = during.body.rounds.find((r: { id: string }) => r.id === roundId);
    expect(round).toMatchObject({
      underPublicity: true,
      items: [
        {
          title: '银龄互助计划',
          category: '为老服务',
          organizationName: org.name,
          awardYuan: 45_000,
        },
      ],
    });
    const text = JSON.stringify(during.body);
    for (const secret of ['6222000011112222', '张保密', '13800001111', proposal])
      expect(text).not.toContain(secret);
  });
});

describe('purchase notices and awards', () => {
  it('given a purchase from planning to award, then the public list shows the notice without any respondent, and the winner only once the award is publicised', async () => {
    const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
      ...CATALOGUE_ITEM,
      code: catalogueCodeOf(h, 5),
    });
    expect(item.status).toBe(201);
    const title = `社区助老服务（公开页面测试${h.districtCode}）`;
    const id = await newProject(h, cast, item.body.id, 30_000_000, title);
    const listed = async () => {
      const r = await anonymous().get('/api/public/purchases');
      expect(r.status).toBe(200);
      const row = r.body.items.find((p: { id: string }) => p.id === id);
      return { row, text: JSON.stringify(row ?? null) };
    };

    await ok(h, cast.buyer, id, 'plan', { method: 'open_tender' });
    expect((await listed()).row).toBeUndefined();

    const closesAt = new Date(Date.now() + 8_000).toISOString();
    await ok(h, cast.buyer, id, 'notice', { closesAt, requirements: '具有助老服务经验' });
    const a = await newUndertaker(h);
    const b = await newUndertaker(h);
    const c = await newUndertaker(h);
    await ok(h, a.token, id, 'responses', { priceFen: 28_000_000, proposal: '方案甲' });
    await ok(h, b.token, id, 'responses', { priceFen: 27_000_000, proposal: '方案乙' });
    await ok(h, c.token, id, 'responses', { priceFen: 29_000_000, proposal: '方案丙' });
    const open = await listed();
    expect(open.row).toMatchObject({
      title,
      budgetYuan: 300_000,
      methodLabel: '公开招标',
      notice: { requirements: '具有助老服务经验', closesAt },
      award: null,
    });
    for (const u of [a, b, c]) expect(open.text).not.toContain(u.creditCode);
    expect(open.text).not.toContain('方案甲');

    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    const evaluating = await listed();
    for (const u of [a, b, c]) expect(evaluating.text).not.toContain(u.creditCode);

    await ok(h, cast.buyer, id, 'panel', { expertIds: cast.experts.slice(0, 3).map((e) => e.id) });
    for (const e of cast.experts.slice(0, 3)) {
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
      await ok(h, e.token, id, 'scores', {
        scores: [
          { organizationId: a.organizationId, score: 90 },
          { organizationId: b.organizationId, score: 80 },
          { organizationId: c.organizationId, score: 70 },
        ],
      });
    }
    await ok(h, cast.buyer, id, 'award', { opinion: '按综合得分确定' });
    const awarded = await listed();
    expect(awarded.row.award).toMatchObject({ creditCode: a.creditCode, amountYuan: 280_000 });
    // The other respondent is never named, nor any score or expert.
    for (const u of [b, c]) expect(awarded.text).not.toContain(u.creditCode);
    for (const e of cast.experts) expect(awarded.text).not.toContain(e.id);
  }, 120_000);
});
