/**
 * Unified Social Credit Code (GB 32100-2015) with the embedded organisation code (GB 11714).
 * Layout: authority (1) + org type (1) + division (6) + body (8) + GB 11714 check (1) + check (1).
 * See DOMAIN.md §2.
 */

import { LEGAL_FORM_LABEL, type LegalForm } from './organization-types';

export { LEGAL_FORMS, type LegalForm } from './organization-types';

/** The 31 symbols of GB 32100, valued 0–30 in this order (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Position 2 under registration authority '5' (civil affairs). */
export const ORG_TYPE_CODE: Record<LegalForm, '1' | '2' | '3'> = {
  social_group: '1',
  private_non_enterprise: '2',
  foundation: '3',
};

/** Position 1: the registration authority of everything this bureau issues. */
export const CIVIL_AFFAIRS_AUTHORITY = '5';

export const USCC_FORMAT = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

// W_i = 3^(i−1) mod 31 for i = 1..17.
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export interface Finding {
  code: string;
  message: string;
}

/**
 * Check character of a GB 11714 organisation code (position 17 of the USCC).
 * Letters take their GB 11714 Annex A values (A=10 … Z=35), not the GB 32100 ones:
 * mixing the two tables is the classic bug (DOMAIN.md §2.1).
 */
export function gb11714CheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new Error(`组织机构代码本体应为8位数字或大写字母，实际为“${body8}”`);
  }
  let total = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    // '0'–'9' are 48–57; 'A'–'Z' are 65–90, and code point − 55 gives A=10 … Z=35.
    const value = ch <= 57 ? ch - 48 : ch - 55;
    total += value * GB11714_WEIGHTS[i]!;
  }
  const c9 = 11 - (total % 11);
  if (c9 === 10) return 'X';
  if (c9 === 11) return '0';
  return String(c9);
}

/** Check character of the USCC (position 18) over the first 17 characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new Error(`统一社会信用代码前17位长度应为17，实际为${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) {
      throw new Error(`统一社会信用代码第${i + 1}位“${first17[i]}”不在允许的字符集中`);
    }
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

function isUsccChars(s: string): boolean {
  for (const ch of s) if (!USCC_CHARSET.includes(ch)) return false;
  return true;
}

/** Assemble a civil-affairs USCC: '5' + type + division + body + both check characters. */
export function buildCreditCode(input: {
  legalForm: LegalForm;
  divisionCode: string;
  body8: string;
}): string {
  const type = ORG_TYPE_CODE[input.legalForm];
  if (type === undefined) throw new Error(`未知的组织形式“${input.legalForm}”`);
  if (!/^\d{6}$/.test(input.divisionCode)) {
    throw new Error(`行政区划代码应为6位数字，实际为“${input.divisionCode}”`);
  }
  // The body also lands in the USCC, so it must avoid I, O, S, V and Z even though GB 11714 allows them.
  if (input.body8.length !== 8 || !isUsccChars(input.body8)) {
    throw new Error(
      `主体标识码本体应为8位，且只能使用“${USCC_CHARSET}”中的字符，实际为“${input.body8}”`,
    );
  }
  const first17 =
    CIVIL_AFFAIRS_AUTHORITY +
    type +
    input.divisionCode +
    input.body8 +
    gb11714CheckChar(input.body8);
  return first17 + usccCheckChar(first17);
}

/** An 8-character body: the prefix, then the sequence zero-padded to fill the rest (e.g. MJ000042). */
export function organizationCodeBody(prefix: string, sequence: number): string {
  if (prefix.length >= 8 || !isUsccChars(prefix)) {
    throw new Error(`代码前缀应少于8位，且只能使用“${USCC_CHARSET}”中的字符，实际为“${prefix}”`);
  }
  const width = 8 - prefix.length;
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new Error(`顺序号应为非负整数，实际为${sequence}`);
  }
  const digits = String(sequence);
  if (digits.length > width) {
    throw new Error(`顺序号${sequence}超出前缀“${prefix}”后可用的${width}位`);
  }
  return prefix + digits.padStart(width, '0');
}

export interface CreditCodeValidation {
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
}

/**
 * How a failed GB 11714 check (position 17) counts: an error by default, a warning only where a
 * rule set tolerates odd legacy codes (DOMAIN.md §2.1). One policy switch for every check.
 */
export type Position17Mode = 'error' | 'warning';

export interface ValidateCreditCodeOptions {
  /** 'warning' tolerates odd legacy codes whose GB 11714 check is wrong (DOMAIN.md §2.1). */
  position17?: Position17Mode;
  expectedLegalForm?: LegalForm;
  expectedDivisionCode?: string;
}

/** Finding codes of validateCreditCode. */
export const CREDIT_CODE_FINDING = {
  /** Not 18 characters of the allowed alphabet with digits at positions 3–8. */
  format: 'USCC_FORMAT',
  /** GB 32100 check character (position 18) does not match. */
  check18: 'USCC_CHECK_18',
  /** GB 11714 check character (position 17) does not match. */
  check17: 'USCC_CHECK_17',
  /** Positions 1–2 do not match the expected legal form (51/52/53). */
  legalForm: 'USCC_LEGAL_FORM_MISMATCH',
  /** Positions 3–8 are not the expected administrative division. */
  division: 'USCC_DIVISION_MISMATCH',
} as const;

export function validateCreditCode(
  code: string,
  opts: ValidateCreditCodeOptions = {},
): CreditCodeValidation {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  if (!USCC_FORMAT.test(code)) {
    errors.push({
      code: CREDIT_CODE_FINDING.format,
      message:
        '统一社会信用代码格式不正确：应为18位，第3–8位为数字，其余为数字或大写字母（不含I、O、S、V、Z）',
    });
    return { valid: false, errors, warnings };
  }

  const expected18 = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected18) {
    errors.push({
      code: CREDIT_CODE_FINDING.check18,
      message: `统一社会信用代码第18位校验码应为“${expected18}”，实际为“${code[17]}”`,
    });
  }

  const expected17 = gb11714CheckChar(code.slice(8, 16));
  if (code[16] !== expected17) {
    const finding = {
      code: CREDIT_CODE_FINDING.check17,
      message: `组织机构代码校验码（第17位）应为“${expected17}”，实际为“${code[16]}”`,
    };
    (opts.position17 === 'warning' ? warnings : errors).push(finding);
  }

  if (opts.expectedLegalForm !== undefined) {
    const prefix = CIVIL_AFFAIRS_AUTHORITY + ORG_TYPE_CODE[opts.expectedLegalForm];
    if (code.slice(0, 2) !== prefix) {
      errors.push({
        code: CREDIT_CODE_FINDING.legalForm,
        message: `${LEGAL_FORM_LABEL[opts.expectedLegalForm]}的统一社会信用代码第1–2位应为“${prefix}”，实际为“${code.slice(0, 2)}”`,
      });
    }
  }

  if (opts.expectedDivisionCode !== undefined && code.slice(2, 8) !== opts.expectedDivisionCode) {
    errors.push({
      code: CREDIT_CODE_FINDING.division,
      message: `统一社会信用代码第3–8位应为登记机关行政区划代码“${opts.expectedDivisionCode}”，实际为“${code.slice(2, 8)}”`,
    });
  }

  return { valid: errors.length === 0, errors, warnings };
}
