import { buildCreditCode } from '../../domain/credit-code';
import { mapHeaders, parseImportRow } from '../../domain/organization/import-row';

const TODAY = '2026-11-29';
const code = (legalForm: 'social_group' | 'foundation' | 'private_non_enterprise', n = 1) =>
  buildCreditCode({ legalForm, divisionCode: '320404', body8: `MJ00000${n}` });

const valid = {
  creditCode: code('social_group'),
  name: '常州市钟楼区示例慈善协会',
  legalForm: '社会团体',
  registeredOn: '2015-06-01',
};

describe('organisation import: headers', () => {
  it('given Chinese column names, should map them to fields', () => {
    const r = mapHeaders(['统一社会信用代码', '名称', '组织形式', '登记日期', '年检结果']);
    expect(r.errors).toEqual([]);
    expect(r.fields).toEqual(['creditCode', 'name', 'legalForm', 'registeredOn', 'inspections']);
  });

  it('given an unknown, a duplicated and a missing column, should report each', () => {
    const r = mapHeaders(['名称', 'name', '组织形式', '登记日期', '备注']);
    expect(r.errors).toEqual(['未知的列“备注”', '列“名称”重复', '缺少必需的列“统一社会信用代码”']);
  });
});

describe('organisation import: one row', () => {
  it('given a complete valid row with labels, should return the organisation', () => {
    const r = parseImportRow(
      {
        ...valid,
        category: '公益慈善类',
        supervisionMode: '直接登记',
        inspections: '2024:基本合格；2023:合格',
        grade: '3A',
        gradeAwardedOn: '2022-12-01',
        gradeExpiresOn: '2027-12-01',
        gradeAwardingLevel: '区',
      },
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      warnings: [],
      value: expect.objectContaining({
        legalForm: 'social_group',
        category: 'public_welfare',
        supervisionMode: 'direct',
        inspections: [
          { year: 2023, result: 'pass' },
          { year: 2024, result: 'basic_pass' },
        ],
        grade: {
          level: 3,
          awardedOn: '2022-12-01',
          expiresOn: '2027-12-01',
          awardingLevel: 'district',
        },
      }),
    });
  });

  it('given 社会服务机构, should read it as 民办非企业单位 (the 2016 name)', () => {
    const r = parseImportRow(
      { ...valid, creditCode: code('private_non_enterprise'), legalForm: '社会服务机构' },
      TODAY,
    );
    expect(r.ok && r.value.legalForm).toBe('private_non_enterprise');
  });

  it('given a wrong check character, should refuse with the expected character', () => {
    const bad = `${valid.creditCode.slice(0, 17)}${valid.creditCode[17] === '0' ? '1' : '0'}`;
    const r = parseImportRow({ ...valid, creditCode: bad }, TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons.join()).toMatch(/第18位校验码应为/);
  });

  it('given a foundation code under 社会团体, should refuse the form mismatch', () => {
    const r = parseImportRow({ ...valid, creditCode: code('foundation') }, TODAY);
    expect(!r.ok && r.reasons.join()).toMatch(/第1–2位应为“51”/);
  });

  it('given several faults, should report every one of them', () => {
    const r = parseImportRow(
      {
        creditCode: valid.creditCode,
        legalForm: '协会',
        registeredOn: '2015-13-01',
        supervisionMode: '双重管理',
        email: 'not-mail',
        inspections: '2014:合格;2024:优秀;2026:合格',
        grade: '6A',
      },
      TODAY,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons).toEqual([
      '名称不能为空',
      '组织形式“协会”应为社会团体、民办非企业单位（社会服务机构）或基金会',
      '登记日期“2015-13-01”不是有效日期（格式：2020-06-01）',
      '双重管理的组织须填写业务主管单位',
      '邮箱“not-mail”格式不正确',
      '年检结果“2024:优秀”无法识别（格式：2024:合格;2025:基本合格）',
      '2026年度的年检尚未进行',
      '评估等级、等级授予日期、等级有效期至须同时填写',
    ]);
  });

  it('given an inspection before the registration year, should refuse it', () => {
    const r = parseImportRow({ ...valid, inspections: '2014:合格' }, TODAY);
    expect(!r.ok && r.reasons).toEqual(['2014年早于登记年份，不能有年检结果']);
  });

  it('given a grade that ends before it starts or predates registration, should refuse it', () => {
    const r = parseImportRow(
      { ...valid, grade: '2A', gradeAwardedOn: '2014-01-01', gradeExpiresOn: '2013-01-01' },
      TODAY,
    );
    expect(!r.ok && r.reasons).toEqual([
      '等级有效期至应晚于等级授予日期',
      '等级授予日期早于登记日期',
    ]);
  });

  it('given a registration date in the future, should refuse it', () => {
    const r = parseImportRow({ ...valid, registeredOn: '2027-01-01' }, TODAY);
    expect(!r.ok && r.reasons).toEqual(['登记日期2027-01-01晚于今天']);
  });
});
