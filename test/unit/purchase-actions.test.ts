import { describe, expect, it } from '@jest/globals';
import type { OrganizationProfile } from '../../domain/organization/profile';
import { checkEligibility } from '../../domain/purchase/eligibility';
import { DEFAULT_PURCHASE_POLICY, type PurchasePolicy } from '../../domain/purchase/policy';
import { purchaserRefusal } from '../../domain/purchase/purchaser';
import { amendContract } from '../../workflows/purchase/contract-amendment';
import { award } from '../../workflows/purchase/evaluation';
import type { Actor } from '../../workflows/purchase/messages';
import { publishNotice } from '../../workflows/purchase/procurement';
import { initialState, type PurchaseState } from '../../workflows/purchase/state';

/** DOMAIN §6.6 and §6.5 on the purchase workflow's pure actions (check → refusal or null). */

const NOW = Date.parse('2026-12-01T02:00:00Z');
const buyer: Actor = { id: 'u1', name: '孙采购', role: 'purchaser' };
const item = {
  id: 'i1',
  version: 1,
  code: '01.03.002',
  catalogueClass: 'basic_public' as const,
  level2: '养老服务',
  level3: '居家养老上门服务',
  department: '区民政局',
  serviceStandard: '标准',
  unit: '人次',
  priceBasis: '指导价',
  undertakerTypes: ['social_organization' as const],
  suitableForSocialOrganizations: true,
};

function state(policy: PurchasePolicy = DEFAULT_PURCHASE_POLICY): PurchaseState {
  const s = initialState(
    {
      projectId: '00000000-0000-4000-8000-000000000001',
      projectNo: 'GMFW-2026-0001',
      ocid: 'ocds-xxxxxx-320404-GMFW-2026-0001',
      title: '居家养老上门服务',
      department: '常州市钟楼区民政局',
      createdBy: buyer,
      item,
      budgetFen: 50_000_000,
      budgetYear: 2026,
      performanceTargets: ['满意度不低于90%'],
      rules: {
        ref: { version: 'v', jurisdiction: '000000', effectiveFrom: '2020-03-01' },
        policy,
        calendar: { years: {} },
      },
    },
    'purchase-1',
  );
  s.status = 'planned';
  s.procurement = {
    method: 'open_tender',
    methodLabel: '公开招标',
    ground: null,
    approvalRef: null,
    at: new Date(NOW).toISOString(),
  };
  return s;
}

const days = (n: number) => new Date(NOW + n * 86_400_000).toISOString();

describe('the purchaser (§6.6 rule 1)', () => {
  it('given the default rules, then a state organ may purchase and nobody else', () => {
    const allowed = DEFAULT_PURCHASE_POLICY.purchaser.allowedKinds;
    expect(purchaserRefusal('state_organ', allowed)).toBeNull();
    expect(purchaserRefusal('public_welfare_institution', allowed)).toContain('第八条');
    expect(purchaserRefusal('budget_funded_mass_organization', allowed)).toContain('第八条');
    expect(purchaserRefusal('reference_organ', allowed)).toContain('国家机关');
    expect(purchaserRefusal('reference_organ', ['state_organ', 'reference_organ'])).toBeNull();
  });
});

describe('the undertaker type (§6.6 rule 1, 102号 art. 8)', () => {
  const profile: OrganizationProfile = {
    id: 'o1',
    name: '钟楼区老年体育协会',
    status: 'registered',
    legalForm: 'social_group',
    category: null,
    creditCode: null,
    registeredOn: '2015-05-01',
    inspections: [],
    penalties: [],
    abnormalListedOn: null,
    dishonestListedOn: null,
    underInvestigationSince: null,
    grades: [],
  };
  it('given an organisation staffed and funded as an institution, then it may not undertake', () => {
    const e = checkEligibility(
      { ...profile, budgetFundedStaffing: true },
      item,
      DEFAULT_PURCHASE_POLICY,
      '2026-12-01',
    );
    expect(e.reasons.map((r) => r.code)).toContain('TYPE_EXCLUDED');
    expect(
      checkEligibility(profile, item, DEFAULT_PURCHASE_POLICY, '2026-12-01').reasons.map(
        (r) => r.code,
      ),
    ).not.toContain('TYPE_EXCLUDED');
  });
});

describe('the notice: response period and bid bond', () => {
  const notice = (closesAt: string, bidBondFen?: number) => ({
    actor: buyer,
    closesAt,
    requirements: '具有养老服务经验',
    ...(bidBondFen === undefined ? {} : { bidBondFen }),
  });
  it('given an open tender closing in ten days, then it is refused: at least twenty days (政府采购法 art. 35)', () => {
    const r = publishNotice.check(state(), notice(days(10)), NOW);
    expect(r?.message).toContain('公开招标自公告发布之日起至响应截止不得少于20日');
    expect(publishNotice.check(state(), notice(days(21)), NOW)).toBeNull();
  });
  it('given rules recorded before the setting (no minResponsePeriod), then the earlier check applies', () => {
    const old = {
      ...DEFAULT_PURCHASE_POLICY,
      methods: { ...DEFAULT_PURCHASE_POLICY.methods, minResponsePeriod: undefined },
    } as unknown as PurchasePolicy;
    expect(publishNotice.check(state(old), notice(days(1)), NOW)).toBeNull();
  });
  it('given a bid bond above 2 % of the budget, then it is refused; at 2 % it is kept with the notice', () => {
    expect(publishNotice.check(state(), notice(days(21), 1_000_001), NOW)?.message).toContain('2%');
    const s = state();
    expect(publishNotice.check(s, notice(days(21), 1_000_000), NOW)).toBeNull();
    publishNotice.apply(s, notice(days(21), 1_000_000), NOW);
    expect(s.notice?.bidBondFen).toBe(1_000_000);
  });
});

describe('the panel decides by majority: an odd number (实施条例 art. 39, 87号令 art. 47)', () => {
  const sitting = (s: PurchaseState, n: number) => {
    s.status = 'evaluating';
    s.responses = [
      {
        organizationId: 'o1',
        name: '甲',
        creditCode: '',
        priceFen: 1,
        proposal: '',
        gradeLevel: null,
        submittedAt: days(0),
      },
    ];
    s.panel = Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      name: `专家${i}`,
      declaration: { conflict: false, note: '', at: days(0) },
      scores: [{ organizationId: 'o1', score: 80 }],
    }));
    return s;
  };
  it('given four sitting experts in a tender, then the award is refused for an even panel; five decide', () => {
    expect(award.check(sitting(state(), 4), { actor: buyer, opinion: 'x' }, NOW)?.message).toBe(
      '无利益冲突的评审专家不足5人，请补充',
    );
    const six = sitting(state(), 6);
    expect(award.check(six, { actor: buyer, opinion: 'x' }, NOW)?.message).toContain('单数');
    expect(award.check(sitting(state(), 5), { actor: buyer, opinion: 'x' }, NOW)).toBeNull();
  });
  it('given a consultation, then three sitting experts decide', () => {
    const s = sitting(state(), 3);
    s.procurement = {
      ...(s.procurement as NonNullable<PurchaseState['procurement']>),
      method: 'competitive_consultation',
    };
    expect(award.check(s, { actor: buyer, opinion: 'x' }, NOW)).toBeNull();
  });
});

describe('contract amendment of amount, scope and dates (§6.4 AMENDED)', () => {
  function signed(): PurchaseState {
    const s = state();
    s.status = 'performing';
    s.award = {
      organizationId: 'o1',
      name: '甲',
      creditCode: '',
      amountFen: 40_000_000,
      decidedAt: days(0),
      noticeAt: days(0),
      signBy: days(30),
    };
    s.contract = {
      id: 'GMFW-2026-0001-HT',
      signedAt: days(0),
      publishBy: null,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      longTermJustification: null,
      amountFen: 40_000_000,
      originalAmountFen: 40_000_000,
      performanceBondFen: 0,
      clauses: { serviceContent: '上门助餐' },
    };
    s.milestones = [
      {
        id: 'M1',
        title: '年度服务',
        dueDate: '2027-12-15',
        status: 'pending',
        submissions: [],
        reviews: [],
      },
    ];
    s.tranches = [50, 30, 20].map((percent, i) => ({
      no: i + 1,
      percent,
      amountFen: (40_000_000 * percent) / 100,
      gate:
        i === 0
          ? { kind: 'signing' as const }
          : i === 1
            ? { kind: 'milestone' as const, milestoneId: 'M1' }
            : { kind: 'final_evaluation' as const },
      status: i === 0 ? ('paid' as const) : ('pending' as const),
      requestedBy: null,
      requestedAt: null,
      releasedBy: null,
      paidAt: null,
      voucherNo: null,
    }));
    return s;
  }
  const amend = (x: object) => ({ actor: buyer, reason: '服务对象增加', ...x });

  it('given an increase within 10 % of the original amount, then the amount and the open tranches follow; the paid one stays', () => {
    const s = signed();
    expect(amendContract.check(s, amend({ amountFen: 44_000_000 }), NOW)).toBeNull();
    amendContract.apply(s, amend({ amountFen: 44_000_000 }), NOW);
    expect(s.contract?.amountFen).toBe(44_000_000);
    expect(s.tranches.map((t) => t.amountFen)).toEqual([20_000_000, 14_400_000, 9_600_000]);
    expect(s.amendments[0]?.changes).toEqual(['合同金额由400000.00元变更为440000.00元']);
  });
  it('given more than 10 % over the original, or less than what is paid, then it is refused', () => {
    expect(amendContract.check(signed(), amend({ amountFen: 44_000_001 }), NOW)?.message).toContain(
      '第四十九条',
    );
    expect(amendContract.check(signed(), amend({ amountFen: 19_000_000 }), NOW)?.message).toContain(
      '不得低于已申请和已支付的款项',
    );
  });
  it('given a new scope and later dates, then both change; a milestone left outside the term is refused', () => {
    const s = signed();
    const change = amend({
      scope: '上门助餐、助浴',
      startDate: '2027-01-15',
      endDate: '2027-12-31',
    });
    expect(amendContract.check(s, change, NOW)).toBeNull();
    amendContract.apply(s, change, NOW);
    expect(s.contract).toMatchObject({
      startDate: '2027-01-15',
      clauses: { serviceContent: '上门助餐、助浴' },
    });
    expect(amendContract.check(signed(), amend({ endDate: '2027-11-30' }), NOW)?.message).toContain(
      '年度服务',
    );
  });
  it('given nothing that changes, then it is refused', () => {
    expect(amendContract.check(signed(), amend({ endDate: '2027-12-31' }), NOW)?.message).toContain(
      '至少变更',
    );
  });
});
