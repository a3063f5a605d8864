/**
 * Organisation name rules and name conflicts (DOMAIN.md §1.1 "Other name rules", §3.5 rule 4).
 * Everything is policy-driven so another district only changes data.
 */
import { LEGAL_FORM_LABEL, LEGAL_FORMS, type LegalForm } from './organization-types';

export interface NamePolicy {
  /** Words a local organisation's name may not be crowned with (冠以): refused as a prefix only. */
  forbiddenWords: string[];
  /**
   * The legal forms the prefix ban applies to: DOMAIN §1.1 names local social groups and every
   * 民非 (社团条例 art. 10, 民非条例 art. 8); a rule set may add foundations.
   */
  forbiddenPrefixForms?: LegalForm[];
  /** Administrative-division names a name may start with; the longest match is stripped. */
  divisionPrefixes: string[];
  /** Organisational forms (组织形式) a name of each legal form may end with. */
  formSuffixes: Record<LegalForm, string[]>;
  maxLength: number;
  /** Cores of ≥3 characters within this Levenshtein distance are confusingly similar. */
  similarEditDistance: number;
  /**
   * Trade and field words (行业、领域) the office recognises. A 民非 or foundation name whose
   * middle part is one of them, or one with a shorter 字号 before it, lacks its 字号 (69号令);
   * a middle part that ends with none of them is not judged.
   */
  fieldTerms?: string[];
  /** Fewest characters of a 字号. */
  brandMinLength?: number;
}
// The three settings above are optional because rules loaded into a workflow before they existed
// lack them: such a workflow keeps the earlier reading (any occurrence, no 字号 check) and replays.

export const DEFAULT_NAME_POLICY: Required<NamePolicy> = {
  forbiddenWords: ['中国', '全国', '中华'],
  divisionPrefixes: ['常州市钟楼区', '钟楼区', '常州市'],
  formSuffixes: {
    social_group: [
      '协会',
      '商会',
      '学会',
      '研究会',
      '促进会',
      '联合会',
      '联谊会',
      '同业公会',
      '校友会',
      '总会',
    ],
    private_non_enterprise: ['服务中心', '中心', '服务社', '社', '院', '学校', '所', '站', '馆'],
    foundation: ['基金会'],
  },
  maxLength: 50,
  similarEditDistance: 1,
  forbiddenPrefixForms: ['social_group', 'private_non_enterprise'],
  fieldTerms: [
    '养老服务',
    '居家养老',
    '助老服务',
    '养老',
    '助老',
    '助残',
    '助学',
    '扶贫',
    '济困',
    '救助',
    '慈善',
    '公益',
    '社区服务',
    '社会工作',
    '社工',
    '志愿服务',
    '心理咨询',
    '法律服务',
    '调解',
    '教育',
    '培训',
    '文化',
    '艺术',
    '体育',
    '科技',
    '科普',
    '医疗',
    '康复',
    '健康',
    '环保',
    '儿童',
    '青少年',
    '家庭服务',
    '托育',
  ],
  brandMinLength: 2,
};

export interface NameFinding {
  code: string;
  message: string;
  legalBasis: string;
}

/** Finding codes of checkNameRules. */
export const NAME_FINDING = {
  /** Nothing but whitespace. */
  empty: 'NAME_EMPTY',
  /** Longer than policy.maxLength characters. */
  tooLong: 'NAME_TOO_LONG',
  /** Latin letters, spaces, half-width brackets or other symbols. */
  invalidCharacters: 'NAME_INVALID_CHARACTERS',
  /** A local organisation's name crowned with 中国 / 全国 / 中华 (冠以: at its start). */
  forbiddenWord: 'NAME_FORBIDDEN_WORD',
  /** Does not start with the administrative division. */
  missingDivision: 'NAME_MISSING_DIVISION',
  /** Does not end with an organisational form allowed for the legal form. */
  wrongFormSuffix: 'NAME_WRONG_FORM_SUFFIX',
  /** Nothing between the division and the organisational form. */
  noCore: 'NAME_NO_CORE',
  /** A 民非 or foundation name with a trade or field but no 字号 before it. */
  missingBrand: 'NAME_MISSING_BRAND',
} as const;

const ORDER_69 = '《社会组织名称管理办法》（民政部令第69号）';
const LOCAL_POLICY = '登记机关名称规范（系统配置）';

const FORBIDDEN_BASIS: Record<LegalForm, string> = {
  social_group: `《社会团体登记管理条例》第十条第二款：地方性的社会团体的名称不得冠以“中国”、“全国”、“中华”等字样；${ORDER_69}`,
  private_non_enterprise: `《民办非企业单位登记管理暂行条例》第八条第二款：民办非企业单位的名称不得冠以“中国”、“全国”、“中华”等字样；${ORDER_69}`,
  foundation: `${ORDER_69}；${LOCAL_POLICY}`,
};

const STRUCTURE_BASIS: Record<LegalForm, string> = {
  social_group: `${ORDER_69}：社会团体名称由行政区划名称、行业或领域（或会员组成）和组织形式依次组成`,
  private_non_enterprise: `${ORDER_69}：民办非企业单位（社会服务机构）名称由行政区划名称、字号、行业或领域和组织形式依次组成`,
  foundation: `${ORDER_69}：基金会名称由行政区划名称、字号、行业或领域和组织形式依次组成`,
};

// Characters allowed in a name: CJK ideographs, digits, the middle dot, full-width brackets.
const DISALLOWED_CHAR = /[^\p{Script=Han}0-9·（）]/gu;
const SEPARATORS = /[·（）]/g;

/** Comparable spelling: half-width brackets become full-width, all whitespace goes. */
export function normalizeName(name: string): string {
  return name.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/gu, '');
}

function longestMatch(candidates: string[], test: (s: string) => boolean): string | undefined {
  return candidates.filter((c) => c.length > 0 && test(c)).sort((a, b) => b.length - a.length)[0];
}

function quoteList(items: string[]): string {
  return items.map((s) => `“${s}”`).join('');
}

export function checkNameRules(
  name: string,
  legalForm: LegalForm,
  policy: NamePolicy = DEFAULT_NAME_POLICY,
): NameFinding[] {
  const n = name.trim();
  if (n.length === 0) {
    return [{ code: NAME_FINDING.empty, message: '名称不能为空', legalBasis: ORDER_69 }];
  }
  const findings: NameFinding[] = [];
  const length = [...n].length;
  if (length > policy.maxLength) {
    findings.push({
      code: NAME_FINDING.tooLong,
      message: `名称共${length}个字，超过上限${policy.maxLength}个字`,
      legalBasis: LOCAL_POLICY,
    });
  }

  const bad = [...new Set(n.match(DISALLOWED_CHAR) ?? [])];
  if (bad.length > 0) {
    const shown = bad.map((c) => (/\s/u.test(c) ? '空格' : `“${c}”`)).join('、');
    findings.push({
      code: NAME_FINDING.invalidCharacters,
      message: `名称含有不允许的字符：${shown}；只能使用汉字、数字、间隔号“·”和全角括号“（）”`,
      legalBasis: `${ORDER_69}：社会组织名称应当使用规范汉字`,
    });
  }

  // 冠以 is a crown: inside the name (钟楼区中国象棋协会) the word names a trade or field.
  const forms = policy.forbiddenPrefixForms;
  const crowned =
    forms === undefined
      ? policy.forbiddenWords.filter((w) => w.length > 0 && n.includes(w))
      : forms.includes(legalForm)
        ? policy.forbiddenWords.filter((w) => w.length > 0 && n.startsWith(w))
        : [];
  for (const word of crowned) {
    findings.push({
      code: NAME_FINDING.forbiddenWord,
      message: `地方性${LEGAL_FORM_LABEL[legalForm]}的名称不得冠以“${word}”字样`,
      legalBasis: FORBIDDEN_BASIS[legalForm],
    });
  }

  const prefix = longestMatch(policy.divisionPrefixes, (p) => n.startsWith(p));
  if (prefix === undefined) {
    findings.push({
      code: NAME_FINDING.missingDivision,
      message: `名称应以行政区划名称开头，如${quoteList(policy.divisionPrefixes)}`,
      legalBasis: STRUCTURE_BASIS[legalForm],
    });
  }

  const allowed = policy.formSuffixes[legalForm];
  const suffix = longestMatch(allowed, (s) => n.endsWith(s));
  if (suffix === undefined) {
    findings.push({
      code: NAME_FINDING.wrongFormSuffix,
      message: wrongSuffixMessage(n, legalForm, policy),
      legalBasis: STRUCTURE_BASIS[legalForm],
    });
  }

  const core = n
    .slice(prefix?.length ?? 0, n.length - (suffix?.length ?? 0))
    .replace(SEPARATORS, '');
  if (core.trim().length === 0) {
    findings.push({
      code: NAME_FINDING.noCore,
      message:
        legalForm === 'social_group'
          ? '名称在行政区划名称和组织形式之间缺少行业、领域或会员组成'
          : '名称在行政区划名称和组织形式之间缺少字号和行业、领域',
      legalBasis: STRUCTURE_BASIS[legalForm],
    });
  } else if (legalForm !== 'social_group') {
    const brand = missingBrand(core, policy);
    if (brand) {
      findings.push({
        code: NAME_FINDING.missingBrand,
        message: `${LEGAL_FORM_LABEL[legalForm]}的名称应在行业、领域“${brand}”之前有字号（至少${policy.brandMinLength ?? 2}个字）`,
        legalBasis: STRUCTURE_BASIS[legalForm],
      });
    }
  }
  return findings;
}

/**
 * 69号令: a 民非 or foundation is named division + 字号 + trade or field + form, a social group
 * division + trade or field (or membership) + form. Returns the field word when the part before
 * it is too short to be a 字号; null when there is one, or when the field is not recognised.
 */
function missingBrand(core: string, policy: NamePolicy): string | null {
  if (!policy.fieldTerms) return null;
  const field = longestMatch(policy.fieldTerms, (t) => core.endsWith(t));
  if (field === undefined) return null;
  const brand = [...core].length - [...field].length;
  return brand < (policy.brandMinLength ?? 2) ? field : null;
}

function wrongSuffixMessage(name: string, legalForm: LegalForm, policy: NamePolicy): string {
  const base = `${LEGAL_FORM_LABEL[legalForm]}的名称应以${quoteList(policy.formSuffixes[legalForm])}之一结尾`;
  for (const other of LEGAL_FORMS) {
    if (other === legalForm) continue;
    const used = longestMatch(policy.formSuffixes[other], (s) => name.endsWith(s));
    if (used !== undefined) return `${base}；“${used}”是${LEGAL_FORM_LABEL[other]}的组织形式`;
  }
  return base;
}

/** The comparable core: no division prefix, no organisational form of any legal form, no separators. */
export function nameCore(name: string, policy: NamePolicy = DEFAULT_NAME_POLICY): string {
  let n = normalizeName(name).replace(SEPARATORS, '');
  const prefix = longestMatch(policy.divisionPrefixes, (p) => n.startsWith(p));
  if (prefix !== undefined) n = n.slice(prefix.length);
  const suffix = longestMatch(Object.values(policy.formSuffixes).flat(), (s) => n.endsWith(s));
  if (suffix !== undefined) n = n.slice(0, n.length - suffix.length);
  return n;
}

/** Levenshtein distance over Unicode code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, substitution));
    }
    prev = row;
  }
  return prev[y.length]!;
}

export type NameSimilarity = 'exact' | 'same_core' | 'contains' | 'edit_distance' | 'reordered';

/** Why two names clash, or null when they do not. */
export function nameSimilarity(
  a: string,
  b: string,
  policy: NamePolicy = DEFAULT_NAME_POLICY,
): NameSimilarity | null {
  if (normalizeName(a) === normalizeName(b)) return 'exact';
  const ca = nameCore(a, policy);
  const cb = nameCore(b, policy);
  const la = [...ca].length;
  const lb = [...cb].length;
  if (la > 0 && ca === cb) return 'same_core';
  if (Math.min(la, lb) >= 2 && (ca.includes(cb) || cb.includes(ca))) return 'contains';
  if (Math.min(la, lb) >= 3 && editDistance(ca, cb) <= policy.similarEditDistance) {
    return 'edit_distance';
  }
  const sorted = (s: string) => [...s].sort().join('');
  if (la >= 2 && la === lb && sorted(ca) === sorted(cb)) return 'reordered';
  return null;
}

export interface ExistingOrganizationName {
  id: string;
  name: string;
  status: 'registered' | 'pending' | 'deregistered' | 'banned';
}

/**
 * Names that clash with an existing one. Deregistered and banned organisations are kept:
 * their names may not be reused either; the caller reports the status.
 */
export function findNameConflicts<T extends ExistingOrganizationName>(
  name: string,
  existing: T[],
  policy: NamePolicy = DEFAULT_NAME_POLICY,
): { exact: T[]; similar: T[] } {
  const exact: T[] = [];
  const similar: T[] = [];
  for (const org of existing) {
    const kind = nameSimilarity(name, org.name, policy);
    if (kind === 'exact') exact.push(org);
    else if (kind !== null) similar.push(org);
  }
  return { exact, similar };
}
