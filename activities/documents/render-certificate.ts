import type { LegalForm } from '../../domain/organization-types';
import { drawVerification } from './draw-verification';
import { FONT } from './fonts';
import {
  chineseDate,
  createDocument,
  type Doc,
  drawDistributed,
  drawLine,
  drawSeal,
  drawSpaced,
  formatYuan,
  GREY,
  INK,
  type Line,
  type RenderOptions,
  textTop,
  toBuffer,
  wrapText,
} from './pdf-layout';

export interface CertificateData {
  legalForm: LegalForm;
  name: string;
  creditCode: string;
  domicile: string;
  legalRepresentative: string;
  businessScope: string;
  activityArea?: string;
  /** Yuan: 活动资金 / 开办资金 / 原始基金 depending on the legal form. */
  funds: number;
  /** Absent on the direct-registration path. */
  supervisoryUnit?: string;
  authority: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  validFrom?: string;
  validTo?: string;
  registrationNo: string;
}

// Certificate names per legal form (DOMAIN.md §1.1).
const FORM: Record<LegalForm, { title: string; funds: string }> = {
  social_group: { title: '社会团体法人登记证书', funds: '活动资金' },
  private_non_enterprise: { title: '民办非企业单位（法人）登记证书', funds: '开办资金' },
  foundation: { title: '基金会法人登记证书', funds: '原始基金' },
};

const BORDER = '#8b2e1f';
const PAGE = { width: 841.89, height: 595.28 };
const TABLE = { left: 70, right: 772, top: 118, maxBottom: 440, label: 132, padX: 12 };
const SIGN = { x: 636, authorityY: 482, dateY: 508 };
interface Density {
  size: number;
  scope: number;
  pitch: number;
  padY: number;
}
// Tried in order until the table fits: a long business scope first shrinks itself, then all.
const DENSITIES: Density[] = [
  [13, 13, 1.5, 6],
  [13, 12, 1.5, 6],
  [13, 11, 1.5, 6],
  [12, 10, 1.5, 5],
  [12, 9, 1.45, 5],
  [11, 8, 1.45, 4],
  [10, 7, 1.4, 3],
].map(([size, scope, pitch, padY]) => ({ size, scope, pitch, padY }) as Density);

function validity({ validFrom, validTo }: CertificateData): string | undefined {
  if (validFrom && validTo) return `自${chineseDate(validFrom)}至${chineseDate(validTo)}`;
  if (validFrom) return `自${chineseDate(validFrom)}起`;
  if (validTo) return `至${chineseDate(validTo)}`;
  return undefined;
}

function fields(data: CertificateData): { label: string; value: string; scope?: true }[] {
  const rows = [
    { label: '名称', value: data.name },
    { label: '统一社会信用代码', value: data.creditCode },
    { label: '住所', value: data.domicile },
    { label: '法定代表人', value: data.legalRepresentative },
    { label: '业务范围', value: data.businessScope, scope: true as const },
    { label: '活动地域', value: data.activityArea },
    { label: FORM[data.legalForm].funds, value: formatYuan(data.funds) },
    { label: '业务主管单位', value: data.supervisoryUnit || '无（直接登记）' },
    { label: '有效期限', value: validity(data) },
  ];
  return rows.filter((r): r is typeof r & { value: string } => Boolean(r.value));
}

interface Row {
  label: string;
  lines: Line[];
  size: number;
  /** Line pitch in points. */
  pitch: number;
  padY: number;
  height: number;
}

function layoutRows(doc: Doc, data: CertificateData, density: Density): Row[] {
  const width = TABLE.right - TABLE.left - TABLE.label - 2 * TABLE.padX;
  const { padY } = density;
  return fields(data).map(({ label, value, scope }) => {
    const size = scope ? density.scope : density.size;
    const pitch = Math.max(size, 10) * density.pitch;
    doc.font(FONT.regular).fontSize(size);
    const lines = wrapText(doc, value, width);
    return { label, lines, size, pitch, padY, height: lines.length * pitch + 2 * padY };
  });
}

function fitRows(doc: Doc, data: CertificateData): Row[] {
  for (const density of DENSITIES) {
    const rows = layoutRows(doc, data, density);
    const height = rows.reduce((sum, r) => sum + r.height, 0);
    if (TABLE.top + height <= TABLE.maxBottom) return rows;
  }
  throw new RangeError('certificate fields do not fit on one page: shorten the business scope');
}

function drawTable(doc: Doc, rows: Row[]): void {
  const { left, right, top, label, padX } = TABLE;
  const bottom = rows.reduce((y, r) => y + r.height, top);
  doc.rect(left, top, label, bottom - top).fill('#f7f2ea');
  let y = top;
  for (const row of rows) {
    doc.font(FONT.bold).fontSize(12).fillColor(INK);
    const firstCentre = y + row.padY + row.pitch / 2;
    drawDistributed(doc, row.label, left + padX, textTop(firstCentre, 12), label - 2 * padX);
    doc.font(FONT.regular).fontSize(row.size);
    row.lines.forEach((line, i) => {
      const centre = y + row.padY + row.pitch * (i + 0.5);
      drawLine(
        doc,
        line,
        left + label + padX,
        textTop(centre, row.size),
        right - left - label - 2 * padX,
      );
    });
    y += row.height;
    if (y < bottom) doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).stroke('#b9b0a4');
  }
  doc
    .moveTo(left + label, top)
    .lineTo(left + label, bottom)
    .lineWidth(0.5)
    .stroke('#b9b0a4');
  doc
    .rect(left, top, right - left, bottom - top)
    .lineWidth(1)
    .stroke('#5a4a3a');
}

function drawFrame(doc: Doc, data: CertificateData): void {
  doc
    .rect(20, 20, PAGE.width - 40, PAGE.height - 40)
    .lineWidth(2.4)
    .stroke(BORDER);
  doc
    .rect(27, 27, PAGE.width - 54, PAGE.height - 54)
    .lineWidth(0.8)
    .stroke(BORDER);
  const title = FORM[data.legalForm].title;
  doc.font(FONT.bold).fontSize(28).fillColor(INK);
  const spacing = 5;
  const width = doc.widthOfString(title) + spacing * ([...title].length - 1);
  drawSpaced(doc, title, (PAGE.width - width) / 2, textTop(70, 28), spacing);
  doc.font(FONT.regular).fontSize(11);
  const no = `证号：${data.registrationNo}`;
  doc.text(no, TABLE.right - doc.widthOfString(no), textTop(102, 11), { lineBreak: false });
}

function drawSignature(doc: Doc, data: CertificateData): void {
  doc.font(FONT.regular).fontSize(14).fillColor(INK);
  for (const [text, y] of [
    [`登记管理机关：${data.authority}`, SIGN.authorityY],
    [chineseDate(data.issuedOn), SIGN.dateY],
  ] as const) {
    doc.text(text, SIGN.x - doc.widthOfString(text) / 2, textTop(y, 14), { lineBreak: false });
  }
  drawSeal(doc, SIGN.x + 40, (SIGN.authorityY + SIGN.dateY) / 2, 50, data.authority, '电子证照');
  // The authority issues the certificate: the software that printed it is nobody's business.
  const note = `本证书信息以${data.authority}公示为准`;
  doc.font(FONT.regular).fontSize(8.5).fillColor(GREY);
  doc.text(note, (PAGE.width - doc.widthOfString(note)) / 2, textTop(552, 8.5), {
    lineBreak: false,
  });
}

/** The registration certificate (正本) as a one-page landscape A4 PDF. */
export async function renderCertificate(
  data: CertificateData,
  options: RenderOptions = {},
): Promise<Buffer> {
  const title = FORM[data.legalForm].title;
  const doc = createDocument({
    layout: 'landscape',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    title: `${title}：${data.name}`,
    author: data.authority,
    date: data.issuedOn,
    fonts: options.fonts,
    seal: options.verification?.metadata,
  });
  drawFrame(doc, data);
  drawTable(doc, fitRows(doc, data));
  drawSignature(doc, data);
  if (options.verification)
    drawVerification(doc, options.verification, { x: TABLE.left, y: 456, size: 72 });
  return toBuffer(doc);
}
