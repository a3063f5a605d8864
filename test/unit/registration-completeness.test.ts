import type { LegalForm } from '../../domain/organization-types';
import type { Application } from '../../domain/registration/application';
import { changedTargets, findDeficiencies } from '../../domain/registration/completeness';
import type { DocumentType } from '../../domain/registration/documents';
import {
  DEFAULT_REGISTRATION_POLICY,
  registrationPolicySchema,
} from '../../domain/registration/policy';
import { deficiencyItemSchema } from '../../domain/registration/schemas';
import { applicationFor, fileId } from './support/registration';

const policy = DEFAULT_REGISTRATION_POLICY;
const findings = (app: Application) => findDeficiencies(app, policy);
const codes = (app: Application) => findings(app).map((f) => f.code);

/** A valid application of the form with some parts replaced. */
function app(form: LegalForm, change: (a: Application) => void = () => {}): Application {
  const a = applicationFor(form);
  change(a);
  return a;
}

const SG = '《社会团体登记管理条例》';
const PNE = '《民办非企业单位登记管理暂行条例》';
const FDN = '《基金会管理条例》';

describe('findDeficiencies on a complete application', () => {
  it.each<LegalForm>(['social_group', 'private_non_enterprise', 'foundation'])(
    'given a %s application exactly at every minimum, when checked, should find nothing',
    (form) => {
      // 50 individual members, ¥30,000 or ¥2m, 7 directors with 2 paid, a 12-month lease.
      expect(findings(app(form))).toEqual([]);
    },
  );
});

describe('findDeficiencies: required documents', () => {
  // Each document with the article item that requires it (社团条例 art. 10–11, 民非条例 art. 9, 基金会条例 art. 9).
  const cases: [LegalForm, DocumentType, string][] = [
    ['social_group', 'application_form', `${SG}第十一条第（一）项`],
    ['social_group', 'capital_verification', `${SG}第十一条第（三）项`],
    ['social_group', 'premises_proof', `${SG}第十一条第（三）项`],
    ['social_group', 'founders_identity', `${SG}第十一条第（四）项`],
    ['social_group', 'leaders_background', `${SG}第十一条第（四）项`],
    ['social_group', 'legal_representative_identity', `${SG}第十一条第（四）项`],
    ['social_group', 'charter_draft', `${SG}第十一条第（五）项`],
    ['social_group', 'member_list', `${SG}第十条第一款第（一）项（会员数量的证明）`],
    ['private_non_enterprise', 'application_form', `${PNE}第九条第（一）项`],
    ['private_non_enterprise', 'premises_proof', `${PNE}第九条第（三）项`],
    ['private_non_enterprise', 'capital_verification', `${PNE}第九条第（四）项`],
    ['private_non_enterprise', 'leaders_background', `${PNE}第九条第（五）项`],
    ['private_non_enterprise', 'legal_representative_identity', `${PNE}第九条第（五）项`],
    ['private_non_enterprise', 'charter_draft', `${PNE}第九条第（六）项`],
    ['foundation', 'application_form', `${FDN}第九条第（一）项`],
    ['foundation', 'charter_draft', `${FDN}第九条第（二）项`],
    ['foundation', 'capital_verification', `${FDN}第九条第（三）项`],
    ['foundation', 'premises_proof', `${FDN}第九条第（三）项`],
    ['foundation', 'directors_list', `${FDN}第九条第（四）项`],
    ['foundation', 'leaders_background', `${FDN}第九条第（四）项`],
    ['foundation', 'legal_representative_identity', `${FDN}第九条第（四）项`],
  ];

  it('given a 民非, when checked without a sponsor identity document, should not ask for one (民非条例 art. 9 does not list it)', () => {
    const a = applicationFor('private_non_enterprise', ['founders_identity']);
    expect(findings(a)).toEqual([]);
  });

  it.each(cases)(
    'given a %s application without its %s, when checked, should list exactly that document citing %s',
    (form, type, basis) => {
      const a = applicationFor(form, [type]);
      expect(findings(a)).toEqual([
        expect.objectContaining({
          code: 'DOC_MISSING',
          target: `document:${type}`,
          legalBasis: basis,
        }),
      ]);
    },
  );

  it('given a social group without two documents, when checked, should list both in checklist order', () => {
    const a = applicationFor('social_group', ['member_list', 'charter_draft']);
    expect(findings(a).map((f) => [f.target, f.title])).toEqual([
      ['document:charter_draft', '缺少章程草案'],
      ['document:member_list', '缺少会员名册'],
    ]);
  });

  it('given an activity that needs a prior permit and no permit filed, when checked, should ask for it under the Licensing Law', () => {
    const a = app('private_non_enterprise', (x) => {
      x.needsPriorPermit = true;
    });
    expect(findings(a)).toEqual([
      expect.objectContaining({
        code: 'DOC_MISSING',
        target: 'document:prior_permit',
        legalBasis: '《中华人民共和国行政许可法》第十二条及相关法律、行政法规',
      }),
    ]);
  });

  it('given a social group without a directors list, when checked, should not ask for one (foundations only)', () => {
    expect(findings(app('social_group'))).toEqual([]);
    expect(app('social_group').documents.map((d) => d.type)).not.toContain('directors_list');
  });

  it('given findings with many problems at once, when checked, should produce items a notice can carry', () => {
    const a = app('foundation', (x) => {
      x.name = 'China基金';
      x.documents = [];
      x.funds = { amount: 1, source: '捐赠', inCash: false };
      x.board = { directors: 3, paidDirectors: 3, closeRelatives: 3, privatelyFunded: true };
      x.declarations = {
        noDeprivationOfPoliticalRights: false,
        fullCivilCapacity: true,
        truthful: false,
      };
    });
    const items = findings(a);
    expect(items.length).toBeGreaterThan(10);
    for (const i of items) expect(deficiencyItemSchema.safeParse(i).success).toBe(true);
  });
});

describe('findDeficiencies: social-group members (社团条例 art. 10(1))', () => {
  const basis = `${SG}第十条第一款第（一）项`;
  const withMembers = (individuals: number, units: number, stateOrganUnits = 0) =>
    app('social_group', (x) => {
      x.members = { individuals, units, stateOrganUnits };
    });

  it.each([
    [50, 0],
    [0, 30],
    [20, 30],
    [49, 1],
  ])('given %i individual and %i unit members, when checked, should accept the count', (i, u) => {
    expect(codes(withMembers(i, u))).toEqual([]);
  });

  it.each([
    [49, 0],
    [0, 29],
    [40, 9],
    [1, 35],
    [0, 0],
  ])(
    'given %i individual and %i unit members, when checked, should find too few members',
    (i, u) => {
      expect(findings(withMembers(i, u))).toEqual([
        expect.objectContaining({
          code: 'MEMBERS_TOO_FEW',
          target: 'field:members',
          legalBasis: basis,
        }),
      ]);
    },
  );

  it('given a state organ among the unit members, when checked, should refuse it as a member citing art. 2', () => {
    expect(findings(withMembers(0, 30, 1))).toEqual([
      expect.objectContaining({
        code: 'MEMBERS_STATE_ORGANS',
        target: 'field:members',
        legalBasis: `${SG}第二条第二款`,
      }),
    ]);
  });

  it('given a social group that left out its membership, when checked, should ask for it', () => {
    const a = app('social_group', (x) => {
      x.members = undefined;
    });
    expect(codes(a)).toEqual(['MEMBERS_MISSING']);
  });

  it('given a private non-enterprise unit with no members, when checked, should not ask for members', () => {
    expect(app('private_non_enterprise').members).toBeUndefined();
    expect(codes(app('private_non_enterprise'))).toEqual([]);
  });
});

describe('findDeficiencies: funds', () => {
  const withFunds = (
    form: LegalForm,
    amount: number,
    change: (a: Application) => void = () => {},
  ) =>
    app(form, (x) => {
      x.funds.amount = amount;
      change(x);
    });

  it('given a social group with ¥29,999, when checked, should find the activity funds too low under art. 10(1)(5)', () => {
    expect(findings(withFunds('social_group', 29_999))).toEqual([
      expect.objectContaining({
        code: 'FUNDS_TOO_LOW',
        target: 'field:funds',
        legalBasis: `${SG}第十条第一款第（五）项`,
      }),
    ]);
  });

  it('given a private non-enterprise unit with ¥29,999, when checked, should find the start-up funds too low', () => {
    const [item] = findings(withFunds('private_non_enterprise', 29_999));
    expect(item?.code).toBe('FUNDS_TOO_LOW');
    expect(item?.legalBasis).toContain(`${PNE}第八条第一款第（四）项`);
  });

  it('given a district that raised the 民非 minimum to ¥500,000, when ¥499,999 is filed, should find it too low', () => {
    const raised = registrationPolicySchema.parse({
      minimums: { privateNonEnterpriseFunds: 500_000 },
    });
    const a = withFunds('private_non_enterprise', 499_999);
    expect(findDeficiencies(a, raised).map((f) => f.description)).toEqual([
      '应不低于人民币500000元，申请材料为499999元。',
    ]);
  });

  it.each([
    ['non_public', 1_999_999, 2_000_000],
    ['local_public', 3_999_999, 4_000_000],
    ['national_public', 7_999_999, 8_000_000],
  ] as const)(
    'given a %s foundation, when the original fund is %i, should find it too low, and at %i should not',
    (foundationType, below, at) => {
      const set = (x: Application) => {
        x.foundationType = foundationType;
      };
      expect(findings(withFunds('foundation', below, set))).toEqual([
        expect.objectContaining({ code: 'FUNDS_TOO_LOW', legalBasis: `${FDN}第八条第（二）项` }),
      ]);
      expect(findings(withFunds('foundation', at, set))).toEqual([]);
    },
  );

  it('given a foundation without a type, when checked, should ask for the type and apply the non-public minimum', () => {
    const a = withFunds('foundation', 1_999_999, (x) => {
      x.foundationType = undefined;
    });
    expect(findings(a).map((f) => [f.code, f.legalBasis])).toEqual([
      ['FOUNDATION_TYPE', `${FDN}第三条`],
      ['FUNDS_TOO_LOW', `${FDN}第八条第（二）项`],
    ]);
  });

  it('given a foundation whose original fund is not cash in the account, when checked, should refuse it', () => {
    const a = app('foundation', (x) => {
      x.funds.inCash = false;
    });
    expect(codes(a)).toEqual(['FUNDS_NOT_CASH']);
  });

  it('given a social group whose funds are not cash, when checked, should not object', () => {
    const a = app('social_group', (x) => {
      x.funds.inCash = false;
    });
    expect(codes(a)).toEqual([]);
  });
});

describe('findDeficiencies: foundation board (基金会条例 art. 20)', () => {
  const withBoard = (
    directors: number,
    paidDirectors = 0,
    closeRelatives = 0,
    privatelyFunded = false,
  ) =>
    app('foundation', (x) => {
      x.board = { directors, paidDirectors, closeRelatives, privatelyFunded };
    });

  it.each([5, 25])('given %i directors, when checked, should accept the board size', (n) => {
    expect(codes(withBoard(n))).toEqual([]);
  });

  it.each([4, 26])(
    'given %i directors, when checked, should refuse the board size citing art. 20(1)',
    (n) => {
      expect(findings(withBoard(n))).toEqual([
        expect.objectContaining({
          code: 'BOARD_SIZE',
          target: 'field:board',
          legalBasis: `${FDN}第二十条第一款`,
        }),
      ]);
    },
  );

  it('given 3 paid directors out of 9, when checked, should accept exactly one third', () => {
    expect(codes(withBoard(9, 3))).toEqual([]);
  });

  it('given 4 paid directors out of 9, when checked, should refuse more than one third citing art. 20(3)', () => {
    expect(findings(withBoard(9, 4))).toEqual([
      expect.objectContaining({ code: 'BOARD_PAID', legalBasis: `${FDN}第二十条第三款` }),
    ]);
  });

  it('given a privately funded foundation with 3 related directors out of 9, when checked, should accept one third', () => {
    expect(codes(withBoard(9, 0, 3, true))).toEqual([]);
  });

  it('given a privately funded foundation with 4 related directors out of 9, when checked, should refuse it citing art. 20(2)', () => {
    expect(findings(withBoard(9, 0, 4, true))).toEqual([
      expect.objectContaining({ code: 'BOARD_RELATIVES', legalBasis: `${FDN}第二十条第二款` }),
    ]);
  });

  it('given a foundation not privately funded with 2 directors who are close relatives, when checked, should refuse it (art. 20(2): they may not sit together)', () => {
    expect(findings(withBoard(9, 0, 2, false))).toEqual([
      expect.objectContaining({ code: 'BOARD_RELATIVES', legalBasis: `${FDN}第二十条第二款` }),
    ]);
  });

  it('given a foundation without board details, when checked, should ask for them', () => {
    const a = app('foundation', (x) => {
      x.board = undefined;
    });
    expect(codes(a)).toEqual(['BOARD_MISSING']);
  });

  it('given a social group, when checked, should not ask for a board', () => {
    expect(app('social_group').board).toBeUndefined();
    expect(codes(app('social_group'))).toEqual([]);
  });
});

describe('findDeficiencies: persons and declarations', () => {
  it('given a social group whose legal representative already represents another group, when checked, should cite art. 12(3)', () => {
    const a = app('social_group', (x) => {
      x.legalRepresentative.legalRepresentativeElsewhere = true;
    });
    expect(findings(a)).toEqual([
      expect.objectContaining({
        code: 'LEGAL_REP_ELSEWHERE',
        target: 'field:legalRepresentative',
        legalBasis: `${SG}第十二条第三款`,
      }),
    ]);
  });

  it('given a private non-enterprise unit whose legal representative represents a social group, when checked, should not object', () => {
    const a = app('private_non_enterprise', (x) => {
      x.legalRepresentative.legalRepresentativeElsewhere = true;
    });
    expect(codes(a)).toEqual([]);
  });

  it('given a foundation whose secretary-general is a serving state functionary, when checked, should cite art. 23(1)', () => {
    const a = app('foundation', (x) => {
      x.responsiblePersons[0]!.stateFunctionary = true;
    });
    expect(findings(a)).toEqual([
      expect.objectContaining({
        code: 'LEADER_FUNCTIONARY',
        target: 'field:responsiblePersons',
        legalBasis: `${FDN}第二十三条第一款`,
      }),
    ]);
  });

  it('given a foundation whose legal representative (the chair, art. 20) is a serving state functionary, when checked, should cite art. 23(1)', () => {
    const a = app('foundation', (x) => {
      x.legalRepresentative.stateFunctionary = true;
    });
    expect(findings(a)).toEqual([
      expect.objectContaining({
        code: 'LEADER_FUNCTIONARY',
        target: 'field:legalRepresentative',
        legalBasis: `${FDN}第二十三条第一款`,
      }),
    ]);
  });

  it('given a foundation whose legal representative already represents a social group, when checked, should cite art. 23(1)', () => {
    const a = app('foundation', (x) => {
      x.legalRepresentative.legalRepresentativeElsewhere = true;
    });
    expect(findings(a)).toEqual([
      expect.objectContaining({
        code: 'LEGAL_REP_ELSEWHERE',
        target: 'field:legalRepresentative',
        legalBasis: `${FDN}第二十三条第一款`,
      }),
    ]);
  });

  it('given a founder who lacks full civil capacity by the declaration, when checked, should ask for the declaration', () => {
    const a = app('social_group', (x) => {
      x.declarations.fullCivilCapacity = false;
    });
    expect(findings(a)).toEqual([
      expect.objectContaining({
        code: 'PERSONS_DECLARATION',
        target: 'field:declarations',
        legalBasis: `${SG}第十三条第（三）项；${PNE}第十一条第二款第（四）项`,
      }),
    ]);
  });

  it('given no promise that the materials are true, when checked, should cite art. 31 of the Licensing Law', () => {
    const a = app('social_group', (x) => {
      x.declarations.truthful = false;
    });
    expect(findings(a)).toEqual([
      expect.objectContaining({
        code: 'TRUTH_DECLARATION',
        legalBasis: '《中华人民共和国行政许可法》第三十一条',
      }),
    ]);
  });

  it.each([
    ['leased', 11, ['PREMISES_TERM']],
    ['free_use', 11, ['PREMISES_TERM']],
    ['free_use', 12, []],
    ['owned', undefined, []],
  ] as const)(
    'given premises %s for %s months, when checked against the 12-month rule, should find %j',
    (tenure, leaseMonths, expected) => {
      const a = app('private_non_enterprise', (x) => {
        x.premises = { ...x.premises, tenure, leaseMonths };
      });
      expect(codes(a)).toEqual(expected);
    },
  );
});

describe('findDeficiencies: name rules', () => {
  it('given a local social group called 中国钟楼区爱心协会, when checked, should surface the forbidden word and the missing division on the name', () => {
    const a = app('social_group', (x) => {
      x.name = '中国钟楼区爱心协会';
    });
    expect(findings(a).map((f) => [f.code, f.target, f.title])).toEqual([
      ['NAME_FORBIDDEN_WORD', 'field:name', '名称不符合规定'],
      ['NAME_MISSING_DIVISION', 'field:name', '名称不符合规定'],
    ]);
    expect(findings(a)[0]!.legalBasis).toContain(`${SG}第十条第二款`);
  });

  it('given a social group named like a service centre, when checked, should report the wrong organisational form', () => {
    const a = app('social_group', (x) => {
      x.name = '常州市钟楼区青松志愿服务中心';
    });
    expect(codes(a)).toEqual(['NAME_WRONG_FORM_SUFFIX']);
  });
});

describe('changedTargets', () => {
  const before = applicationFor('social_group');
  const after = (change: (a: Application) => void) => {
    const a = structuredClone(before);
    change(a);
    return a;
  };
  const targets = (change: (a: Application) => void) =>
    [...changedTargets(before, after(change))].sort();

  it('given an unchanged resubmission, when compared, should report nothing', () => {
    expect(targets(() => {})).toEqual([]);
  });

  it('given the same text with its keys in another order (as stored JSON comes back), when compared, should report nothing', () => {
    const reordered = Object.fromEntries(Object.entries(before).reverse()) as Application;
    reordered.funds = { inCash: true, source: before.funds.source, amount: before.funds.amount };
    expect([...changedTargets(before, reordered)]).toEqual([]);
  });

  it('given a new name and more unit members, when compared, should report exactly those two fields', () => {
    expect(
      targets((a) => {
        a.name = '常州市钟楼区青松志愿者协会';
        a.members!.units = 3;
      }),
    ).toEqual(['field:members', 'field:name']);
  });

  it('given a founder with a new phone, when compared, should report the founders', () => {
    expect(
      targets((a) => {
        a.founders[1]!.phone = '0519-88889999';
      }),
    ).toEqual(['field:founders']);
  });

  it('given an optional field that appears, when compared, should report it', () => {
    expect(
      targets((a) => {
        a.board = { directors: 5, paidDirectors: 0, closeRelatives: 0, privatelyFunded: false };
      }),
    ).toEqual(['field:board']);
  });

  it('given a charter replaced by another file, when compared, should report that document only', () => {
    expect(
      targets((a) => {
        a.documents.find((d) => d.type === 'charter_draft')!.fileId = fileId(99);
      }),
    ).toEqual(['document:charter_draft']);
  });

  it('given a document added and another removed, when compared, should report both types', () => {
    expect(
      targets((a) => {
        a.documents = a.documents.filter((d) => d.type !== 'member_list');
        a.documents.push({ type: 'other', fileId: fileId(50) });
      }),
    ).toEqual(['document:member_list', 'document:other']);
  });

  it('given a second file of a type already present, when compared, should report that type', () => {
    expect(
      targets((a) => {
        a.documents.push({ type: 'premises_proof', fileId: fileId(51) });
      }),
    ).toEqual(['document:premises_proof']);
  });

  it('given the same files in another order, with their stored hash filled in, when compared, should report nothing', () => {
    expect(
      targets((a) => {
        a.documents.reverse();
        a.documents[0]!.sha256 = 'a'.repeat(64);
        a.documents[0]!.fileName = '会员名册.pdf';
      }),
    ).toEqual([]);
  });
});
