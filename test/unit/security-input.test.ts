import { literal } from '../../api/search-text';
import { buildCreditCode } from '../../domain/credit-code';
import { parseImportRow } from '../../domain/organization/import-row';
import { personSchema } from '../../domain/registration/application';
import { addressSchema, looksLikeFormula, personNameSchema } from '../../domain/text-rules';
import { loadConfig } from '../../lib/config';
import { bidsOpened } from '../../lib/ocds/build-release-package';
import type { PurchaseView } from '../../workflows/purchase/view-types';

/** Input rules of issue 13 point 9 and the configuration of point 5, as pure functions. */

describe('person names and addresses', () => {
  it.each(['李审查', '买买提·艾力', 'Anna-Lena O’Neil', 'Jean-Luc Picard'])(
    'given the name %j, when checked, should accept it',
    (n) => {
      expect(personNameSchema.safeParse(n).success).toBe(true);
    },
  );

  it.each([
    ['a line break (a second line on a certificate)', '李四\r\n法定代表人：王五'],
    ['a zero-width space', '李\u200b四'],
    ['a right-to-left override', '\u202e四李'],
    ['markup', '<b>李四</b>'],
    ['digits', '李四123'],
  ])('given a name with %s, when checked, should refuse it', (_, n) => {
    expect(personNameSchema.safeParse(n).success).toBe(false);
  });

  it('given an address with a line break or markup, when checked, should refuse it; an ordinary one passes', () => {
    expect(addressSchema.safeParse('常州市钟楼区北港街道（12号）3-201室').success).toBe(true);
    expect(addressSchema.safeParse('常州市钟楼区\n假地址').success).toBe(false);
    expect(addressSchema.safeParse('<script>x</script>').success).toBe(false);
  });

  it('given an application person whose name carries a line break, when parsed, should refuse it at the name', () => {
    const r = personSchema.safeParse({
      name: '张三\n（已核准）',
      idType: 'passport',
      idNumber: 'E12345678',
      position: '会长',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['name']);
  });
});

describe('the organisation import applies the registration rules to text', () => {
  const row = {
    creditCode: buildCreditCode({
      legalForm: 'social_group',
      divisionCode: '320404',
      body8: 'MJ0000X1',
    }),
    name: '常州市钟楼区示例慈善协会',
    legalForm: '社会团体',
    registeredOn: '2015-06-01',
  };
  const reasons = (cells: Record<string, string>) => {
    const r = parseImportRow({ ...row, ...cells }, '2026-11-29');
    return r.ok ? [] : r.reasons;
  };

  it('given a name with a zero-width space or a right-to-left override, should refuse the row by the naming rules', () => {
    expect(reasons({ name: '常州市钟楼区示例\u200b慈善协会' }).join()).toContain(
      '名称含有不允许的字符',
    );
    expect(reasons({ name: '常州市钟楼区\u202e会协善慈例示' }).join()).toContain(
      '名称含有不允许的字符',
    );
  });

  it.each(['=HYPERLINK("http://x.example","点击")', '+86 519 1234', '-1+2', '@SUM(A1)'])(
    'given a cell %j that a spreadsheet would run, should refuse the row',
    (v) => {
      expect(looksLikeFormula(v)).toBe(true);
      expect(reasons({ domicile: v }).join()).toContain('公式');
    },
  );

  it('given a legal representative with a line break, should refuse the row', () => {
    expect(reasons({ legalRepresentative: '张三\n李四' }).join()).toContain('法定代表人');
  });

  it("given an older name without today's division prefix, should import it with a warning, not refuse it", () => {
    const r = parseImportRow({ ...row, name: '钟楼慈善协会' }, '2026-11-29');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.join()).toContain('名称：');
  });
});

describe('search text', () => {
  it('given % _ and \\ in a search, when escaped for LIKE, should be literal', () => {
    expect(literal('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(literal('钟楼区')).toBe('钟楼区');
  });
});

describe('TRUST_PROXY', () => {
  it('given no value, should trust no proxy (X-Forwarded-For from anywhere is ignored)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('given a number of hops or a list of ranges, should pass it to Express; nonsense is refused', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});

describe('OCDS: when are the bids opened', () => {
  const trail = (...actions: string[]) =>
    ({ trail: actions.map((action, i) => ({ seq: i + 1, action })) }) as unknown as PurchaseView;

  it('given a notice and no close, should say not opened; after the close, opened', () => {
    expect(bidsOpened(trail('plan_procurement'))).toBe(false);
    expect(bidsOpened(trail('plan_procurement', 'publish_notice', 'submit_response'))).toBe(false);
    expect(bidsOpened(trail('plan_procurement', 'publish_notice', 'close_responses'))).toBe(true);
  });

  it('given a failed procurement tendered again, should say not opened until the new window closes', () => {
    const again = [
      'plan_procurement',
      'publish_notice',
      'procurement_failed',
      'plan_procurement',
      'publish_notice',
    ];
    expect(bidsOpened(trail(...again))).toBe(false);
    expect(bidsOpened(trail(...again, 'close_responses'))).toBe(true);
  });
});
