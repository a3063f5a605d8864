import { describe, expect, it } from '@jest/globals';
import { visibleConflict } from '../../domain/evaluation/conflicts';
import { downgradeTriggers } from '../../domain/evaluation/downgrade';
import { decideEligibility } from '../../domain/evaluation/eligibility';
import { districtFigures } from '../../domain/evaluation/figures';
import {
  evaluationPolicySchema,
  DEFAULT_EVALUATION_POLICY as P,
} from '../../domain/evaluation/policy';
import {
  aggregate,
  disagreement,
  levelForScore,
  sheetTotal,
  validateSheet,
} from '../../domain/evaluation/scoring';
import { tallyVotes } from '../../domain/evaluation/voting';
import type { OrganizationProfile } from '../../domain/organization/profile';

const profile = (p: Partial<OrganizationProfile> = {}): OrganizationProfile => ({
  id: 'org',
  name: '测试协会',
  status: 'registered',
  legalForm: 'social_group',
  category: 'community_service',
  creditCode: null,
  registeredOn: '2020-03-01',
  inspections: [
    { year: 2024, result: 'pass' },
    { year: 2025, result: 'pass' },
  ],
  penalties: [],
  abnormalListedOn: null,
  dishonestListedOn: null,
  underInvestigationSince: null,
  grades: [],
  ...p,
});

describe('policy defaults (DOMAIN §4.4, §9)', () => {
  it('given no settings, then the defaults of DOMAIN.md apply', () => {
    expect(P.indicators.social_group.map((g) => g.max)).toEqual([100, 350, 400, 150]);
    expect(P.indicators.private_non_enterprise.map((g) => g.max)).toEqual([100, 400, 350, 150]);
    expect(P.thresholds.map((t) => t.min)).toEqual([951, 901, 851, 801, 0]);
    expect(P.districtMaxLevel).toBe(3);
    expect(P.limits.publicity).toEqual({ amount: 7, unit: 'calendarDays' });
    expect(P.limits.reviewAnswer).toEqual({ amount: 15, unit: 'calendarDays' });
    expect(P.limits.validity).toEqual({ amount: 60, unit: 'months' });
    expect(P.scoring.bonusMax).toBe(30);
  });
  it('given a layer that changes one number, then the others keep their defaults', () => {
    const p = evaluationPolicySchema.parse({ scoring: { aggregation: 'median' } });
    expect(p.scoring).toMatchObject({ aggregation: 'median', bonusMax: 30, scale: 1000 });
  });
});

describe('eligibility on the application date (§4.2)', () => {
  it('given eligibility decided as the organisation applies, then the policy keeps no eligibility limit that could do nothing', () => {
    expect(Object.keys(P.limits)).not.toContain('eligibility');
    expect(Object.keys(P.limits)).toContain('complaintVerification');
  });
  it('given two full years registered and clean records, then the organisation is eligible', () => {
    expect(decideEligibility(profile(), '2026-06-01', P)).toEqual({
      eligible: true,
      basis: '登记满2个年度',
    });
  });
  it('given registration less than two years ago, then it is not', () => {
    const r = decideEligibility(profile({ registeredOn: '2024-07-01' }), '2026-06-01', P);
    expect(r.eligible).toBe(false);
  });
  it('given registration two years to the day but only one full 年度, then 满两个年度 is not met', () => {
    const r = decideEligibility(profile({ registeredOn: '2024-03-01' }), '2026-06-01', P);
    expect(r.eligible ? [] : r.reasons).toEqual([
      '不符合申报条件：须登记满2个年度（完整年度），或所持等级即将到期',
    ]);
    const later = profile({
      registeredOn: '2024-03-01',
      inspections: [
        { year: 2025, result: 'pass' },
        { year: 2026, result: 'pass' },
      ],
    });
    expect(decideEligibility(later, '2027-01-04', P)).toEqual({
      eligible: true,
      basis: '登记满2个年度',
    });
  });
  it('given registration on the first day of a year, then that year counts in full', () => {
    expect(
      decideEligibility(profile({ registeredOn: '2024-01-01' }), '2026-06-01', P).eligible,
    ).toBe(true);
  });
  it('given the earlier reading (files recorded before it), then two years to the day suffice', () => {
    const r = decideEligibility(profile({ registeredOn: '2024-03-01' }), '2026-06-01', P, {
      fullYears: false,
    });
    expect(r.eligible).toBe(true);
  });
  it('given every exclusion at once, then every reason is named', () => {
    const r = decideEligibility(
      profile({
        inspections: [
          { year: 2024, result: 'basic_pass' },
          { year: 2025, result: 'basic_pass' },
        ],
        penalties: [
          {
            decisionNo: '钟民罚〔2025〕1号',
            kind: '警告',
            decidedOn: '2025-04-01',
            executedOn: '2025-04-02',
          },
        ],
        underInvestigationSince: '2026-01-01',
        dishonestListedOn: '2026-02-01',
      }),
      '2026-06-01',
      P,
    );
    expect(r.eligible ? [] : r.reasons).toEqual([
      '连续两年（2024、2025年度）年检基本合格',
      '2025年度受到行政处罚（钟民罚〔2025〕1号）',
      '正在接受有关政府部门或司法机关的调查',
      '被列入严重违法失信名单',
    ]);
  });
  it('given no inspection last year or an unexecuted older penalty, then it is not eligible', () => {
    const r = decideEligibility(
      profile({
        inspections: [{ year: 2024, result: 'pass' }],
        penalties: [{ decisionNo: 'X', kind: '罚款', decidedOn: '2023-01-01', executedOn: null }],
      }),
      '2026-06-01',
      P,
    );
    expect(r.eligible ? [] : r.reasons).toEqual([
      '2025年度未参加年检',
      '行政处罚尚未执行完毕（X）',
    ]);
  });
  it('given a grade near its expiry, or held two years, then it may apply; otherwise not', () => {
    const g = (awardedOn: string, expiresOn: string) => ({
      id: 'g',
      level: 3,
      awardingLevel: 'district' as const,
      awardedOn,
      expiresOn,
      status: 'active' as const,
      endedOn: null,
      endReason: null,
    });
    expect(
      decideEligibility(profile({ grades: [g('2021-09-01', '2026-09-01')] }), '2026-06-01', P),
    ).toMatchObject({ basis: '等级即将到期' });
    expect(
      decideEligibility(profile({ grades: [g('2024-01-01', '2029-01-01')] }), '2026-06-01', P),
    ).toMatchObject({ basis: '持有等级满规定年限申请晋级' });
    expect(
      decideEligibility(profile({ grades: [g('2025-01-01', '2030-01-01')] }), '2026-06-01', P)
        .eligible,
    ).toBe(false);
  });
});

describe('score sheets and aggregation (§4.4, §4.5 rule 5)', () => {
  const tree = P.indicators.social_group;
  it('given a leaf above its maximum, an unknown leaf or too much bonus, then each is named', () => {
    expect(
      validateSheet({ scores: { basic: 101, party: 1 }, bonus: 31 }, tree, P, { complete: false }),
    ).toEqual([
      '没有指标“party”',
      '指标“基础条件”的得分须在 0 至 100 之间',
      '加分须在 0 至 30 之间',
    ]);
  });
  it('given a nested tree, then only leaves take scores and paths name them', () => {
    const nested = [
      {
        code: 'g',
        name: '内部治理',
        max: 350,
        children: [
          { code: 'g1', name: '组织机构', max: 200 },
          { code: 'g2', name: '财务管理', max: 150 },
        ],
      },
    ];
    expect(validateSheet({ scores: { g1: 201 }, bonus: 0 }, nested, P, { complete: true })).toEqual(
      ['指标“内部治理 / 组织机构”的得分须在 0 至 200 之间', '指标“内部治理 / 财务管理”尚未评分'],
    );
  });
  it('given bonus points, then the total is capped at 1,000', () => {
    expect(
      sheetTotal(
        { scores: { basic: 100, governance: 350, performance: 400, social: 140 }, bonus: 30 },
        P,
      ),
    ).toBe(1000);
    expect(
      sheetTotal(
        { scores: { basic: 90, governance: 300, performance: 350, social: 120 }, bonus: 12.5 },
        P,
      ),
    ).toBe(872.5);
  });
  it('given five sheets 700, 850, 860, 870, 990, then mean 854, trimmed mean 860, median 860', () => {
    const t = [990, 850, 700, 870, 860];
    expect(aggregate(t, 'mean', 5).score).toBe(854);
    expect(aggregate(t, 'trimmed_mean', 5)).toEqual({ score: 860, used: [850, 860, 870] });
    expect(aggregate(t, 'median', 5).score).toBe(860);
  });
  it('given too few sheets to trim, then the trimmed mean is the mean; an even median averages', () => {
    expect(aggregate([800, 830, 900], 'trimmed_mean', 5).score).toBe(843.33);
    expect(aggregate([800, 830, 900, 910], 'median', 5).score).toBe(865);
  });
  it('given a spread above the threshold, then the file is flagged', () => {
    expect(disagreement([700, 760, 880], 100)).toEqual({ spread: 180, flagged: true });
    expect(disagreement([800, 900], 100)).toEqual({ spread: 100, flagged: false });
  });
  it('given the Changzhou thresholds, then scores map to grades at the boundaries', () => {
    const level = (s: number) => levelForScore(s, P.thresholds);
    expect([951, 950.5, 901, 900, 851, 850, 801, 800, 0].map(level)).toEqual([
      5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
    expect(levelForScore(650, [{ level: 1, min: 701 }])).toBe(0);
  });
});

describe('committee votes (§4.5 rule 7)', () => {
  const members = ['1', '2', '3', '4', '5', '6', '7'];
  const votes = (n: number, yes: number) =>
    members.slice(0, n).map((m, i) => ({ memberId: m, approve: i < yes }));
  it('given 4 of 7 present, then there is no quorum', () => {
    expect(tallyVotes(members, votes(4, 4), P.committee)).toMatchObject({
      quorum: false,
      approved: false,
    });
  });
  it('given 5 of 7 present, then 4 approvals carry and 3 do not (majority of all members)', () => {
    expect(tallyVotes(members, votes(5, 4), P.committee).approved).toBe(true);
    expect(tallyVotes(members, votes(5, 3), P.committee)).toMatchObject({
      quorum: true,
      approved: false,
    });
  });
  it('given votes from outsiders, then they do not count', () => {
    expect(
      tallyVotes(['a', 'b', 'c'], [{ memberId: 'x', approve: true }], P.committee).present,
    ).toBe(0);
  });
});

describe('recusal and downgrade rules', () => {
  const expert = (
    employments: { organizationId: string; startedOn: string; endedOn: string | null }[],
    organizationId: string | null = null,
  ) => ({ accountId: 'e', organizationId, employments });
  it('given employment that ended less than two years ago, then the expert is blocked; older, not', () => {
    expect(
      visibleConflict(
        expert([{ organizationId: 'o', startedOn: '2015-01-01', endedOn: '2025-01-01' }]),
        'o',
        '2026-06-01',
        2,
      ),
    ).toContain('未满2年');
    expect(
      visibleConflict(
        expert([{ organizationId: 'o', startedOn: '2015-01-01', endedOn: '2024-05-31' }]),
        'o',
        '2026-06-01',
        2,
      ),
    ).toBeNull();
    expect(visibleConflict(expert([], 'o'), 'o', '2026-06-01', 2)).toBe('评估专家是该组织的人员');
    expect(
      visibleConflict(
        expert([{ organizationId: 'o', startedOn: '2015-01-01', endedOn: null }]),
        'o',
        '2026-06-01',
        2,
      ),
    ).toBe('评估专家现任职于该组织');
  });
  it('given a failed inspection, two basic passes or a penalty after the award, then each triggers once', () => {
    const p = profile({
      inspections: [
        { year: 2025, result: 'basic_pass' },
        { year: 2026, result: 'basic_pass' },
        { year: 2027, result: 'fail' },
      ],
      penalties: [
        { decisionNo: 'old', kind: '警告', decidedOn: '2025-01-01', executedOn: '2025-01-02' },
        { decisionNo: 'new', kind: '警告', decidedOn: '2026-08-01', executedOn: null },
      ],
    });
    const t = downgradeTriggers(p, { awardedOn: '2026-06-01' }, ['inspection-fail:2027']);
    expect(t.map((x) => x.key)).toEqual(['inspection-basic:2026', 'penalty:new']);
  });
  it('given a failed inspection of the year before the award, recorded late, then it triggers the downgrade review', () => {
    const p = profile({
      inspections: [
        { year: 2024, result: 'fail' },
        { year: 2025, result: 'fail' },
      ],
    });
    const t = downgradeTriggers(p, { awardedOn: '2026-03-20' }, []);
    expect(t).toEqual([{ key: 'inspection-fail:2025', reason: '2025年度年检不合格' }]);
    expect(downgradeTriggers(p, { awardedOn: '2026-03-20' }, ['inspection-fail:2025'])).toEqual([]);
  });
  it('given the earlier reading (grade workflows recorded before it), then the year before the award is ignored', () => {
    const p = profile({ inspections: [{ year: 2025, result: 'fail' }] });
    expect(
      downgradeTriggers(p, { awardedOn: '2026-03-20' }, [], { yearBeforeAward: false }),
    ).toEqual([]);
  });
});

describe('district figures', () => {
  it('given organisations due and grades, then the share, levels and expiring grades are counted', () => {
    const orgs = [
      { id: 'a', registeredOn: '2018-01-01' },
      { id: 'b', registeredOn: '2019-01-01' },
      { id: 'c', registeredOn: '2020-01-01' },
      { id: 'd', registeredOn: '2025-12-01' },
    ];
    const g = (organizationId: string, level: number, expiresOn: string, status = 'active') => ({
      organizationId,
      level,
      awardedOn: '2022-01-01',
      expiresOn,
      status,
    });
    const f = districtFigures(
      orgs,
      [
        g('a', 4, '2027-01-01'),
        g('b', 2, '2030-01-01'),
        g('c', 3, '2026-01-01'),
        g('d', 1, '2030-01-01', 'downgraded'),
      ],
      '2026-06-01',
      { registeredYears: 2, target: 0.3 },
    );
    expect(
      districtFigures([{ id: 'e', registeredOn: '2024-03-01' }], [], '2026-06-01', {
        registeredYears: 2,
        target: 0.3,
      }).dueForEvaluation,
    ).toBe(0);
    expect(f).toEqual({
      dueForEvaluation: 3,
      withValidGrade: 2,
      gradedShare: 2 / 3,
      target: 0.3,
      meetsTarget: true,
      byLevel: { '1A': 0, '2A': 1, '3A': 0, '4A': 1, '5A': 0 },
      expiringWithin12Months: 1,
    });
  });
});
