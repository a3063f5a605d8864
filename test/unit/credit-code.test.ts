import {
  buildCreditCode,
  gb11714CheckChar,
  type LegalForm,
  organizationCodeBody,
  USCC_CHARSET,
  usccCheckChar,
  validateCreditCode,
} from '../../domain/credit-code';

// Worked example A of DOMAIN.md §2.2 and the public test vectors of §2.2 B.
const ZHONGLOU_EXAMPLE = '52320404MJ4Y701293';
const VALID_CODES = [
  ZHONGLOU_EXAMPLE,
  '51310110501144395U',
  '91110000600037341L',
  '91350100M000100Y43',
];

function withCharAt(code: string, index: number, ch: string): string {
  return code.slice(0, index) + ch + code.slice(index + 1);
}

// Deterministic pseudo-random sequence (mulberry32), so a failure always reproduces.
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('gb11714CheckChar', () => {
  it('given the body MJ4Y7012, when computing the check, should use GB 11714 letter values and give 9', () => {
    // M=22, J=19, Y=34: 66+133+36+340+35+0+4+4 = 618; 618 mod 11 = 2; 11−2 = 9.
    // With GB 32100 values (M=21, J=18, Y=30) the sum is 568, 568 mod 11 = 7, giving the wrong '4'.
    expect(gb11714CheckChar('MJ4Y7012')).toBe('9');
    expect(gb11714CheckChar('MJ4Y7012')).not.toBe('4');
  });

  it('given the body of a real Shanghai social group, when computing the check, should give 5', () => {
    // 5·3+0·7+1·9+1·10+4·5+4·8+3·4+9·2 = 116; 116 mod 11 = 6; 11−6 = 5.
    expect(gb11714CheckChar('50114439')).toBe('5');
  });

  it('given a body whose remainder is 1, when computing the check, should write 10 as X', () => {
    // 00000030: 3·4 = 12; 12 mod 11 = 1; 11 − 1 = 10 → 'X'.
    expect(gb11714CheckChar('00000030')).toBe('X');
  });

  it('given a body whose remainder is 0, when computing the check, should write 11 as 0', () => {
    // 00000000: T = 0, 11 − 0 = 11 → '0'.
    expect(gb11714CheckChar('00000000')).toBe('0');
  });

  it('given a body that is not 8 characters of 0-9A-Z, when computing the check, should throw', () => {
    expect(() => gb11714CheckChar('MJ4Y701')).toThrow(/8位/);
    expect(() => gb11714CheckChar('mj4y7012')).toThrow(/8位/);
  });
});

describe('usccCheckChar', () => {
  it('given the first 17 characters of example A, when computing position 18, should give 3', () => {
    // Σ = 2074, 2074 mod 31 = 28, 31 − 28 = 3 (DOMAIN.md §2.2 step 2).
    expect(usccCheckChar('52320404MJ4Y70129')).toBe('3');
  });

  it('given the real code 51310110501144395U, when computing position 18, should give U', () => {
    // S = 810, 810 mod 31 = 4, 31 − 4 = 27 = U.
    expect(usccCheckChar('51310110501144395')).toBe('U');
  });

  it('given a character outside the 31-symbol set, when computing position 18, should throw', () => {
    expect(() => usccCheckChar('52320404MJ4Y7012I')).toThrow(/第17位/);
  });
});

describe('buildCreditCode', () => {
  it('given a 民非 of 钟楼区 with body MJ4Y7012, when building, should give 52320404MJ4Y701293', () => {
    const code = buildCreditCode({
      legalForm: 'private_non_enterprise',
      divisionCode: '320404',
      body8: 'MJ4Y7012',
    });
    expect(code).toBe(ZHONGLOU_EXAMPLE);
  });

  it('given each legal form, when building, should put 51, 52 or 53 in positions 1–2', () => {
    const build = (legalForm: LegalForm) =>
      buildCreditCode({ legalForm, divisionCode: '320404', body8: 'MJ000001' }).slice(0, 2);
    expect([build('social_group'), build('private_non_enterprise'), build('foundation')]).toEqual([
      '51',
      '52',
      '53',
    ]);
  });

  it('given a division code that is not six digits, when building, should throw', () => {
    expect(() =>
      buildCreditCode({ legalForm: 'foundation', divisionCode: '32040', body8: 'MJ000001' }),
    ).toThrow(/行政区划代码/);
  });

  it('given a body with a letter GB 32100 forbids, when building, should throw', () => {
    // O is valid in GB 11714 but not in the USCC alphabet.
    expect(() =>
      buildCreditCode({ legalForm: 'foundation', divisionCode: '320404', body8: 'MJ00000O' }),
    ).toThrow(/主体标识码/);
  });

  it('given many generated bodies, when building, should always produce a code that validates', () => {
    const next = generator(20260101);
    const forms: LegalForm[] = ['social_group', 'private_non_enterprise', 'foundation'];
    const failures: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const body8 = Array.from({ length: 8 }, () => USCC_CHARSET[Math.floor(next() * 31)]).join('');
      const divisionCode = String(110000 + Math.floor(next() * 540000));
      const legalForm = forms[i % 3]!;
      const code = buildCreditCode({ legalForm, divisionCode, body8 });
      const result = validateCreditCode(code, {
        expectedLegalForm: legalForm,
        expectedDivisionCode: divisionCode,
      });
      if (!result.valid || result.warnings.length > 0) failures.push(code);
    }
    expect(failures).toEqual([]);
  });

  it('given generated codes, when any one of positions 1–17 is changed, should always fail the position-18 check', () => {
    // Every weight 3^(i−1) mod 31 is invertible mod 31, so one substitution always changes S mod 31.
    const next = generator(42);
    const missed: string[] = [];
    for (let i = 0; i < 100; i++) {
      const body8 = Array.from({ length: 8 }, () => USCC_CHARSET[Math.floor(next() * 31)]).join('');
      const code = buildCreditCode({ legalForm: 'social_group', divisionCode: '320404', body8 });
      for (let pos = 0; pos < 17; pos++) {
        const alphabet = pos >= 2 && pos <= 7 ? '0123456789' : USCC_CHARSET;
        for (const ch of alphabet) {
          if (ch === code[pos]) continue;
          const corrupted = withCharAt(code, pos, ch);
          const errors = validateCreditCode(corrupted).errors;
          if (!errors.some((e) => e.code === 'USCC_CHECK_18')) missed.push(corrupted);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('organizationCodeBody', () => {
  it('given prefix MJ and sequence 42, when building a body, should zero-pad to MJ000042', () => {
    expect(organizationCodeBody('MJ', 42)).toBe('MJ000042');
  });

  it('given the largest sequence that fits, when building a body, should use every digit', () => {
    expect(organizationCodeBody('MJ', 999999)).toBe('MJ999999');
  });

  it('given a sequence that does not fit after the prefix, when building a body, should throw', () => {
    expect(() => organizationCodeBody('MJ', 1000000)).toThrow(/超出/);
  });

  it('given a negative or fractional sequence, when building a body, should throw', () => {
    expect(() => organizationCodeBody('MJ', -1)).toThrow(/非负整数/);
    expect(() => organizationCodeBody('MJ', 1.5)).toThrow(/非负整数/);
  });

  it('given a prefix with a letter outside the USCC alphabet, when building a body, should throw', () => {
    expect(() => organizationCodeBody('MO', 1)).toThrow(/前缀/);
  });
});

describe('validateCreditCode', () => {
  it.each(VALID_CODES)('given the valid code %s, when validating, should accept it', (code) => {
    expect(validateCreditCode(code)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('given the widely copied 91350100M000100Y4Z, when validating, should fail only the format', () => {
    const result = validateCreditCode('91350100M000100Y4Z');
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['USCC_FORMAT']);
  });

  it.each([
    ['is too short', '52320404MJ4Y70129'],
    ['is in lower case', '52320404mj4y701293'],
    ['has a letter in the division', '5232040AMJ4Y701293'],
  ])('given a code that %s, when validating, should fail the format', (_, code) => {
    expect(validateCreditCode(code).errors.map((e) => e.code)).toEqual(['USCC_FORMAT']);
  });

  it.each(VALID_CODES)(
    'given %s, when position 18 is replaced by any other symbol, should reject it',
    (code) => {
      for (const ch of USCC_CHARSET) {
        if (ch === code[17]) continue;
        const result = validateCreditCode(withCharAt(code, 17, ch));
        expect(result.valid).toBe(false);
        expect(result.errors.map((e) => e.code)).toEqual(['USCC_CHECK_18']);
      }
    },
  );

  it('given example A with position 18 replaced, when validating, should name the expected check in Chinese', () => {
    const [error] = validateCreditCode('52320404MJ4Y701294').errors;
    expect(error).toEqual({
      code: 'USCC_CHECK_18',
      message: '统一社会信用代码第18位校验码应为“3”，实际为“4”',
    });
  });

  // Example A computed with GB 32100 letter values: position 17 = 4, position 18 recomputed.
  const wrong17 = '52320404MJ4Y70124' + usccCheckChar('52320404MJ4Y70124');

  it('given a wrong position 17 with a matching position 18, when validating by default, should report an error', () => {
    const result = validateCreditCode(wrong17);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { code: 'USCC_CHECK_17', message: '组织机构代码校验码（第17位）应为“9”，实际为“4”' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('given a wrong position 17 and the legacy switch, when validating, should accept it with a warning', () => {
    const result = validateCreditCode(wrong17, { position17: 'warning' });
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['USCC_CHECK_17']);
  });

  it('given a social-group code where a 民非 is expected, when validating, should report the form mismatch', () => {
    const result = validateCreditCode('51310110501144395U', {
      expectedLegalForm: 'private_non_enterprise',
    });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['USCC_LEGAL_FORM_MISMATCH']);
    expect(result.errors[0]!.message).toContain('“52”');
  });

  it('given a Yangpu code checked against 钟楼区, when validating, should report the division mismatch', () => {
    const result = validateCreditCode('51310110501144395U', {
      expectedLegalForm: 'social_group',
      expectedDivisionCode: '320404',
    });
    expect(result.errors.map((e) => e.code)).toEqual(['USCC_DIVISION_MISMATCH']);
  });

  it('given a code failing several checks, when validating, should report them in order', () => {
    // Example A with both check characters wrong and checked as a foundation of another district.
    const result = validateCreditCode('52320404MJ4Y701200', {
      expectedLegalForm: 'foundation',
      expectedDivisionCode: '320405',
    });
    expect(result.errors.map((e) => e.code)).toEqual([
      'USCC_CHECK_18',
      'USCC_CHECK_17',
      'USCC_LEGAL_FORM_MISMATCH',
      'USCC_DIVISION_MISMATCH',
    ]);
  });
});
