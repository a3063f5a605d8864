import { describe, expect, it } from '@jest/globals';
import { midtermGrade, splitTranches } from '../../domain/competition/evaluation-grade';
import { competitionPolicySchema, formatYuan } from '../../domain/competition/policy';
import { checkProposal } from '../../domain/competition/proposal';
import { rankFunding } from '../../domain/competition/rank-funding';
import type { OrganizationProfile } from '../../domain/organization/profile';
import { callOver, initialRound } from '../../workflows/competition/round-rules';

const defaults = competitionPolicySchema.parse({});

describe('competition policy defaults (DOMAIN §5.3)', () => {
  it('given no settings, then the defaults of DOMAIN apply', () => {
    expect(defaults.rubric.map((c) => c.max)).toEqual([20, 25, 15, 15, 15, 10]);
    expect(defaults).toMatchObject({
      passMark: 60,
      tranchePercents: [50, 30, 20],
      minPanelSize: 5,
      publicity: { amount: 5, unit: 'workingDays' },
      midterm: { gradeA: 85, gradeB: 60 },
    });
  });
  it('given tranches that do not add up to 100 %, then the settings are refused', () => {
    expect(competitionPolicySchema.safeParse({ tranchePercents: [60, 30] }).success).toBe(false);
  });
  it('given a tie-break key naming an unknown criterion, then the settings are refused', () => {
    expect(competitionPolicySchema.safeParse({ tieBreak: ['criterion:charm'] }).success).toBe(
      false,
    );
  });
});

describe('tranches and grades', () => {
  it('given an odd amount, then the last tranche takes the remainder', () => {
    expect(splitTranches(100_001, [50, 30, 20])).toEqual([50_000, 30_000, 20_001]);
  });
  it('given scores at the thresholds, then A ≥ 85, B 60–84, C < 60', () => {
    expect([85, 84, 60, 59].map((s) => midtermGrade(s, defaults.midterm))).toEqual([
      'A',
      'B',
      'B',
      'C',
    ]);
  });
  it('given fen, then texts show yuan', () => {
    expect(formatYuan(20_000_000)).toBe('¥200,000.00');
    expect(formatYuan(5)).toBe('¥0.05');
  });
});

describe('funding within the budget and quotas', () => {
  const p = competitionPolicySchema.parse({
    budgetFen: 100,
    passMark: 60,
    categories: [
      { code: 'a', name: '甲', quotaProjects: 1 },
      { code: 'b', name: '乙' },
    ],
  });
  it('given projects in rank order, then the quota, the pass mark and the remaining budget pass some over and a smaller one still fits', () => {
    const d = rankFunding(
      [
        { proposalId: '1', rank: 1, score: 90, category: 'a', requestedFen: 40, capFen: 50 },
        { proposalId: '2', rank: 2, score: 85, category: 'a', requestedFen: 10, capFen: 50 },
        { proposalId: '3', rank: 3, score: 80, category: 'b', requestedFen: 80, capFen: 50 },
        { proposalId: '4', rank: 4, score: 75, category: 'b', requestedFen: 30, capFen: 50 },
        {
          proposalId: '5',
          rank: 5,
          score: 70,
          category: 'b',
          requestedFen: 30,
          capFen: 50,
          panelAmountFen: 10,
        },
        { proposalId: '6', rank: 6, score: 59, category: 'b', requestedFen: 1, capFen: 50 },
      ],
      p,
    );
    expect(d.map((x) => [x.proposalId, x.selected, x.awardFen])).toEqual([
      ['1', true, 40],
      ['2', false, 0],
      ['3', true, 50],
      ['4', false, 0],
      ['5', true, 10],
      ['6', false, 0],
    ]);
    expect(d[1]!.reason).toContain('名额');
    expect(d[3]!.reason).toContain('预算不足');
    expect(d[5]!.reason).toContain('及格线');
  });
});

describe('proposal validation (DOMAIN §5.4)', () => {
  const profile: OrganizationProfile = {
    id: 'o',
    name: '常州市钟楼区助老服务中心',
    status: 'registered',
    legalForm: 'private_non_enterprise',
    category: null,
    creditCode: null,
    registeredOn: '2020-01-01',
    inspections: [{ year: 2025, result: 'fail' }],
    penalties: [],
    abnormalListedOn: null,
    dishonestListedOn: null,
    underInvestigationSince: null,
    grades: [],
  };
  const proposal = {
    title: '助老项目',
    category: 'elderly',
    purpose: 'other' as const,
    need: '需求说明文字足够长',
    design: '设计说明文字足够长',
    team: [{ name: '张', role: '负责人' }],
    budgetLines: [{ item: '车辆', kind: 'vehicle' as const, amountFen: 100 }],
    requestedFen: 100,
    coFundingFen: 0,
    otherGovernmentFunding: true,
    bankAccount: { bank: '银行', accountName: '别的单位', accountNo: '12345678' },
    documentIds: [],
  };
  it('given every kind of fault, then each is reported with its reason', () => {
    const p = competitionPolicySchema.parse({ coFunding: { minPercentOfRequest: 20 } });
    const codes = checkProposal(
      p,
      { profile, recorded: false, previousWinner: false, today: '2026-11-29' },
      proposal,
    ).map((f) => f.code);
    expect(codes.sort()).toEqual(
      [
        'BANK_ACCOUNT',
        'CO_FUNDING',
        'DOUBLE_FUNDING',
        'FINANCES',
        'FORBIDDEN_SPENDING',
        'PURPOSE',
      ].sort(),
    );
  });
  describe("finances from last year's annual inspection", () => {
    const tidy = {
      ...proposal,
      purpose: 'elderly' as const,
      budgetLines: [{ item: '服务', kind: 'activity' as const, amountFen: 100 }],
      otherGovernmentFunding: false,
      bankAccount: { ...proposal.bankAccount, accountName: profile.name },
    };
    const findings = (over: Partial<OrganizationProfile>) =>
      checkProposal(
        defaults,
        {
          profile: { ...profile, ...over },
          recorded: false,
          previousWinner: false,
          today: '2026-11-29',
        },
        tidy,
      );
    it('given a pass last year, then the finances pass', () => {
      expect(findings({ inspections: [{ year: 2025, result: 'pass' }] })).toEqual([]);
    });
    it('given no inspection on record for last year, then the finance check does not pass silently', () => {
      const f = findings({ inspections: [{ year: 2024, result: 'pass' }] });
      expect(f).toEqual([
        { code: 'FINANCES', message: expect.stringContaining('2025年度年检结果尚无记录') },
      ]);
    });
    it('given an organisation registered in the last six months of last year, then no inspection was due and none is asked', () => {
      expect(findings({ inspections: [], registeredOn: '2025-08-01' })).toEqual([]);
      expect(findings({ inspections: [], registeredOn: '2025-06-30' })[0]?.code).toBe('FINANCES');
    });
  });

  it('given a recorded organisation in a round that does not admit them, then it is refused', () => {
    const f = checkProposal(
      defaults,
      {
        profile: { ...profile, status: 'forming', inspections: [] },
        recorded: true,
        previousWinner: false,
        today: '2026-11-29',
      },
      {
        ...proposal,
        purpose: 'elderly',
        otherGovernmentFunding: false,
        budgetLines: [{ item: '物资', kind: 'materials', amountFen: 100 }],
        bankAccount: { ...proposal.bankAccount, accountName: profile.name },
      },
    );
    expect(f.map((x) => x.code)).toEqual(['RECORDED_NOT_ALLOWED']);
  });
});

describe('the call closes at its deadline (round rules)', () => {
  const input = { callClosesAt: 1_000 } as Parameters<typeof callOver>[1];
  it('given an open call before its deadline, then it stays open', () => {
    expect(callOver(initialRound(), input, 999)).toBe(false);
  });
  it('given an open call at its deadline, then the round closes it', () => {
    expect(callOver(initialRound(), input, 1_000)).toBe(true);
  });
  it('given a call the administrator already closed, then the timer does nothing', () => {
    expect(callOver({ ...initialRound(), stage: 'eligibility_review' }, input, 2_000)).toBe(false);
  });
});
