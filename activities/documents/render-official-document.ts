import { drawVerification } from './draw-verification';
import { FONT } from './fonts';
import {
  chineseDate,
  chineseNumber,
  createDocument,
  type Doc,
  drawLine,
  drawSeal,
  GREY,
  INK,
  type RenderOptions,
  textTop,
  toBuffer,
  wrapText,
} from './pdf-layout';

export interface OfficialDocumentItem {
  title: string;
  description: string;
  legalBasis?: string;
}

export interface OfficialDocument {
  title: string;
  docNo: string;
  addressee: string;
  paragraphs: string[];
  /** Numbered 一、二、…, e.g. every deficiency with its legal basis. */
  items?: OfficialDocumentItem[];
  /** Paragraphs after the list, e.g. the remedies. */
  closing?: string[];
  authority: string;
  /** YYYY-MM-DD */
  date: string;
  footnote?: string;
}

// GB/T 9704-2012 type area on A4: margins 37/35/28/26 mm, 28 characters × 22 lines of 3号 type.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 104.9, bottom: 99.2, left: 79.4, right: 73.7 };
const LEFT = MARGIN.left;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const BODY = WIDTH / 28;
const PITCH = (PAGE.height - MARGIN.top - MARGIN.bottom) / 22;
const SEAL_RADIUS = 59.5; // 42 mm seal

interface Style {
  font?: string;
  size?: number;
  pitch?: number;
  indent?: number;
  align?: 'left' | 'center';
  /** Lines after this block that must share its page (keeps an item title with its text). */
  keepWith?: number;
}

/** Writes lines top-down over as many pages as they need. */
class Flow {
  y = MARGIN.top;
  constructor(readonly doc: Doc) {}

  need(height: number): void {
    if (this.y + height <= BOTTOM + 0.01) return;
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  write(text: string, style: Style = {}): void {
    const { font = FONT.regular, size = BODY, pitch = PITCH, align = 'left' } = style;
    this.doc.font(font).fontSize(size).fillColor(INK);
    const lines = wrapText(this.doc, text, WIDTH, style.indent ?? 2 * BODY);
    this.need(Math.min(lines.length + (style.keepWith ?? 0), 3) * pitch);
    for (const line of lines) {
      this.need(pitch);
      const x = align === 'center' ? LEFT + (WIDTH - line.width) / 2 : LEFT;
      drawLine(this.doc, line, x, textTop(this.y + pitch / 2, size), WIDTH);
      this.y += pitch;
    }
  }

  skip(lines = 1): void {
    this.y += lines * PITCH;
  }
}

function itemNumber(i: number): string {
  return i < 99 ? `${chineseNumber(i + 1)}、` : `${i + 1}.`;
}

function writeItems(flow: Flow, items: OfficialDocumentItem[]): void {
  items.forEach((item, i) => {
    flow.write(itemNumber(i) + item.title, { font: FONT.bold, keepWith: 1 });
    flow.write(item.description);
    if (item.legalBasis) flow.write(`法律依据：${item.legalBasis}`);
  });
}

/** Signature, date (four characters from the right) and the seal pressing on both. */
function writeSignature(flow: Flow, authority: string, date: string): void {
  const doc = flow.doc;
  flow.need(3.5 * PITCH);
  const authorityY = flow.y + 2.5 * PITCH;
  const dateY = authorityY + PITCH;
  doc.font(FONT.regular).fontSize(BODY).fillColor(INK);
  const dateText = chineseDate(date);
  const right = LEFT + WIDTH - 4 * BODY;
  const centre = right - doc.widthOfString(dateText) / 2;
  const authorityWidth = doc.widthOfString(authority);
  const authorityX = Math.min(centre - authorityWidth / 2, LEFT + WIDTH - authorityWidth);
  doc.text(authority, authorityX, textTop(authorityY, BODY), { lineBreak: false });
  doc.text(dateText, right - doc.widthOfString(dateText), textTop(dateY, BODY), {
    lineBreak: false,
  });
  // Signature and date sit in the lower half of the seal, as GB/T 9704 asks.
  drawSeal(doc, centre, authorityY - 0.4 * PITCH, SEAL_RADIUS, authority);
  flow.y = dateY + PITCH / 2;
}

function writeFootnote(doc: Doc, footnote: string): void {
  doc.font(FONT.regular).fontSize(9).fillColor(GREY);
  const lines = wrapText(doc, footnote, WIDTH);
  lines.forEach((line, i) => {
    const centre = PAGE.height - 40 - (lines.length - 1 - i) * 13;
    drawLine(doc, line, LEFT + (WIDTH - line.width) / 2, textTop(centre, 9), WIDTH);
  });
  doc.fillColor(INK);
}

/** Page numbers as — 1 —, only when the document runs over more than one page. */
function writePageNumbers(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2) return;
  doc.font(FONT.regular).fontSize(14).fillColor(INK);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const label = `— ${i - start + 1} —`;
    doc.text(label, (PAGE.width - doc.widthOfString(label)) / 2, textTop(BOTTOM + 24, 14), {
      lineBreak: false,
    });
  }
}

/** A notice or decision in the layout of a Chinese official document (公文), portrait A4. */
export async function renderOfficialDocument(
  input: OfficialDocument,
  options: RenderOptions = {},
): Promise<Buffer> {
  const doc = createDocument({
    layout: 'portrait',
    margins: MARGIN,
    title: `${input.title}（${input.docNo}）`,
    author: input.authority,
    date: input.date,
    fonts: options.fonts,
    seal: options.verification?.metadata,
  });
  // In the first page's top margin, clear of the type area.
  if (options.verification)
    drawVerification(doc, options.verification, {
      x: LEFT + WIDTH - 58,
      y: 22,
      size: 58,
      captionBelow: true,
    });
  const flow = new Flow(doc);
  flow.write(input.title, { font: FONT.bold, size: 22, pitch: 36, indent: 0, align: 'center' });
  flow.write(input.docNo, { indent: 0, align: 'center' });
  flow.skip();
  flow.write(input.addressee, { indent: 0 });
  for (const paragraph of input.paragraphs) flow.write(paragraph);
  writeItems(flow, input.items ?? []);
  for (const paragraph of input.closing ?? []) flow.write(paragraph);
  writeSignature(flow, input.authority, input.date);
  if (input.footnote) writeFootnote(doc, input.footnote);
  writePageNumbers(doc);
  return toBuffer(doc);
}
