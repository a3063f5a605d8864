import { defaultFontPaths } from '../../activities/documents/fonts';
import { chineseDate, formatYuan } from '../../activities/documents/pdf-layout';
import {
  type CertificateData,
  renderCertificate,
} from '../../activities/documents/render-certificate';
import {
  type OfficialDocument,
  renderOfficialDocument,
} from '../../activities/documents/render-official-document';
import { pdfInfo, pdfPageTexts, pdfText, pdfTextRuns, type TextRun } from '../support/pdf-text';

// test/support/pdf-text.ts reads the PDFs back as `pdftotext -raw` would, without poppler.
const squeeze = (text: string) => text.replace(/\s+/g, '');
// Whitespace and page numbers are layout, not content.
const textOf = (pdf: Buffer) => squeeze(pdfText(pdf)).replace(/—\d+—/g, '');

const overlaps = (a: TextRun, b: TextRun) =>
  a.page === b.page &&
  a.xMin < b.xMax - 0.5 &&
  b.xMin < a.xMax - 0.5 &&
  a.yMin < b.yMax - 0.5 &&
  b.yMin < a.yMax - 0.5;

describe('chineseDate', () => {
  it('given an ISO date, when formatting, should write it in Chinese numerals', () => {
    expect(chineseDate('2026-11-29')).toBe('二〇二六年十一月二十九日');
    expect(chineseDate('2014-01-01')).toBe('二〇一四年一月一日');
    expect(chineseDate('2020-10-10')).toBe('二〇二〇年十月十日');
    expect(chineseDate('2024-02-20')).toBe('二〇二四年二月二十日');
    expect(chineseDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
  });

  it('given something that is not a calendar date, when formatting, should throw', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-11-29T00:00', '26-1-1', '']) {
      expect(() => chineseDate(bad)).toThrow(RangeError);
    }
  });
});

describe('formatYuan', () => {
  it('given whole ten-thousands, when formatting, should print 万元', () => {
    expect(formatYuan(30_000)).toBe('人民币3万元');
    expect(formatYuan(2_000_000)).toBe('人民币200万元');
    expect(formatYuan(8_000_000)).toBe('人民币800万元');
  });

  it('given any other amount, when formatting, should print yuan with two decimals', () => {
    expect(formatYuan(15_000)).toBe('人民币15,000.00元');
    expect(formatYuan(12_345.6)).toBe('人民币12,345.60元');
    expect(formatYuan(1_234_567.891)).toBe('人民币1,234,567.89元');
    expect(formatYuan(500)).toBe('人民币500.00元');
    expect(formatYuan(0)).toBe('人民币0.00元');
  });

  it('given a negative or non-finite amount, when formatting, should throw', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => formatYuan(bad)).toThrow(RangeError);
    }
  });
});

const certificate: CertificateData = {
  legalForm: 'social_group',
  name: '常州市钟楼区慈善协会',
  creditCode: '51320404MJ0000013X',
  domicile: '常州市钟楼区永红街道广化街88号',
  legalRepresentative: '王建国',
  businessScope: '开展慈善募捐、救助帮困、助学助医、志愿服务；承接政府购买服务项目。',
  activityArea: '常州市钟楼区',
  funds: 30_000,
  authority: '常州市钟楼区民政局',
  issuedOn: '2026-11-29',
  registrationNo: '钟民社证字第0013号',
};

describe('renderCertificate', () => {
  it.each([
    ['social_group', '社会团体法人登记证书', '活动资金'],
    ['private_non_enterprise', '民办非企业单位（法人）登记证书', '开办资金'],
    ['foundation', '基金会法人登记证书', '原始基金'],
  ] as const)(
    'given a %s, when rendering, should print %s with its fields on one landscape page',
    async (legalForm, title, fundsLabel) => {
      const pdf = await renderCertificate({ ...certificate, legalForm });
      const text = textOf(pdf);
      for (const expected of [
        title,
        '常州市钟楼区慈善协会',
        '51320404MJ0000013X',
        '常州市钟楼区永红街道广化街88号',
        '王建国',
        `${fundsLabel}人民币3万元`,
        '业务主管单位无（直接登记）',
        '二〇二六年十一月二十九日',
        '证号：钟民社证字第0013号',
        // The authority's name, never the software's.
        `本证书信息以${certificate.authority}公示为准`,
      ]) {
        expect(text).not.toContain('minzheng');
        expect(text).toContain(expected);
      }
      expect(pdfInfo(pdf)).toMatchObject({ pages: 1, pageSize: { width: 841.89, height: 595.28 } });
    },
  );

  it('given a supervisory unit and a validity period, when rendering, should print both', async () => {
    const text = textOf(
      await renderCertificate({
        ...certificate,
        supervisoryUnit: '常州市钟楼区科学技术协会',
        validFrom: '2026-11-29',
        validTo: '2031-11-28',
      }),
    );
    expect(text).toContain('业务主管单位常州市钟楼区科学技术协会');
    expect(text).toContain('有效期限自二〇二六年十一月二十九日至二〇三一年十一月二十八日');
    expect(text).toContain('活动地域常州市钟楼区');
  });

  it('given a long business scope, when rendering, should wrap it inside its cell above the next row', async () => {
    const scope = '为社区老年人提供日间照料、助餐、助浴、康复护理、精神慰藉与文体娱乐服务；'.repeat(
      14,
    );
    const pdf = await renderCertificate({ ...certificate, businessScope: scope });
    expect(pdfInfo(pdf).pages).toBe(1);
    expect(textOf(pdf)).toContain(scope);
    const runs = pdfTextRuns(pdf);
    const scopeLines = runs.filter((r) => scope.includes(r.text) && r.text.length > 4);
    const nextRow = runs.find((r) => r.text === '常州市钟楼区')!;
    expect(scopeLines.length).toBeGreaterThan(3);
    for (const line of scopeLines) {
      expect(line.yMax).toBeLessThanOrEqual(nextRow.yMin);
      expect(line.xMax).toBeLessThanOrEqual(772);
    }
  });

  it('given a business scope too long for one page, when rendering, should refuse', async () => {
    await expect(
      renderCertificate({ ...certificate, businessScope: '开展慈善募捐。'.repeat(600) }),
    ).rejects.toThrow(RangeError);
  });

  it('given the same input twice, when rendering, should produce identical bytes dated by the input', async () => {
    const [a, b] = [await renderCertificate(certificate), await renderCertificate(certificate)];
    expect(a.equals(b)).toBe(true);
    expect(pdfInfo(a).creationDate).toBe('2026-11-28T16:00:00Z'); // 00:00 in Beijing
  });

  it('given a font override, when rendering, should embed the overriding font subset', async () => {
    const pdf = await renderCertificate(certificate, {
      fonts: { regular: defaultFontPaths().bold },
    });
    const { fonts } = pdfInfo(pdf);
    // What pdffonts shows as "+NotoSerifSC-Bold  CID TrueType  Identity-H  yes yes yes".
    expect(fonts).toContainEqual({
      name: expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC-Bold$/),
      type: 'CIDFontType2',
      encoding: 'Identity-H',
      embedded: true,
      toUnicode: true,
    });
    expect(fonts.map((f) => f.name).join()).not.toContain('NotoSerifSC-Regular');
    await expect(
      renderCertificate(certificate, { fonts: { regular: '/nonexistent/missing.ttf' } }),
    ).rejects.toThrow(/ENOENT/);
  });
});

const notice: OfficialDocument = {
  title: '补正材料通知书',
  docNo: '钟民登补字〔2026〕第0001号',
  addressee: '常州市钟楼区慈善协会（筹）：',
  paragraphs: [
    '你单位于2026年11月20日提交的社会团体成立登记申请材料收悉。经审查，申请材料不齐全，现一次性告知需要补正的全部内容如下：',
  ],
  items: [
    {
      title: '章程草案缺少会员资格条款',
      description: '请补充会员资格及其权利、义务条款。',
      legalBasis: '《社会团体登记管理条例》第十五条',
    },
    { title: '验资报告缺失', description: '请提交具有资质的机构出具的验资报告。' },
  ],
  closing: ['如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议。'],
  authority: '常州市钟楼区民政局',
  date: '2026-11-29',
  footnote: '本文书由 minzheng-flow 系统生成',
};

const manyItems = Array.from({ length: 30 }, (_, i) => ({
  title: `第${i + 1}份材料不符合法定形式`,
  description:
    '申请人提交的材料中，该项内容不完整或者不符合法定形式，请按照本机关公布的申请材料目录补充或者更正后重新提交。',
  legalBasis: `《中华人民共和国行政许可法》第三十二条；《社会团体登记管理条例》第${i + 1}条`,
}));

describe('renderOfficialDocument', () => {
  it('given a notice with items, when rendering, should print every part on one page without page numbers', async () => {
    const pdf = await renderOfficialDocument(notice);
    const text = textOf(pdf);
    for (const expected of [
      '补正材料通知书钟民登补字〔2026〕第0001号常州市钟楼区慈善协会（筹）：',
      notice.paragraphs[0]!,
      '一、章程草案缺少会员资格条款',
      '法律依据：《社会团体登记管理条例》第十五条',
      '二、验资报告缺失',
      notice.closing![0]!,
      '常州市钟楼区民政局二〇二六年十一月二十九日',
      '本文书由minzheng-flow系统生成',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdfInfo(pdf).pages).toBe(1);
    expect(squeeze(pdfText(pdf))).not.toContain('—1—');
  });

  it('given body paragraphs, when rendering, should indent their first line by two characters', async () => {
    const runs = pdfTextRuns(await renderOfficialDocument(notice));
    const addressee = runs.find((r) => r.text.startsWith('常州市钟楼区慈善协会'))!;
    const paragraph = runs.find((r) => r.text.startsWith('你单位于'))!;
    expect(paragraph.xMin - addressee.xMin).toBeCloseTo((2 * 442.18) / 28, 0);
  });

  it('given a long list of items, when rendering, should flow onto numbered pages without overlap', async () => {
    const pdf = await renderOfficialDocument({ ...notice, items: manyItems });
    const pages = pdfInfo(pdf).pages;
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = textOf(pdf);
    for (const item of manyItems) {
      expect(text).toContain(`、${item.title}`);
      expect(text).toContain(`法律依据：${item.legalBasis}`);
    }
    for (const [n, i] of [
      ['一', 1],
      ['十', 10],
      ['十一', 11],
      ['二十', 20],
      ['三十', 30],
    ]) {
      expect(text).toContain(`${n}、第${i}份材料不符合法定形式`);
    }
    const pageTexts = pdfPageTexts(pdf).map(squeeze);
    expect(pageTexts).toHaveLength(pages);
    for (const [i, page] of pageTexts.entries()) expect(page).toContain(`—${i + 1}—`);
    // The seal (read through ActualText) presses on the signature by design; nothing else may.
    const runs = pdfTextRuns(pdf).filter((r) => !r.actualText);
    const clashes = runs.flatMap((a, i) =>
      runs.slice(i + 1).flatMap((b) => (overlaps(a, b) ? [[a.text, b.text]] : [])),
    );
    expect(clashes).toEqual([]);
    expect(Math.max(...runs.map((r) => r.xMax))).toBeLessThanOrEqual(595.28 - 73.7 + 1);
  });

  it('given the same input twice, when rendering, should produce identical bytes', async () => {
    const input = { ...notice, items: manyItems };
    const [a, b] = [await renderOfficialDocument(input), await renderOfficialDocument(input)];
    expect(a.equals(b)).toBe(true);
  });
});

// Every test above reads text through test/support/pdf-text.ts. These compare it with documents
// whose whole text is known, so a decoder that dropped, doubled or reordered a character fails.
describe('reading rendered PDFs back', () => {
  it('given a notice, when reading it back, should return exactly its text in drawing order', async () => {
    const [first, second] = notice.items!;
    const expected = [
      notice.title,
      notice.docNo,
      notice.addressee,
      ...notice.paragraphs,
      `一、${first!.title}`,
      first!.description,
      `法律依据：${first!.legalBasis}`,
      `二、${second!.title}`,
      second!.description,
      ...notice.closing!,
      notice.authority,
      chineseDate(notice.date),
      notice.authority, // the seal, through ActualText
      notice.footnote!,
    ];
    expect(squeeze(pdfText(await renderOfficialDocument(notice)))).toBe(squeeze(expected.join('')));
  });

  it('given a certificate, when reading it back, should return exactly its text with ActualText in place of spaced glyphs', async () => {
    const data: CertificateData = {
      ...certificate,
      legalForm: 'private_non_enterprise',
      supervisoryUnit: '常州市钟楼区科学技术协会',
      validFrom: '2026-11-29',
      validTo: '2031-11-28',
    };
    // ActualText is a literal UTF-16 string: （ and ） hold the bytes of \b and \t, 名 of \r,
    // 用 of ( and 局 of a backslash, so pdfkit escapes them and the decoder must undo it.
    const expected = [
      '民办非企业单位（法人）登记证书',
      `证号：${data.registrationNo}`,
      ...['名称', data.name, '统一社会信用代码', data.creditCode, '住所', data.domicile],
      ...['法定代表人', data.legalRepresentative, '业务范围', data.businessScope],
      ...['活动地域', data.activityArea!, '开办资金', '人民币3万元'],
      ...['业务主管单位', data.supervisoryUnit!],
      ...['有效期限', '自二〇二六年十一月二十九日至二〇三一年十一月二十八日'],
      `登记管理机关：${data.authority}`,
      '二〇二六年十一月二十九日',
      data.authority, // the seal: its name stands for the arc of glyphs and the caption
      `本证书信息以${data.authority}公示为准`,
    ];
    expect(squeeze(pdfText(await renderCertificate(data)))).toBe(squeeze(expected.join('')));
  });
});
