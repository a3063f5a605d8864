import {
  DEFAULT_REGISTRATION_POLICY,
  registrationPolicySchema,
} from '../../domain/registration/policy';
import { jurisdictionChain, mergeLayers } from '../../lib/rules/jurisdictions';

const wd = (amount: number) => ({ amount, unit: 'workingDays' });
const months = (amount: number) => ({ amount, unit: 'months' });

describe('registrationPolicySchema defaults (DOMAIN.md §1.2, §1.3, §3.4, §3.5)', () => {
  const p = registrationPolicySchema.parse({});

  it('given an empty rule set, when parsed, should follow the 2016 text', () => {
    expect(p.ruleVersion).toBe('2016');
  });

  it('given an empty rule set, when parsed, should give 5 working days for the notice, 60 for the decision and 10 for the certificate', () => {
    expect(p.limits.intakeNotice).toEqual(wd(5));
    expect(p.limits.decision).toEqual(wd(60));
  });

  it('given the certificate issued with the approval itself, then no certificate-delivery limit is kept that could do nothing', () => {
    expect(Object.keys(p.limits)).not.toContain('certificateDelivery');
    expect(
      registrationPolicySchema.parse({ limits: { certificateDelivery: wd(10) } }).limits,
    ).not.toHaveProperty('certificateDelivery');
  });

  it('given an empty rule set, when parsed, should give the local defaults: a 30-working-day promise and response time, 3-day reminders', () => {
    expect(p.limits.promised).toEqual(wd(30));
    expect(p.limits.applicantResponse).toEqual(wd(30));
    expect(p.limits.reminderLead).toEqual(wd(3));
  });

  it('given an empty rule set, when parsed, should switch the extension off with 10 working days ready', () => {
    expect(p.extension).toEqual({ allowed: false, amount: wd(10) });
  });

  it('given an empty rule set, when parsed, should switch preparation off with 6 months, 3 months, 12 months and 30 working days', () => {
    expect(p.preparation).toEqual({
      enabled: false,
      window: months(6),
      extension: months(3),
      reapplicationBar: months(12),
      foundingReview: wd(30),
    });
  });

  it('given an empty rule set, when parsed, should give the statutory minimums and a board of 5 to 25', () => {
    expect(p.minimums).toEqual({
      socialGroupIndividualMembers: 50,
      socialGroupUnitMembers: 30,
      socialGroupMixedMembers: 50,
      socialGroupFundsLocal: 30_000,
      privateNonEnterpriseFunds: 30_000,
      foundationFundNonPublic: 2_000_000,
      foundationFundLocalPublic: 4_000_000,
      foundationFundNationalPublic: 8_000_000,
      foundationBoardMin: 5,
      foundationBoardMax: 25,
      premisesLeaseMonths: 12,
    });
  });

  it('given an empty rule set, when parsed, should tell applicants of 60 days for reconsideration and 6 months for litigation', () => {
    expect(p.remedies).toEqual({
      reconsiderationDays: 60,
      reconsiderationBody: '常州市钟楼区人民政府',
      litigationMonths: 6,
    });
  });

  it('given an empty rule set, when parsed, should keep one-trade-one-association (no relaxation) and the MJ body prefix', () => {
    expect(p.relaxations).toEqual({ oneTradeMultipleAssociations: false });
    expect(p.creditCode).toEqual({ bodyPrefix: 'MJ', position17: 'error' });
  });

  it('given an empty rule set, when parsed, should forbid 中国, 全国 and 中华 in names', () => {
    expect(p.names.forbiddenWords).toEqual(['中国', '全国', '中华']);
  });

  it('given the exported default policy, when compared, should equal parsing an empty rule set', () => {
    expect(DEFAULT_REGISTRATION_POLICY).toEqual(p);
  });
});

describe('registrationPolicySchema with partial overrides', () => {
  it('given only a calendar-day decision limit, when parsed, should keep every other limit at its default', () => {
    const p = registrationPolicySchema.parse({
      limits: { decision: { amount: 60, unit: 'calendarDays' } },
    });
    expect(p.limits).toEqual({
      intakeNotice: wd(5),
      decision: { amount: 60, unit: 'calendarDays' },
      promised: wd(30),
      applicantResponse: wd(30),
      reminderLead: wd(3),
    });
  });

  it('given preparation switched on for the 1998 text, when parsed, should keep the 6-month window and the other settings', () => {
    const p = registrationPolicySchema.parse({
      ruleVersion: '1998',
      preparation: { enabled: true },
    });
    expect(p.ruleVersion).toBe('1998');
    expect(p.preparation).toEqual({
      enabled: true,
      window: months(6),
      extension: months(3),
      reapplicationBar: months(12),
      foundingReview: wd(30),
    });
  });

  it('given one lowered minimum, when parsed, should keep the other minimums', () => {
    const p = registrationPolicySchema.parse({ minimums: { socialGroupFundsLocal: 10_000 } });
    expect(p.minimums.socialGroupFundsLocal).toBe(10_000);
    expect(p.minimums.privateNonEnterpriseFunds).toBe(30_000);
    expect(p.minimums.foundationBoardMax).toBe(25);
  });

  it('given no promised limit (null), when parsed, should keep it null rather than restore the default', () => {
    expect(
      registrationPolicySchema.parse({ limits: { promised: null } }).limits.promised,
    ).toBeNull();
  });

  it('given the extension allowed, when parsed, should keep its 10 working days', () => {
    expect(registrationPolicySchema.parse({ extension: { allowed: true } }).extension).toEqual({
      allowed: true,
      amount: wd(10),
    });
  });
});

describe('registrationPolicySchema refuses invalid values', () => {
  it.each([
    ['a negative limit', { limits: { decision: { amount: -1, unit: 'workingDays' } } }],
    ['a fractional limit', { limits: { decision: { amount: 1.5, unit: 'workingDays' } } }],
    ['an unknown unit', { limits: { decision: { amount: 2, unit: 'weeks' } } }],
    ['a limit without its unit', { limits: { intakeNotice: { amount: 5 } } }],
    ['an unknown rule version', { ruleVersion: '2020' }],
    ['a board minimum of 0', { minimums: { foundationBoardMin: 0 } }],
    ['a negative fund minimum', { minimums: { foundationFundNonPublic: -1 } }],
    ['a member minimum as text', { minimums: { socialGroupIndividualMembers: '50' } }],
    ['a body prefix with Z', { creditCode: { bodyPrefix: 'MZ' } }],
    [
      'a relaxation that is not a boolean',
      { relaxations: { oneTradeMultipleAssociations: 'yes' } },
    ],
    ['zero reconsideration days', { remedies: { reconsiderationDays: 0 } }],
  ])('given %s, when parsed, should refuse the rule set', (_, settings) => {
    expect(registrationPolicySchema.safeParse(settings).success).toBe(false);
  });
});

describe('rule layers', () => {
  it('given the district of 钟楼区, when its chain is built, should go national, Jiangsu, Changzhou, district', () => {
    expect(jurisdictionChain('320404')).toEqual(['000000', '320000', '320400', '320404']);
  });

  it('given a province code, when its chain is built, should not repeat a level', () => {
    expect(jurisdictionChain('320000')).toEqual(['000000', '320000']);
  });

  it('given nested layers, when merged, should keep keys of earlier layers that later ones leave out', () => {
    const national = {
      limits: { decision: wd(60), intakeNotice: wd(5) },
      minimums: { a: 1, b: 2 },
    };
    const district = { limits: { decision: wd(30) }, minimums: { b: 3 } };
    expect(mergeLayers([national, district])).toEqual({
      limits: { decision: wd(30), intakeNotice: wd(5) },
      minimums: { a: 1, b: 3 },
    });
  });

  it('given three layers setting the same value, when merged, should let the last one win', () => {
    expect(
      mergeLayers([{ ruleVersion: '1998' }, { ruleVersion: '2016' }, { ruleVersion: '1998' }]),
    ).toEqual({ ruleVersion: '1998' });
  });

  it('given a later layer with an array, when merged, should replace the array, not append to it', () => {
    expect(
      mergeLayers([
        { names: { forbiddenWords: ['中国', '全国', '中华'] } },
        { names: { forbiddenWords: ['国际'] } },
      ]),
    ).toEqual({ names: { forbiddenWords: ['国际'] } });
  });

  it('given a district that clears the promised limit with null, when merged and parsed, should have no promised limit', () => {
    const merged = mergeLayers([{ limits: { promised: wd(30) } }, { limits: { promised: null } }]);
    expect(registrationPolicySchema.parse(merged).limits.promised).toBeNull();
  });

  it('given the layers, when merged, should not change them', () => {
    const national = { limits: { decision: wd(60) } };
    mergeLayers([national, { limits: { decision: wd(30) } }]);
    expect(national).toEqual({ limits: { decision: wd(60) } });
  });

  it('given a province that turns the extension on and a district that changes its amount, when merged and parsed, should have both', () => {
    const merged = mergeLayers([
      {},
      { extension: { allowed: true } },
      {},
      { extension: { amount: { amount: 15, unit: 'calendarDays' } } },
    ]);
    expect(registrationPolicySchema.parse(merged).extension).toEqual({
      allowed: true,
      amount: { amount: 15, unit: 'calendarDays' },
    });
  });
});
