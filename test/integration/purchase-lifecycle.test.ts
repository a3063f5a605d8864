import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codelist, validateReleasePackage } from '../../lib/ocds/validate-release-package';
import { hashPassword } from '../../lib/password';
import { type Harness, PASSWORD, startHarness } from '../support/harness';
import { http } from '../support/http';
import {
  act,
  CATALOGUE_ITEM,
  newProject,
  newUndertaker,
  ok,
  type PurchaseCast,
  recordPurchaseHistory,
  setUpPurchase,
  waitForPurchase,
} from '../support/purchase-steps';

/**
 * One purchase from catalogue item to closed contract over real HTTP, on the real Temporal
 * dev server, PostgreSQL and SMTP: method rules, eligibility, conflicts, a challenge, contract
 * validation, a returned milestone that holds its payment, the second official, OCDS.
 */

const seconds = (amount: number) => ({ amount, unit: 'seconds' });

/** One more evaluator account, for a panel larger than the cast's four. */
async function extraExpert(name: string) {
  const username = `t${h.districtCode}-${name}`;
  const acc = await h.db.account.create({
    data: {
      username,
      displayName: name,
      email: `${username}@test.zhonglou.example`,
      role: 'evaluator',
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  return { id: acc.id, token: await h.login(username) };
}
const BUDGET = 50_000_000; // 500,000.00 yuan

let h: Harness;
let cast: PurchaseCast;

beforeAll(async () => {
  h = await startHarness();
  cast = await setUpPurchase(h, {
    publicity: seconds(4),
    methods: { openTenderThresholdFen: 100_000_000 },
  });
});
afterAll(async () => {
  await h?.teardown();
});

const TERMS = {
  clauses: {
    serviceContent: '为辖区内120名居家老人提供上门助餐、助洁、陪护服务',
    duration: '2026年12月1日至2027年11月30日',
    quantity: '全年不少于4800人次',
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

describe('government purchase of services', () => {
  it('given an administrator, when an item in use is revised, then the old version is retired and can no longer be deleted or used', async () => {
    const admin = http(h.baseUrl, cast.admin);
    const created = await admin.post('/api/purchase-catalogue', {
      ...CATALOGUE_ITEM,
      code: '01.03.901',
    });
    expect(created.status).toBe(201);
    const v1 = created.body.id;
    const used = await newProject(h, cast, v1, 1_000_000, '目录版本测试项目');
    expect(used).toBeDefined();
    const revised = await admin.post(`/api/purchase-catalogue/${v1}/revise`, {
      ...CATALOGUE_ITEM,
      code: '01.03.901',
      priceBasis: '按2027年指导价结算',
    });
    expect(revised.body).toMatchObject({ version: 2, status: 'active', previousId: v1 });
    const del = await http(h.baseUrl, cast.admin).raw('DELETE', `/api/purchase-catalogue/${v1}`);
    expect(del.status).toBe(409);
    const fromRetired = await http(h.baseUrl, cast.buyer).post('/api/purchases', {
      catalogueItemId: v1,
      title: '用停用版本建项',
      department: '区民政局',
      purchaserKind: 'state_organ',
      budgetFen: 100,
      budgetYear: 2026,
      performanceTargets: ['x'],
    });
    expect(fromRetired.status).toBe(409);
    const forbidden = await http(h.baseUrl, cast.buyer).post(
      '/api/purchase-catalogue',
      CATALOGUE_ITEM,
    );
    expect(forbidden.status).toBe(403);
  });

  it('given a catalogue item, when a purchase runs to the end, then every rule holds and the OCDS package is valid', async () => {
    const item = await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', CATALOGUE_ITEM);
    const id = await newProject(h, cast, item.body.id, BUDGET, '2027年度居家养老上门服务');

    // Method rules: price enquiry is for goods only; a non-tender method needs its ground.
    const enquiry = await act(h, cast.buyer, id, 'plan', { method: 'price_enquiry' });
    expect(enquiry.status).toBe(422);
    expect(enquiry.body.detail).toContain('询价');
    const noGround = await act(h, cast.buyer, id, 'plan', { method: 'competitive_negotiation' });
    expect(noGround.status).toBe(422);
    const a = await newUndertaker(h, { grade: 4 });
    const b = await newUndertaker(h);
    const c = await newUndertaker(h, { grade: 2 });
    const dishonest = await newUndertaker(h, { dishonest: true });
    const penalised = await newUndertaker(h, { penaltyKind: '限期停止活动' });
    await ok(h, cast.buyer, id, 'plan', { method: 'open_tender' });
    const closesAt = new Date(Date.now() + 6_000).toISOString();
    await ok(h, cast.buyer, id, 'notice', { closesAt, requirements: '具有养老服务经验的社会组织' });

    await ok(h, a.token, id, 'responses', { priceFen: 48_000_000, proposal: '方案甲' });
    await ok(h, b.token, id, 'responses', { priceFen: 46_000_000, proposal: '方案乙' });
    await ok(h, c.token, id, 'responses', { priceFen: 49_000_000, proposal: '方案丙' });
    const refused = await act(h, dishonest.token, id, 'responses', {
      priceFen: 40_000_000,
      proposal: '方案丁',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('严重违法失信名单');
    const major = await act(h, penalised.token, id, 'responses', {
      priceFen: 40_000_000,
      proposal: '方案戊',
    });
    expect(major.status).toBe(422);
    expect(major.body.detail).toContain('重大违法记录');
    const seen = await http(h.baseUrl, b.token).get(`/api/purchases/${id}`);
    expect(seen.body.responses.map((r: { organizationId: string }) => r.organizationId)).toEqual([
      b.organizationId,
    ]);

    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    const [e1, e2, e3, e4] = cast.experts as [
      PurchaseCast['experts'][number],
      PurchaseCast['experts'][number],
      PurchaseCast['experts'][number],
      PurchaseCast['experts'][number],
    ];
    await ok(h, cast.buyer, id, 'panel', { expertIds: cast.experts.map((e) => e.id) });
    const scores = (x: number) => ({
      scores: [
        { organizationId: a.organizationId, score: 85 + x },
        { organizationId: b.organizationId, score: 86 },
        { organizationId: c.organizationId, score: 80 },
      ],
    });
    const undeclared = await act(h, e1.token, id, 'scores', scores(0));
    expect(undeclared.status).toBe(409);
    await ok(h, e4.token, id, 'declaration', { conflict: true, note: '曾在响应单位乙担任理事' });
    const recused = await act(h, e4.token, id, 'scores', scores(0));
    expect(recused.status).toBe(409);
    expect(recused.body.detail).toContain('回避');
    for (const e of [e1, e2, e3])
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
    const early = await act(h, cast.buyer, id, 'award', { opinion: '按评审结果' });
    expect(early.status).toBe(409);
    for (const [i, e] of [e1, e2, e3].entries()) await ok(h, e.token, id, 'scores', scores(i));

    // The 4A grade is a scoring factor: A (avg 86 + 4) ranks above B (86).
    const awarded = await ok(h, cast.buyer, id, 'award', { opinion: '按综合得分确定' });
    expect(awarded.status).toBe('publicity');
    expect(awarded.award?.organizationId).toBe(a.organizationId);
    expect(awarded.ranking[0]).toMatchObject({ gradeBonus: 4, total: 90 });

    const ch = await ok(h, b.token, id, 'challenges', { reason: '评分标准不清' });
    expect(ch.challenges).toHaveLength(1);
    const winnerChallenge = await act(h, a.token, id, 'challenges', { reason: 'x' });
    expect(winnerChallenge.status).toBe(403);
    // An open challenge holds the award past the end of the publicity.
    await new Promise((r) => setTimeout(r, 4_500));
    const held = await http(h.baseUrl, cast.buyer).get(`/api/purchases/${id}`);
    expect(held.body.status).toBe('publicity');
    await ok(h, cast.buyer, id, 'challenge-answers', {
      challengeId: 'C1',
      upheld: false,
      reply: '评分标准已在公告中载明',
    });
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'awarded');

    // Contract validation: every failure is named.
    const bad = await act(h, cast.buyer, id, 'contract', {
      terms: {
        ...TERMS,
        clauses: { ...TERMS.clauses, breachLiability: '' },
        endDate: '2028-11-30',
        amountFen: 48_000_000,
        performanceBondFen: 4_800_000,
        tranches: [
          { percent: 30, gate: { kind: 'signing' } },
          { percent: 60, gate: { kind: 'signing' } },
        ],
      },
    });
    expect(bad.status).toBe(422);
    for (const text of [
      '违约责任',
      '须记录理由',
      '履约保证金',
      '合计应为100%',
      '须以里程碑验收',
      '最终绩效评价',
    ]) {
      expect(bad.body.detail).toContain(text);
    }
    const over = await act(h, cast.buyer, id, 'contract', {
      terms: { ...TERMS, amountFen: 49_000_000 },
    });
    expect(over.status).toBe(422);
    const signed = await ok(h, cast.buyer, id, 'contract', { terms: TERMS });
    expect(signed.status).toBe('performing');
    expect(signed.tranches.map((t: { amountFen: number }) => t.amountFen)).toEqual([
      14_400_000, 14_400_000, 9_600_000, 9_600_000,
    ]);

    // First tranche after signing; finance releases it, the purchaser may not.
    await ok(h, cast.buyer, id, 'payment-requests', { trancheNo: 1 });
    const self = await act(h, cast.buyer, id, 'payments', { trancheNo: 1, voucherNo: 'PZ-1' });
    expect(self.status).toBe(403);
    await ok(h, cast.finance, id, 'payments', { trancheNo: 1, voucherNo: 'PZ-2026-001' });

    // A returned milestone holds its payment.
    const other = await act(h, b.token, id, 'deliverables', { milestoneId: 'M1', summary: 'x' });
    expect(other.status).toBe(403);
    await ok(h, a.token, id, 'deliverables', {
      milestoneId: 'M1',
      summary: '第一季度服务记录1200人次',
    });
    await ok(h, cast.buyer, id, 'deliverable-reviews', {
      milestoneId: 'M1',
      accept: false,
      reason: '服务记录缺少签字',
    });
    const heldPay = await act(h, cast.buyer, id, 'payment-requests', { trancheNo: 2 });
    expect(heldPay.status).toBe(409);
    expect(heldPay.body.detail).toContain('尚未验收');
    await ok(h, a.token, id, 'deliverables', { milestoneId: 'M1', summary: '补齐签字的服务记录' });
    await ok(h, cast.buyer, id, 'deliverable-reviews', {
      milestoneId: 'M1',
      accept: true,
      reason: '',
    });
    await ok(h, cast.buyer, id, 'payment-requests', { trancheNo: 2 });
    await ok(h, cast.finance, id, 'payments', { trancheNo: 2, voucherNo: 'PZ-2026-002' });
    await ok(h, a.token, id, 'deliverables', { milestoneId: 'M2', summary: '全年服务4900人次' });
    await ok(h, cast.buyer, id, 'deliverable-reviews', {
      milestoneId: 'M2',
      accept: true,
      reason: '',
    });
    await ok(h, cast.buyer, id, 'payment-requests', { trancheNo: 3 });
    await ok(h, cast.finance, id, 'payments', { trancheNo: 3, voucherNo: 'PZ-2027-003' });

    // The withheld share waits for the final performance evaluation.
    const withheld = await act(h, cast.buyer, id, 'payment-requests', { trancheNo: 4 });
    expect(withheld.status).toBe(409);
    const mid = await http(h.baseUrl, cast.buyer).get(`/api/purchases/${id}`);
    expect(mid.body).toMatchObject({ paidFen: 38_400_000, withheldFen: 9_600_000 });
    await ok(h, e1.token, id, 'performance-evaluations', {
      stage: 'final',
      score: 92,
      passed: true,
      report: '服务达标',
    });
    await ok(h, cast.buyer, id, 'payment-requests', { trancheNo: 4 });
    const closed = await ok(h, cast.finance, id, 'payments', {
      trancheNo: 4,
      voucherNo: 'PZ-2027-004',
    });
    expect(closed).toMatchObject({ status: 'closed', paidFen: 48_000_000, withheldFen: 0 });

    // OCDS: valid against the official schema, codelists respected, served for download.
    const anon = await http(h.baseUrl).get(`/api/purchases/${id}/ocds`);
    expect(anon.status).toBe(200);
    const check = validateReleasePackage(anon.body);
    expect(check.errors).toEqual([]);
    const releases = anon.body.releases as Record<string, any>[];
    expect(releases.map((r) => r.tag[0])).toEqual([
      'planning',
      'tender',
      'award',
      'contract',
      'implementation',
    ]);
    const last = releases.at(-1) as Record<string, any>;
    expect(last.tender.procurementMethod).toBe('open');
    expect(codelist('method')).toContain(last.tender.procurementMethod);
    expect(codelist('contractStatus')).toContain(last.contracts[0].status);
    for (const m of last.contracts[0].milestones)
      expect(codelist('milestoneType')).toContain(m.type);
    expect(last.contracts[0].implementation.transactions).toHaveLength(4);
    const supplier = last.parties.find((p: any) => p.roles.includes('supplier'));
    expect(supplier.identifier).toEqual({
      scheme: 'CN-USCI',
      id: a.creditCode,
      legalName: expect.any(String),
    });
    const download = await http(h.baseUrl).get(`/api/purchases/${id}/ocds?download=1`);
    expect(download.headers.get('content-disposition')).toContain('attachment');

    // Mails through the outbox; figures; a small history.
    await h.smtp.waitFor(
      (m) => m.to.includes(a.email.toLowerCase()) && m.subject.includes('项目结项'),
    );
    const figures = await http(h.baseUrl, cast.finance).get('/api/purchase-figures?year=2026');
    expect(figures.status).toBe(200);
    expect(figures.body.payments.paidFen).toBeGreaterThanOrEqual(48_000_000);
    expect(figures.body.socialOrganizationShare.toSocialOrganizations).toBeGreaterThanOrEqual(1);
    await recordPurchaseHistory(h, 'closed', id);
  });

  it('given a signed single-source contract, when the undertaker sub-contracts, then the purchaser terminates it and OCDS says so', async () => {
    const item = (
      await http(h.baseUrl, cast.admin).get(
        `/api/purchase-catalogue?status=active&code=${CATALOGUE_ITEM.code}`,
      )
    ).body.items.find((i: { code: string }) => i.code === CATALOGUE_ITEM.code);
    const id = await newProject(h, cast, item.id, BUDGET, '社区养老驿站运营（单一来源）');
    const a = await newUndertaker(h, { grade: 3 });
    await ok(h, cast.buyer, id, 'plan', { method: 'single_source', ground: 'sole_supplier' });
    await ok(h, cast.buyer, id, 'notice', {
      closesAt: new Date(Date.now() + 5_000).toISOString(),
      requirements: '原运营方',
    });
    await ok(h, a.token, id, 'responses', { priceFen: 45_000_000, proposal: '继续运营' });
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');
    await ok(h, cast.buyer, id, 'panel', { expertIds: cast.experts.slice(0, 3).map((e) => e.id) });
    for (const e of cast.experts.slice(0, 3)) {
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
      await ok(h, e.token, id, 'scores', {
        scores: [{ organizationId: a.organizationId, score: 80 }],
      });
    }
    await ok(h, cast.buyer, id, 'award', { opinion: '单一来源' });
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'awarded');
    // The award notice is sealed as it is issued: genuine and in force (issue 15 point 11).
    const awarded = await http(h.baseUrl, cast.buyer).get(`/api/purchases/${id}`);
    const code: string = awarded.body.awardSeal.code;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(awarded.body.awardSeal.url).toMatch(/\/public\/verify\/[0-9A-Z]{20}$/);
    const inForce = await http(h.baseUrl).get(`/api/public/documents/${code}`);
    expect(inForce.body).toMatchObject({
      genuine: true,
      statusLabel: '有效',
      document: {
        kindLabel: '政府购买服务成交结果通知书',
        docNo: `项目编号 ${awarded.body.projectNo}`,
        holder: awarded.body.award.name,
        creditCode: awarded.body.award.creditCode,
        authority: h.config.AUTHORITY_NAME,
      },
    });
    await ok(h, cast.buyer, id, 'contract', {
      terms: { ...TERMS, amountFen: 45_000_000, performanceBondFen: 0 },
    });
    const noReason = await act(h, cast.buyer, id, 'termination', {
      ground: 'subcontracting',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const ended = await ok(h, cast.buyer, id, 'termination', {
      ground: 'subcontracting',
      reason: '查实承接主体将服务整体转包给第三方',
    });
    expect(ended.status).toBe('terminated');
    // One seal per notice, and it no longer stands once the contract is dissolved.
    expect(await h.db.documentSeal.count({ where: { subjectId: id } })).toBe(1);
    const voided = await http(h.baseUrl).get(`/api/public/documents/${code}`);
    expect(voided.body).toMatchObject({ genuine: true, statusLabel: '已失效' });
    expect(voided.body.reason).toContain('合同已解除');
    expect(ended.tranches.every((t: { status: string }) => t.status === 'cancelled')).toBe(true);
    const after = await act(h, a.token, id, 'deliverables', { milestoneId: 'M1', summary: 'x' });
    expect(after.status).toBe(409);
    const pkg = await http(h.baseUrl).get(`/api/purchases/${id}/ocds`);
    expect(validateReleasePackage(pkg.body).errors).toEqual([]);
    const last = pkg.body.releases.at(-1);
    expect(last.tag).toEqual(['contractTermination']);
    expect(last.contracts[0].status).toBe('terminated');
    expect(last.tender.procurementMethod).toBe('direct');
    await recordPurchaseHistory(h, 'terminated', id);
  });

  it('given a bid bond, a panel and a signed contract, then the bond is capped and due back on time, an even panel cannot award, and the amendment changes amount, scope and dates', async () => {
    const item = (
      await http(h.baseUrl, cast.admin).post('/api/purchase-catalogue', {
        ...CATALOGUE_ITEM,
        code: '01.03.077',
        level3: '社区助浴服务',
      })
    ).body;
    const id = await newProject(h, cast, item.id, BUDGET, '2027年度社区助浴服务');
    const [a, b] = [await newUndertaker(h), await newUndertaker(h)];
    await ok(h, cast.buyer, id, 'plan', { method: 'single_source', ground: 'sole_supplier' });
    const tooBig = await act(h, cast.buyer, id, 'notice', {
      closesAt: new Date(Date.now() + 5_000).toISOString(),
      requirements: '具备助浴服务资质',
      bidBondFen: (BUDGET * 3) / 100,
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.detail).toContain('不得超过采购项目预算的2%');
    const notice = await ok(h, cast.buyer, id, 'notice', {
      closesAt: new Date(Date.now() + 5_000).toISOString(),
      requirements: '具备助浴服务资质',
      bidBondFen: (BUDGET * 2) / 100,
    });
    expect(notice.notice.bidBondFen).toBe(1_000_000);
    await ok(h, a.token, id, 'responses', { priceFen: 45_000_000, proposal: '助浴方案甲' });
    await ok(h, b.token, id, 'responses', { priceFen: 46_000_000, proposal: '助浴方案乙' });
    await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'evaluating');

    // Four sitting experts cannot decide by majority: the panel must be an odd number.
    await ok(h, cast.buyer, id, 'panel', { expertIds: cast.experts.map((e) => e.id) });
    const scores = {
      scores: [
        { organizationId: a.organizationId, score: 88 },
        { organizationId: b.organizationId, score: 80 },
      ],
    };
    for (const e of cast.experts) {
      await ok(h, e.token, id, 'declaration', { conflict: false, note: '' });
      await ok(h, e.token, id, 'scores', scores);
    }
    const even = await act(h, cast.buyer, id, 'award', { opinion: '按评审结果' });
    expect(even.status).toBe(409);
    expect(even.body.detail).toContain('评审委员会成员应为单数');
    const fifth = await extraExpert('专家五');
    await ok(h, cast.buyer, id, 'panel', { expertIds: [fifth.id] });
    await ok(h, fifth.token, id, 'declaration', { conflict: false, note: '' });
    await ok(h, fifth.token, id, 'scores', scores);
    await ok(h, cast.buyer, id, 'award', { opinion: '按评审结果' });
    const awarded = await waitForPurchase(h, cast.buyer, id, (v) => v.status === 'awarded');
    const returns = new Map(awarded.bidBondReturns.map((r) => [r.organizationId, r.dueBy]));
    expect(returns.get(b.organizationId)).not.toBeNull();
    expect(Date.parse(returns.get(b.organizationId) as string)).toBeGreaterThan(
      Date.parse(awarded.award?.noticeAt as string),
    );
    expect(returns.get(a.organizationId)).toBeNull();

    const signed = await ok(h, cast.buyer, id, 'contract', {
      terms: { ...TERMS, amountFen: 45_000_000, performanceBondFen: 0 },
    });
    expect(
      signed.bidBondReturns.find(
        (r: { organizationId: string }) => r.organizationId === a.organizationId,
      ).dueBy,
    ).not.toBeNull();
    await ok(h, cast.buyer, id, 'payment-requests', { trancheNo: 1 });
    await ok(h, cast.finance, id, 'payments', { trancheNo: 1, voucherNo: 'PZ-ZY-001' });

    const nothing = await act(h, cast.buyer, id, 'amendments', {
      reason: '无变更',
      endDate: TERMS.endDate,
    });
    expect(nothing.status).toBe(422);
    const tooMuch = await act(h, cast.buyer, id, 'amendments', {
      reason: '服务对象增加',
      amountFen: 50_000_000,
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.detail).toContain('第四十九条');
    const outside = await act(h, cast.buyer, id, 'amendments', {
      reason: '提前结束',
      endDate: '2027-10-31',
    });
    expect(outside.status).toBe(422);
    expect(outside.body.detail).toContain('年度服务');
    const amended = await ok(h, cast.buyer, id, 'amendments', {
      reason: '服务对象由120人增至130人，增加服务内容并顺延开始日期',
      amountFen: 49_000_000,
      scope: '为辖区内130名居家老人提供上门助餐、助洁、助浴和陪护服务',
      startDate: '2026-12-15',
      endDate: '2027-11-30',
    });
    expect(amended.contract).toMatchObject({
      amountFen: 49_000_000,
      originalAmountFen: 45_000_000,
      startDate: '2026-12-15',
      endDate: '2027-11-30',
      clauses: { serviceContent: expect.stringContaining('助浴') },
    });
    // What is paid stays; what is left is spread over the open tranches by their percents.
    expect(amended.tranches.map((t: { amountFen: number }) => t.amountFen)).toEqual([
      13_500_000, 15_214_285, 10_142_857, 10_142_858,
    ]);
    expect(amended.amendments[0].changes).toEqual([
      '服务期限开始日期由2026-12-01变更为2026-12-15',
      '合同金额由450000.00元变更为490000.00元',
      '服务内容变更',
    ]);
    const pkg = await http(h.baseUrl).get(`/api/purchases/${id}/ocds`);
    expect(validateReleasePackage(pkg.body).errors).toEqual([]);
    const last = pkg.body.releases.at(-1);
    expect(last.tag).toEqual(['contractAmendment']);
    expect(last.contracts[0].value.amount).toBe(490_000);
    expect(last.contracts[0].amendments[0].description).toContain('合同金额由450000.00元');
    await h.smtp.waitFor(
      (m) => m.to.includes(a.email.toLowerCase()) && m.subject.includes('合同变更'),
    );
    await recordPurchaseHistory(h, 'amended', id);
  });
});
