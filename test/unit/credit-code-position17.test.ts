import { describe, expect, it } from '@jest/globals';
import { buildCreditCode, gb11714CheckChar, usccCheckChar } from '../../domain/credit-code';
import { parseImportRow } from '../../domain/organization/import-row';
import type { OrganizationProfile } from '../../domain/organization/profile';
import type { CatalogueItemSnapshot } from '../../domain/purchase/catalogue';
import { checkEligibility } from '../../domain/purchase/eligibility';
import { DEFAULT_PURCHASE_POLICY } from '../../domain/purchase/policy';
import { DEFAULT_REGISTRATION_POLICY } from '../../domain/registration/policy';

/**
 * DOMAIN §2.1: a failed GB 11714 check (position 17) is an error by default and a warning only
 * by the rule set's switch, the same in the CSV import and in purchase eligibility.
 */

const good = buildCreditCode({
  legalForm: 'private_non_enterprise',
  divisionCode: '320404',
  body8: 'MJ000042',
});
/** A legacy code: position 17 wrong, position 18 right for what is written. */
const legacy = (() => {
  const right17 = gb11714CheckChar(good.slice(8, 16));
  const wrong17 = right17 === '1' ? '2' : '1';
  const first17 = `${good.slice(0, 16)}${wrong17}`;
  return first17 + usccCheckChar(first17);
})();

const row = {
  creditCode: legacy,
  name: '钟楼区夕阳红助老服务中心',
  legalForm: '民办非企业单位',
  registeredOn: '2018-05-01',
};

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
const profile: OrganizationProfile = {
  id: 'o1',
  name: row.name,
  status: 'registered',
  legalForm: 'private_non_enterprise',
  category: 'community_service',
  creditCode: legacy,
  registeredOn: '2018-05-01',
  inspections: [],
  penalties: [],
  abnormalListedOn: null,
  dishonestListedOn: null,
  underInvestigationSince: null,
  grades: [],
};

describe('credit code position 17 (GB 11714) under one policy switch', () => {
  it('given the default registration rules, then the switch says error', () => {
    expect(DEFAULT_REGISTRATION_POLICY.creditCode.position17).toBe('error');
  });

  it('given a legacy code and the default, when imported, then the row is refused with the expected character', () => {
    const r = parseImportRow(row, '2026-11-29', DEFAULT_REGISTRATION_POLICY.creditCode.position17);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons.join()).toContain('组织机构代码校验码（第17位）应为');
  });

  it('given a legacy code and the default, when it responds to a purchase, then it is refused as well', () => {
    const e = checkEligibility(profile, item, DEFAULT_PURCHASE_POLICY, '2026-11-29');
    expect(e.reasons.map((x) => x.code)).toEqual(['CREDIT_CODE_INVALID']);
  });

  it('given the switch set to warning, then the import accepts the row with a warning and purchase accepts the code', () => {
    const r = parseImportRow(row, '2026-11-29', 'warning');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.join()).toContain('第17位');
    const e = checkEligibility(profile, item, DEFAULT_PURCHASE_POLICY, '2026-11-29', 'warning');
    expect(e).toEqual({ eligible: true, reasons: [], gradeLevel: null });
  });

  it('given the switch set to warning, then a wrong position 18 is still refused everywhere', () => {
    const bad18 = `${legacy.slice(0, 17)}${legacy[17] === '0' ? '1' : '0'}`;
    expect(parseImportRow({ ...row, creditCode: bad18 }, '2026-11-29', 'warning').ok).toBe(false);
    const e = checkEligibility(
      { ...profile, creditCode: bad18 },
      item,
      DEFAULT_PURCHASE_POLICY,
      '2026-11-29',
      'warning',
    );
    expect(e.eligible).toBe(false);
  });
});
