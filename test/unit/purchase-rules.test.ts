import { describe, expect, it } from '@jest/globals';
import { buildCreditCode } from '../../domain/credit-code';
import type { OrganizationProfile } from '../../domain/organization/profile';
import type { CatalogueItemSnapshot } from '../../domain/purchase/catalogue';
import {
  type ContractTerms,
  checkContractTerms,
  trancheAmounts,
} from '../../domain/purchase/contract-terms';
import { checkEligibility, gradeBonus } from '../../domain/purchase/eligibility';
import { DEFAULT_PURCHASE_POLICY as P, purchasePolicySchema } from '../../domain/purchase/policy';
import { checkMethod, fenToYuan } from '../../domain/purchase/procurement-method';

const item: CatalogueItemSnapshot = {
  id: 'i1',
  version: 1,
  code: '01.03.002',
  catalogueClass: 'basic_public',
  level2: '养老服务',
  level3: '居家养老上门服务',
  department: '区民政局',
  serviceStandard: '标准',
  unit: '人次',
  priceBasis: '指导价',
  undertakerTypes: ['social_organization'],
  suitableForSocialOrganizations: true,
};

const code = buildCreditCode({
  legalForm: 'private_non_enterprise',
  divisionCode: '320404',
  body8: 'MJ000042',
});
const profile = (over: Partial<OrganizationProfile> = {}): OrganizationProfile => ({
  id: 'o1',
  name: '钟楼区助老服务中心',
  status: 'registered',
  legalForm: 'private_non_enterprise',
  category: 'community_service',
  creditCode: code,
  registeredOn: '2018-05-01',
  inspections: [],
  penalties: [],
  abnormalListedOn: null,
  dishonestListedOn: null,
  underInvestigationSince: null,
  grades: [],
  ...over,
});

describe('procurement method rules', () => {
  it('given price enquiry for a service, then it is refused whatever the amount', () => {
    expect(checkMethod({ method: 'price_enquiry' }, 100, P.methods)[0]).toContain('询价');
  });
  it('given an open tender, then it needs no ground', () => {
    expect(checkMethod({ method: 'open_tender' }, 10_000_000_000, P.methods)).toEqual([]);
  });
  it('given a budget at the configured threshold, when another method lacks the approval number, then it is refused', () => {
    const m = { ...P.methods, openTenderThresholdFen: 1_000_000 };
    expect(
      checkMethod({ method: 'single_source', ground: 'sole_supplier' }, 1_000_000, m).join(),
    ).toContain('批准文号');
    expect(
      checkMethod(
        { method: 'single_source', ground: 'sole_supplier', approvalRef: '钟财采〔2026〕3号' },
        1_000_000,
        m,
      ),
    ).toEqual([]);
  });
  it('given a follow-on single source over 10 % of the original contract, then it is refused', () => {
    const c = {
      method: 'single_source' as const,
      ground: 'follow_on' as const,
      originalContractFen: 1_000_000,
    };
    expect(checkMethod(c, 100_000, P.methods)).toEqual([]);
    expect(checkMethod(c, 100_001, P.methods).join()).toContain('10%');
  });
  it('given competitive negotiation with a ground of another method, then it is refused', () => {
    expect(
      checkMethod({ method: 'competitive_negotiation', ground: 'sole_supplier' }, 1, P.methods),
    ).toHaveLength(1);
  });
  it('given fen, then yuan are formatted with integer arithmetic', () => {
    expect(fenToYuan(48_000_005)).toBe('480000.05');
  });
});

describe('undertaker eligibility from the organisation profile', () => {
  it('given a registered organisation with a valid code and clean record, then it is eligible', () => {
    expect(checkEligibility(profile(), item, P, '2026-11-29')).toEqual({
      eligible: true,
      reasons: [],
      gradeLevel: null,
    });
  });
  it('given a broken credit code, list flags and a major penalty in 3 years, then each is a reason', () => {
    const r = checkEligibility(
      profile({
        creditCode:
          `${code.slice(0, 17)}0` === code ? `${code.slice(0, 17)}1` : `${code.slice(0, 17)}0`,
        abnormalListedOn: '2026-01-01',
        dishonestListedOn: '2026-02-01',
        penalties: [
          { decisionNo: 'x', kind: '限期停止活动', decidedOn: '2024-01-01', executedOn: null },
        ],
      }),
      item,
      P,
      '2026-11-29',
    );
    expect(r.reasons.map((x) => x.code)).toEqual([
      'CREDIT_CODE_INVALID',
      'ABNORMAL_LIST',
      'DISHONEST_LIST',
      'MAJOR_VIOLATION',
    ]);
  });
  it('given a major penalty older than 3 years or a minor one, then it does not bar', () => {
    const r = checkEligibility(
      profile({
        penalties: [
          { decisionNo: 'a', kind: '限期停止活动', decidedOn: '2023-11-29', executedOn: null },
          { decisionNo: 'b', kind: '警告', decidedOn: '2026-01-01', executedOn: null },
        ],
      }),
      item,
      P,
      '2026-11-29',
    );
    expect(r.eligible).toBe(true);
  });
  it('given the grade, then it is a bonus by default and a gate only behind the flag', () => {
    const g = profile({
      grades: [
        {
          id: 'g',
          level: 2,
          awardingLevel: 'district',
          awardedOn: '2025-01-01',
          expiresOn: '2030-01-01',
          status: 'active',
          endedOn: null,
          endReason: null,
        },
      ],
    });
    expect(checkEligibility(g, item, P, '2026-11-29').eligible).toBe(true);
    const gated = purchasePolicySchema.parse({ grade: { hardGate: true } });
    expect(checkEligibility(g, item, gated, '2026-11-29').reasons[0]?.code).toBe(
      'GRADE_BELOW_GATE',
    );
    expect(gradeBonus(2, P.grade)).toBe(0);
    expect(gradeBonus(4, P.grade)).toBe(4);
  });
  it('given an item not for social organisations, then an organisation may not respond', () => {
    const r = checkEligibility(
      profile(),
      { ...item, undertakerTypes: ['enterprise'] },
      P,
      '2026-11-29',
    );
    expect(r.reasons[0]?.code).toBe('TYPE_NOT_ALLOWED');
  });
});

const terms: ContractTerms = {
  clauses: {
    serviceContent: 'a',
    duration: 'b',
    quantity: 'c',
    quality: 'd',
    price: 'e',
    settlement: 'f',
    rightsAndDuties: 'g',
    breachLiability: 'h',
  },
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  amountFen: 1_000_000,
  performanceBondFen: 50_000,
  milestones: [{ id: 'M1', title: '中期', dueDate: '2027-06-30' }],
  tranches: [
    { percent: 40, gate: { kind: 'signing' } },
    { percent: 40, gate: { kind: 'milestone', milestoneId: 'M1' } },
    { percent: 20, gate: { kind: 'final_evaluation' } },
  ],
};

describe('contract terms', () => {
  it('given valid terms of one year, then there is nothing to fix', () => {
    expect(checkContractTerms(terms, 1_000_000, P.contract)).toEqual([]);
  });
  it('given a term over one year, then a justification is needed, and over three years it is refused', () => {
    expect(
      checkContractTerms({ ...terms, endDate: '2028-01-01' }, 1_000_000, P.contract).join(),
    ).toContain('须记录理由');
    expect(
      checkContractTerms(
        { ...terms, endDate: '2029-12-31', longTermJustification: '服务稳定' },
        1_000_000,
        P.contract,
      ),
    ).toEqual([]);
    expect(
      checkContractTerms(
        { ...terms, endDate: '2030-01-01', longTermJustification: '服务稳定' },
        1_000_000,
        P.contract,
      ).join(),
    ).toContain('36个月');
  });
  it('given an amount over budget and a bond over 5 %, then both are named', () => {
    const out = checkContractTerms(
      { ...terms, performanceBondFen: 50_001 },
      999_999,
      P.contract,
    ).join();
    expect(out).toContain('超过预算');
    expect(out).toContain('履约保证金');
  });
  it('given less than 20 % withheld, or an ungated later tranche, then it is refused', () => {
    const t = {
      ...terms,
      tranches: [
        { percent: 90, gate: { kind: 'signing' as const } },
        { percent: 10, gate: { kind: 'signing' as const } },
      ],
    };
    const out = checkContractTerms(t, 1_000_000, P.contract).join();
    expect(out).toContain('第2期付款须以里程碑验收或绩效评价为条件');
    expect(out).toContain('至少20%');
  });
  it('given tranche percentages, then the amounts add up to the contract exactly', () => {
    const a = trancheAmounts(1_000_001, [33, 33, 34]);
    expect(a.reduce((s, x) => s + x, 0)).toBe(1_000_001);
  });
});
