import PDFDocument from 'pdfkit';
import type { Verification } from './draw-verification';
import { FONT, type FontPaths, registerFonts } from './fonts';

export type Doc = PDFKit.PDFDocument;

export const INK = '#1a1a1a';
export const GREY = '#8c8c8c';
export const SEAL_RED = '#d0191f';

/** Options every renderer accepts besides its data. */
export interface RenderOptions {
  fonts?: Partial<FontPaths>;
  /** A sealed document's QR code and code (issue 15 point 11); none on drafts and in tests. */
  verification?: Verification | undefined;
}

const DIGITS = '〇一二三四五六七八九';

/** 0–99 in Chinese numerals, as in months, days and list numbers (十一, 二十九). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`not in 0..99: ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones === 0 ? '' : DIGITS[ones]!);
}

function parseIsoDate(isoDate: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (!m || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${isoDate}`);
  }
  return [y, mo, d];
}

/** '2026-11-29' → '二〇二六年十一月二十九日', the date style of seals and certificates. */
export function chineseDate(isoDate: string): string {
  const [y, mo, d] = parseIsoDate(isoDate);
  const year = [...String(y)].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseNumber(mo)}月${chineseNumber(d)}日`;
}

/** Registered capital: whole 万元 as '人民币30万元', anything else as '人民币12,345.60元'. */
export function formatYuan(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`not an amount: ${amount}`);
  const cents = Math.round(amount * 100);
  if (cents > 0 && cents % 1_000_000 === 0) return `人民币${cents / 1_000_000}万元`;
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `人民币${whole}.${String(cents % 100).padStart(2, '0')}元`;
}

export interface DocumentSetup {
  layout: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  author: string;
  /** The document's own date; it also fixes the PDF dates, so retries give the same bytes. */
  date: string;
  fonts?: Partial<FontPaths> | undefined;
  /** The document's seal, kept in the PDF's metadata for offline checks. */
  seal?: string | undefined;
}

/**
 * An A4 document whose metadata depends only on the input. pdfkit derives the trailer /ID from
 * an MD5 of the info dictionary (not from randomness) unless encryption is on, so fixed dates
 * make the whole file reproducible.
 */
export function createDocument(setup: DocumentSetup): Doc {
  const [y, mo, d] = parseIsoDate(setup.date);
  const at = new Date(Date.UTC(y, mo - 1, d) - 8 * 3600_000); // 00:00 in Beijing
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.layout,
    margins: setup.margins,
    bufferPages: true,
    // No default font: pdfkit's is Helvetica, whose metrics it would load for every document;
    // ours are registered just below.
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: setup.title,
      Author: setup.author,
      Creator: setup.author,
      Producer: setup.author,
      CreationDate: at,
      ModDate: at,
      ...(setup.seal ? { MzfSeal: setup.seal } : {}),
    },
  });
  registerFonts(doc, setup.fonts);
  doc.font(FONT.regular).fillColor(INK);
  return doc;
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

// Noto Serif SC: pdfkit puts the baseline 1.151 em below y; ideographs centre 0.371 em above it.
const GLYPH_CENTRE = 1.151 - 0.371;

/** The y to pass to doc.text so a line of Noto Serif SC sits centred on `centreY`. */
export function textTop(centreY: number, fontSize: number): number {
  return centreY - GLYPH_CENTRE * fontSize;
}

export interface Line {
  text: string;
  width: number;
  indent: number;
  /** Last line of a paragraph: left-aligned, never stretched. */
  last: boolean;
}

// Kinsoku: punctuation that may not open a line, and openers that may not end one.
const NO_START = new Set([...'，。、；：？！）》」』〕】〉’”…—·%,.;:?!)]']);
const NO_END = new Set([...'（《「『〔【〈‘“([']);
const TOKEN =
  /\s+|[\u2e80-\uffff]|[\u{10000}-\u{10ffff}]|[^\s\u2e80-\uffff\u{10000}-\u{10ffff}]+/gu;

/**
 * Breaks text into lines of at most `width` in the current font: CJK may break between any two
 * characters, Latin words and numbers stay whole, and punctuation follows the kinsoku rules.
 */
export function wrapText(doc: Doc, text: string, width: number, indent = 0): Line[] {
  const widths = new Map<string, number>();
  const measure = (t: string) => widths.get(t) ?? widths.set(t, doc.widthOfString(t)).get(t)!;
  const lines: Line[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = (paragraph.match(TOKEN) ?? []).flatMap((t) =>
      measure(t) > width - indent ? [...t] : [t],
    );
    let cur: string[] = [];
    let used = 0;
    let lineIndent = indent;
    const flush = (last: boolean) => {
      const t = cur.join('').trimEnd();
      lines.push({ text: t, width: doc.widthOfString(t), indent: lineIndent, last });
      lineIndent = 0;
    };
    for (const tok of tokens) {
      if (cur.length === 0 && /^\s/.test(tok) && lines.length > 0) continue;
      if (used + measure(tok) <= width - lineIndent + 0.01) {
        cur.push(tok);
        used += measure(tok);
        continue;
      }
      const carry: string[] = [];
      if (NO_START.has(tok[0]!) && cur.length > 1) carry.unshift(cur.pop()!);
      while (cur.length > 1 && NO_END.has(cur.at(-1)!.at(-1)!)) carry.unshift(cur.pop()!);
      flush(false);
      cur = /^\s/.test(tok) ? carry : [...carry, tok];
      used = cur.reduce((sum, t) => sum + measure(t), 0);
    }
    flush(true);
  }
  return lines;
}

/** Draws one wrapped line at (x, y), stretching inner lines to `width` like justified CJK. */
export function drawLine(doc: Doc, line: Line, x: number, y: number, width: number): void {
  const glyphs = [...line.text].length;
  const slack = width - line.indent - line.width;
  const spacing = !line.last && glyphs > 1 ? slack / (glyphs - 1) : 0;
  // Stretch only to close small gaps; a wide one (a long Latin word moved down) stays ragged.
  const characterSpacing = spacing > 0 && spacing < doc.widthOfString('国') * 0.3 ? spacing : 0;
  doc.text(line.text, x + line.indent, y, { lineBreak: false, characterSpacing });
}

/**
 * Letter-spaced text. ActualText keeps copy/paste and search reading 名称, not 名 and 称 as two
 * words far apart.
 */
export function drawSpaced(doc: Doc, text: string, x: number, y: number, spacing: number): void {
  doc.markContent('Span', { actual: text });
  doc.text(text, x, y, { lineBreak: false, characterSpacing: Math.max(0, spacing) });
  doc.endMarkedContent();
}

/** Spreads a short label over `width` (名　　称 style), as on printed certificates. */
export function drawDistributed(doc: Doc, text: string, x: number, y: number, width: number) {
  const glyphs = [...text].length;
  if (glyphs < 2) return drawSpaced(doc, text, x + (width - doc.widthOfString(text)) / 2, y, 0);
  drawSpaced(doc, text, x, y, (width - doc.widthOfString(text)) / (glyphs - 1));
}

function drawStar(doc: Doc, cx: number, cy: number, outer: number): void {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : outer * 0.382;
    const a = (Math.PI / 5) * i;
    points.push([cx + r * Math.sin(a), cy - r * Math.cos(a)]);
  }
  doc.polygon(...points).fill(SEAL_RED);
}

/**
 * A round red mark: name along the upper arc, a star, and `caption` across the lower half.
 * Semi-transparent so the text it covers stays legible, as with a real stamp.
 */
export function drawSeal(doc: Doc, cx: number, cy: number, r: number, name: string, caption = '') {
  // Extraction reads the stamp once as its name instead of scattered rotated characters.
  doc.markContent('Span', { actual: name });
  doc.save().fillOpacity(0.82).strokeOpacity(0.82);
  doc
    .lineWidth(r * 0.045)
    .circle(cx, cy, r * 0.95)
    .stroke(SEAL_RED);
  drawStar(doc, cx, cy, r * 0.3);
  const chars = [...name];
  const size = Math.min(r * 0.23, (r * 3.6) / Math.max(chars.length, 1));
  const arcRadius = r * 0.95 - r * 0.1 - size / 2;
  const step = Math.min(((size * 1.12) / arcRadius) * (180 / Math.PI), 250 / chars.length);
  doc.font(FONT.bold).fontSize(size).fillColor(SEAL_RED);
  chars.forEach((ch, i) => {
    const deg = (i - (chars.length - 1) / 2) * step;
    const rad = (deg * Math.PI) / 180;
    const x = cx + arcRadius * Math.sin(rad);
    const y = cy - arcRadius * Math.cos(rad);
    doc.save().rotate(deg, { origin: [x, y] });
    doc.text(ch, x - size / 2, textTop(y, size), { lineBreak: false });
    doc.restore();
  });
  if (caption) {
    const capSize = r * 0.14;
    doc.font(FONT.regular).fontSize(capSize);
    const w = doc.widthOfString(caption);
    doc.text(caption, cx - w / 2, textTop(cy + r * 0.52, capSize), { lineBreak: false });
  }
  doc.restore();
  doc.endMarkedContent();
  doc.fillColor(INK);
}
