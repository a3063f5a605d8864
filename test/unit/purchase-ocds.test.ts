import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PURCHASE_POLICY } from '../../domain/purchase/policy';
import { buildReleasePackage } from '../../lib/ocds/build-release-package';
import { codelist, validateReleasePackage } from '../../lib/ocds/validate-release-package';
import { initialState } from '../../workflows/purchase/state';
import { buildView } from '../../workflows/purchase/view';

const publisher = {
  name: '常州市钟楼区民政局',
  uri: 'https://mzj.example.gov.cn',
  packageUri: 'https://mzj.example.gov.cn/api/purchases/x/ocds',
  publishedDate: '2026-11-29T08:00:00Z',
};

function plannedView() {
  const s = initialState(
    {
      projectId: '00000000-0000-4000-8000-000000000001',
      projectNo: 'GMFW-2026-0001',
      ocid: 'ocds-xxxxxx-320404-GMFW-2026-0001',
      title: '居家养老上门服务',
      department: '常州市钟楼区民政局',
      createdBy: { id: 'u1', name: '孙采购', role: 'purchaser' },
      item: {
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
      },
      budgetFen: 12_345_678,
      budgetYear: 2026,
      performanceTargets: ['满意度不低于90%'],
      rules: {
        ref: { version: 'v', jurisdiction: '000000', effectiveFrom: '2020-03-01' },
        policy: DEFAULT_PURCHASE_POLICY,
        calendar: { years: {} } as never,
      },
    },
    'purchase-1',
  );
  s.trail.push({
    seq: 1,
    at: '2026-11-29T08:00:00.000Z',
    actor: { id: 'u1', name: '孙采购', role: 'purchaser' },
    action: 'plan_procurement',
    from: 'need_defined',
    to: 'planned',
  });
  s.status = 'planned';
  s.procurement = {
    method: 'open_tender',
    methodLabel: '公开招标',
    ground: null,
    approvalRef: null,
    at: '2026-11-29T08:00:00.000Z',
  };
  return buildView(s);
}

describe('OCDS release package', () => {
  it('given a planned project, then the package is valid and amounts come from fen exactly', () => {
    const pkg = buildReleasePackage(plannedView(), publisher) as {
      releases: Record<string, any>[];
    };
    expect(validateReleasePackage(pkg).errors).toEqual([]);
    const r = pkg.releases[0] as Record<string, any>;
    expect(r.planning.budget.amount).toEqual({ amount: 123456.78, currency: 'CNY' });
    expect(codelist('releaseTag')).toContain(r.tag[0]);
    for (const p of r.parties)
      for (const role of p.roles) expect(codelist('partyRole')).toContain(role);
  });

  it('given a package that breaks the schema, then validation fails and names the field (the check can fail)', () => {
    const pkg = buildReleasePackage(plannedView(), publisher) as {
      releases: Record<string, any>[];
    };
    const broken = {
      ...pkg,
      releases: [{ ...pkg.releases[0], tag: ['signed'], initiationType: 'grant' }],
    };
    const r = validateReleasePackage(broken);
    expect(r.valid).toBe(false);
    expect(r.errors.join()).toContain('/releases/0/tag/0');
  });

  it('given the placeholder ocid prefix, then the view warns before publication', () => {
    expect(plannedView().warnings.join()).toContain('ocds-xxxxxx');
  });
});
