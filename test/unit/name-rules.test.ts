import {
  checkNameRules,
  DEFAULT_NAME_POLICY,
  type ExistingOrganizationName,
  editDistance,
  findNameConflicts,
  nameCore,
  nameSimilarity,
} from '../../domain/name-rules';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('checkNameRules', () => {
  it.each([
    ['常州市钟楼区慈善协会', 'social_group'],
    ['钟楼区夕阳红养老服务中心', 'private_non_enterprise'],
    ['常州市钟楼区（新闸）社区服务社', 'private_non_enterprise'],
    ['常州市钟楼区阳光助学基金会', 'foundation'],
  ] as const)(
    'given the well-formed name %s for a %s, when checking, should find nothing',
    (name, form) => {
      expect(checkNameRules(name, form)).toEqual([]);
    },
  );

  it('given a social group crowned with 中华, when checking, should refuse the prefix and cite the regulation', () => {
    const findings = checkNameRules('中华钟楼区文化促进会', 'social_group');
    expect(codes(findings)).toEqual(['NAME_FORBIDDEN_WORD', 'NAME_MISSING_DIVISION']);
    expect(findings[0]!.message).toBe('地方性社会团体的名称不得冠以“中华”字样');
    expect(findings[0]!.legalBasis).toContain('《社会团体登记管理条例》第十条第二款');
    expect(findings[0]!.legalBasis).toContain('民政部令第69号');
  });

  it('given a 民非 crowned with 全国, when checking, should cite the 民非 regulation', () => {
    const [finding] = checkNameRules('全国钟楼区象棋培训中心', 'private_non_enterprise');
    expect(finding!.code).toBe('NAME_FORBIDDEN_WORD');
    expect(finding!.legalBasis).toContain('《民办非企业单位登记管理暂行条例》第八条第二款');
  });

  it.each([
    ['常州市钟楼区中华文化促进会', 'social_group'],
    ['钟楼区中国象棋协会', 'social_group'],
    ['钟楼区星辰全国象棋培训中心', 'private_non_enterprise'],
  ] as const)(
    'given %s with the word inside the name (a trade or field), when checking, should not refuse it',
    (name, form) => {
      expect(checkNameRules(name, form)).toEqual([]);
    },
  );

  it('given a foundation crowned with 中华, when checking, should leave the prefix ban to the rule set (DOMAIN names groups and 民非 only)', () => {
    expect(codes(checkNameRules('中华钟楼区慈善基金会', 'foundation'))).toEqual([
      'NAME_MISSING_DIVISION',
    ]);
    const withFoundations = {
      ...DEFAULT_NAME_POLICY,
      forbiddenPrefixForms: ['social_group', 'private_non_enterprise', 'foundation'] as const,
    };
    expect(
      codes(
        checkNameRules('中华钟楼区慈善基金会', 'foundation', {
          ...withFoundations,
          forbiddenPrefixForms: [...withFoundations.forbiddenPrefixForms],
        }),
      ),
    ).toEqual(['NAME_FORBIDDEN_WORD', 'NAME_MISSING_DIVISION']);
  });

  it('given rules loaded before the prefix reading (no forbiddenPrefixForms), when checking, should keep the earlier reading so old workflows replay', () => {
    const {
      forbiddenPrefixForms: _f,
      fieldTerms: _t,
      brandMinLength: _b,
      ...old
    } = DEFAULT_NAME_POLICY;
    expect(codes(checkNameRules('常州市钟楼区中华文化促进会', 'social_group', old))).toEqual([
      'NAME_FORBIDDEN_WORD',
    ]);
    expect(checkNameRules('钟楼区养老服务中心', 'private_non_enterprise', old)).toEqual([]);
  });

  it('given a 民非 named …协会, when checking, should refuse the suffix and say it belongs to social groups', () => {
    const findings = checkNameRules('钟楼区养老服务协会', 'private_non_enterprise');
    expect(codes(findings)).toEqual(['NAME_WRONG_FORM_SUFFIX']);
    expect(findings[0]!.message).toContain('“协会”是社会团体的组织形式');
    expect(findings[0]!.legalBasis).toContain('字号');
  });

  it('given a foundation named …中心, when checking, should require 基金会', () => {
    const findings = checkNameRules('钟楼区阳光助学中心', 'foundation');
    expect(codes(findings)).toEqual(['NAME_WRONG_FORM_SUFFIX']);
    expect(findings[0]!.message).toContain('“基金会”');
  });

  it('given Latin letters and a space, when checking, should list each offending character once', () => {
    const findings = checkNameRules('钟楼区ABC 爱心A协会', 'social_group');
    expect(codes(findings)).toEqual(['NAME_INVALID_CHARACTERS']);
    expect(findings[0]!.message).toContain('“A”、“B”、“C”、空格；');
  });

  it('given half-width brackets, when checking, should refuse them', () => {
    expect(codes(checkNameRules('钟楼区(新闸)社区服务社', 'private_non_enterprise'))).toEqual([
      'NAME_INVALID_CHARACTERS',
    ]);
  });

  it('given a name without a division, when checking, should ask for one', () => {
    const findings = checkNameRules('慈善协会', 'social_group');
    expect(codes(findings)).toEqual(['NAME_MISSING_DIVISION']);
    expect(findings[0]!.message).toContain('“常州市钟楼区”“钟楼区”“常州市”');
  });

  it('given only a division and a form, when checking, should say the middle is missing', () => {
    expect(codes(checkNameRules('常州市钟楼区协会', 'social_group'))).toEqual(['NAME_NO_CORE']);
  });

  it.each([
    ['钟楼区养老服务中心', 'private_non_enterprise', '养老'],
    ['常州市钟楼区新助学基金会', 'foundation', '助学'],
  ] as const)(
    'given the 民非 or foundation name %s with a field but no 字号, when checking, should ask for the 字号 before %s',
    (name, form, field) => {
      const findings = checkNameRules(name, form);
      expect(codes(findings)).toEqual(['NAME_MISSING_BRAND']);
      expect(findings[0]!.message).toContain(`行业、领域“${field}”之前有字号`);
      expect(findings[0]!.legalBasis).toContain('字号');
    },
  );

  it('given a social group named division + field + form, when checking, should not ask for a 字号 (its structure has none)', () => {
    expect(checkNameRules('钟楼区养老服务协会', 'social_group')).toEqual([]);
  });

  it('given an empty name, when checking, should report only that it is empty', () => {
    expect(codes(checkNameRules('  ', 'foundation'))).toEqual(['NAME_EMPTY']);
  });

  it('given a name of 51 characters, when checking, should report it as too long', () => {
    const name = `钟楼区${'慈'.repeat(46)}协会`;
    expect([...name]).toHaveLength(51);
    const findings = checkNameRules(name, 'social_group');
    expect(codes(findings)).toEqual(['NAME_TOO_LONG']);
    expect(findings[0]!.message).toBe('名称共51个字，超过上限50个字');
  });
});

describe('nameCore', () => {
  it('given names with different division prefixes, when taking the core, should strip the longest prefix', () => {
    expect(nameCore('常州市钟楼区慈善协会')).toBe('慈善');
    expect(nameCore('钟楼区慈善协会')).toBe('慈善');
  });

  it('given a 民非 ending in 服务中心, when taking the core, should strip the longest form', () => {
    expect(nameCore('钟楼区夕阳红养老服务中心')).toBe('夕阳红养老');
  });

  it('given brackets and a middle dot, when taking the core, should drop the separators', () => {
    expect(nameCore('常州市钟楼区（新闸）阳光·助残服务社')).toBe('新闸阳光助残');
  });
});

describe('editDistance', () => {
  it('given known pairs, when measuring, should give the Levenshtein distance', () => {
    expect(editDistance('夕阳红', '夕阳虹')).toBe(1);
    expect(editDistance('慈善', '慈善事业')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('nameSimilarity', () => {
  it.each([
    ['常州市钟楼区慈善协会', '钟楼区慈善协会', 'same_core'],
    ['钟楼区慈善协会', '钟楼区慈善基金会', 'same_core'],
    ['钟楼区慈善协会', '钟楼区慈善事业促进会', 'contains'],
    ['钟楼区夕阳红志愿者协会', '钟楼区夕阳虹志愿者协会', 'edit_distance'],
    ['钟楼区助老爱心协会', '钟楼区爱心助老协会', 'reordered'],
    ['钟楼区慈善协会', '钟楼区书法家协会', null],
    ['钟楼区青少年篮球协会', '钟楼区老年人书法研究会', null],
  ])('given %s and %s, when comparing, should say %s', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBe(expected);
  });

  it('given two-character cores one letter apart, when comparing, should not call them similar', () => {
    // Edit distance only applies to cores of at least three characters.
    expect(nameSimilarity('钟楼区书法协会', '钟楼区书画协会')).toBeNull();
  });

  it('given a policy with edit distance 0, when comparing a homophone variant, should not call it similar', () => {
    const strict = { ...DEFAULT_NAME_POLICY, similarEditDistance: 0 };
    expect(nameSimilarity('钟楼区夕阳红志愿者协会', '钟楼区夕阳虹志愿者协会', strict)).toBeNull();
  });
});

describe('findNameConflicts', () => {
  const existing: ExistingOrganizationName[] = [
    { id: 'a', name: '常州市钟楼区慈善协会', status: 'registered' },
    { id: 'b', name: '钟楼区 慈善协会', status: 'pending' },
    { id: 'c', name: '常州市钟楼区（新闸）社区服务中心', status: 'deregistered' },
    { id: 'd', name: '钟楼区书法家协会', status: 'banned' },
  ];

  it('given 钟楼区慈善协会, when searching, should find the spaced spelling exact and the longer-prefix one similar', () => {
    const { exact, similar } = findNameConflicts('钟楼区慈善协会', existing);
    expect(exact.map((o) => o.id)).toEqual(['b']);
    expect(similar.map((o) => o.id)).toEqual(['a']);
  });

  it('given half-width brackets, when searching, should still match a deregistered name exactly', () => {
    const { exact, similar } = findNameConflicts('常州市钟楼区(新闸)社区服务中心', existing);
    expect(exact).toEqual([existing[2]]);
    expect(similar).toEqual([]);
  });

  it('given a reordered name of a banned organisation, when searching, should report it as similar', () => {
    const { similar } = findNameConflicts('钟楼区家法书协会', existing);
    expect(similar.map((o) => [o.id, o.status])).toEqual([['d', 'banned']]);
  });

  it('given a distant name, when searching, should find no conflict', () => {
    expect(findNameConflicts('钟楼区青少年篮球协会', existing)).toEqual({ exact: [], similar: [] });
  });
});
