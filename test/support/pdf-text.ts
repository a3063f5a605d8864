import { inflateSync } from 'node:zlib';

/**
 * Reads text back out of the PDFs pdfkit writes, so the document tests need no poppler.
 *
 * It covers what pdfkit produces and no more: a classic xref table, FlateDecode streams, Type0
 * (Identity-H) and simple fonts with ToUnicode CMaps, the text operators, and ActualText marked
 * content. Not supported: encryption, xref streams, object streams, form XObjects, inline images.
 */

// ---------------------------------------------------------------------------------------------
// Objects

class Name {
  constructor(readonly value: string) {}
}
class Ref {
  constructor(readonly num: number) {}
}
/** A bare keyword: an operator in a content stream or CMap, or obj/stream/xref in the file. */
class Op {
  constructor(readonly value: string) {}
}
type Dict = Map<string, PdfValue>;
/** Strings stay bytes (Buffer): their encoding depends on where they are used. */
type PdfValue = number | boolean | null | Name | Ref | Op | Buffer | PdfValue[] | Dict;

const isSpace = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const isDelimiter = (c: number) => '()<>[]{}/%'.includes(String.fromCharCode(c));
const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** Tokenises PDF syntax (files, content streams and CMaps share it) into values. */
class Lexer {
  constructor(
    private readonly buf: Buffer,
    public pos = 0,
  ) {}

  /** The next byte after whitespace and comments, not consumed. */
  peek(): number | undefined {
    while (this.pos < this.buf.length) {
      const c = this.buf[this.pos]!;
      if (c === 0x25) {
        while (this.pos < this.buf.length && this.buf[this.pos] !== 10 && this.buf[this.pos] !== 13)
          this.pos++;
      } else if (isSpace(c)) this.pos++;
      else return c;
    }
    return undefined;
  }

  read(): PdfValue | undefined {
    const c = this.peek();
    if (c === undefined) return undefined;
    if (this.skip('<<')) {
      return new Map(pairs(this.readUntil('>>')).map(([k, v]) => [(k as Name).value, v]));
    }
    if (this.skip('[')) return this.readUntil(']');
    if (this.skip('/')) return new Name(decodeName(this.readWord()));
    if (c === 0x3c) return this.readHexString();
    if (c === 0x28) return this.readLiteralString();
    const word = this.readWord();
    if (word === '') throw new Error(`unexpected ${String.fromCharCode(c)} at byte ${this.pos}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true' || word === 'false') return word === 'true';
    return word === 'null' ? null : new Op(word);
  }

  /** Reads `n` raw bytes, as a stream's data. */
  take(n: number): Buffer {
    this.pos += n;
    return this.buf.subarray(this.pos - n, this.pos);
  }

  /** Consumes `s` if the input continues with it. */
  private skip(s: string): boolean {
    const found = this.buf.toString('latin1', this.pos, this.pos + s.length) === s;
    if (found) this.pos += s.length;
    return found;
  }

  private readWord(): string {
    const start = this.pos;
    while (this.pos < this.buf.length) {
      const c = this.buf[this.pos]!;
      if (isSpace(c) || isDelimiter(c)) break;
      this.pos++;
    }
    return this.buf.toString('latin1', start, this.pos);
  }

  /** Items up to a closing `]` or `>>`, with `n g R` folded into references. */
  private readUntil(end: string): PdfValue[] {
    const items: PdfValue[] = [];
    for (;;) {
      if (this.peek() === undefined) throw new Error(`missing ${end}`);
      if (this.skip(end)) return items;
      const item = this.read()!;
      if (item instanceof Op && item.value === 'R') {
        items.pop();
        items.push(new Ref(items.pop() as number));
      } else items.push(item);
    }
  }

  private readHexString(): Buffer {
    const end = this.buf.indexOf('>', this.pos);
    const hex = this.buf.toString('latin1', this.pos + 1, end).replace(/\s+/g, '');
    this.pos = end + 1;
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  }

  private readLiteralString(): Buffer {
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    for (;;) {
      const c = this.buf[this.pos++];
      if (c === undefined) throw new Error('unterminated string');
      if (c === 0x29 && depth-- === 0) return Buffer.from(out);
      if (c === 0x28) depth++;
      if (c === 0x5c) this.readEscape(out);
      else out.push(c);
    }
  }

  /** After a backslash: \n \r \t \b \f, \ddd in octal, a line continuation, else the byte. */
  private readEscape(out: number[]): void {
    const octal = /^[0-7]{1,3}/.exec(this.buf.toString('latin1', this.pos, this.pos + 3));
    if (octal) {
      out.push(Number.parseInt(octal[0], 8) & 0xff);
      this.pos += octal[0].length;
      return;
    }
    const e = String.fromCharCode(this.buf[this.pos++]!);
    if (e in ESCAPES) out.push(ESCAPES[e]!);
    else if (e === '\r') this.skip('\n');
    else if (e !== '\n') out.push(e.charCodeAt(0)); // \( \) \\, and unknown escapes drop the \
  }
}

function pairs<T>(items: T[]): [T, T][] {
  return Array.from({ length: items.length / 2 }, (_, i) => [items[2 * i]!, items[2 * i + 1]!]);
}

const decodeName = (s: string) =>
  s.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );

/** Every token of a content stream or CMap, in order. */
function tokens(data: Buffer): PdfValue[] {
  const lexer = new Lexer(data);
  const out: PdfValue[] = [];
  for (let v = lexer.read(); v !== undefined; v = lexer.read()) out.push(v);
  return out;
}

/** A text string (Info values, ActualText): UTF-16BE after a BOM, else PDFDocEncoding. */
function textString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be(bytes.subarray(2));
  return bytes.toString('latin1'); // PDFDocEncoding, which agrees with Latin-1 on printable text
}

const utf16be = (bytes: Buffer) => Buffer.from(bytes).swap16().toString('utf16le');

interface PdfObject {
  value: PdfValue;
  stream?: Buffer;
}

/** The objects of a file, found through its cross-reference table. */
class PdfFile {
  readonly trailer: Dict;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();

  constructor(private readonly buf: Buffer) {
    const startxref = /startxref\s+(\d+)/.exec(
      buf.toString('latin1', buf.lastIndexOf('startxref')),
    );
    if (!startxref) throw new Error('not a PDF: no startxref');
    const lexer = new Lexer(buf, Number(startxref[1]));
    if ((lexer.read() as Op | undefined)?.value !== 'xref') throw new Error('no xref table');
    for (let v = lexer.read(); !(v instanceof Op && v.value === 'trailer'); v = lexer.read()) {
      const [first, count] = [v as number, lexer.read() as number];
      for (let i = 0; i < count; i++) {
        const [offset, , kind] = [lexer.read(), lexer.read(), lexer.read()];
        if ((kind as Op).value === 'n') this.offsets.set(first + i, offset as number);
      }
    }
    this.trailer = lexer.read() as Dict;
  }

  object(num: number): PdfObject {
    const cached = this.cache.get(num);
    if (cached) return cached;
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new Error(`object ${num} is not in the xref table`);
    const lexer = new Lexer(this.buf, offset);
    lexer.read(); // number
    lexer.read(); // generation
    lexer.read(); // obj
    const object: PdfObject = { value: lexer.read()! };
    if ((lexer.read() as Op).value === 'stream') {
      lexer.take(this.buf[lexer.pos] === 13 ? 2 : 1); // the end of line after `stream`
      object.stream = lexer.take(this.resolve((object.value as Dict).get('Length')) as number);
    }
    this.cache.set(num, object);
    return object;
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v instanceof Ref ? this.object(v.num).value : v;
  }

  dict(v: PdfValue | undefined): Dict {
    const d = this.resolve(v);
    return d instanceof Map ? d : new Map();
  }

  /** A stream's data with its filters undone. */
  streamData(ref: PdfValue | undefined): Buffer {
    if (!(ref instanceof Ref)) throw new Error('a stream must be an indirect object');
    const { value, stream } = this.object(ref.num);
    const filters = [this.resolve((value as Dict).get('Filter')) ?? []].flat() as Name[];
    return filters.reduce((data, f) => {
      if (f.value !== 'FlateDecode') throw new Error(`unsupported filter ${f.value}`);
      return inflateSync(data);
    }, stream!);
  }
}

const nameOf = (v: PdfValue | undefined) => (v instanceof Name ? v.value : undefined);

// ---------------------------------------------------------------------------------------------
// Fonts

interface Font {
  /** Bytes per character code, from the CMap's codespace (2 for pdfkit's Identity-H fonts). */
  codeLength: number;
  unicode(code: number): string | undefined;
  /** Advance of a code in thousandths of the font size. */
  width(code: number): number;
  /** Glyph extent above and below the baseline in thousandths, from the FontDescriptor. */
  ascent: number;
  descent: number;
}

interface ToUnicode {
  codeLength: number;
  map: Map<number, string>;
}

/** A ToUnicode CMap: codespace, bfchar (code → string) and bfrange (counting or array targets). */
function readToUnicode(data: Buffer): ToUnicode {
  const cmap: ToUnicode = { codeLength: 0, map: new Map() };
  const code = (b: PdfValue) => (b as Buffer).readUIntBE(0, (b as Buffer).length);
  let operands: PdfValue[] = [];
  for (const token of tokens(data)) {
    if (!(token instanceof Op)) {
      operands.push(token);
      continue;
    }
    if (token.value === 'endcodespacerange') cmap.codeLength = (operands[0] as Buffer).length;
    if (token.value === 'endbfchar') {
      for (const [src, dst] of pairs(operands)) cmap.map.set(code(src), utf16be(dst as Buffer));
    }
    if (token.value === 'endbfrange') {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const [lo, hi, dst] = [code(operands[i]!), code(operands[i + 1]!), operands[i + 2]!];
        for (let c = lo; c <= hi; c++) {
          cmap.map.set(
            c,
            Array.isArray(dst) ? utf16be(dst[c - lo] as Buffer) : counted(dst as Buffer, c - lo),
          );
        }
      }
    }
    operands = [];
  }
  return cmap;
}

/** The n-th target of a counting bfrange: the first one with n added to its last UTF-16 unit. */
function counted(first: Buffer, n: number): string {
  const units = utf16be(first);
  return units.slice(0, -1) + String.fromCharCode(units.charCodeAt(units.length - 1) + n);
}

/** Advances from a CID font's /W ([first [w…]] or [first last w]) or a simple font's /Widths. */
function readWidths(file: PdfFile, font: Dict, cidFont?: Dict): (code: number) => number {
  if (!cidFont) {
    const first = (file.resolve(font.get('FirstChar')) as number | undefined) ?? 0;
    const widths = (file.resolve(font.get('Widths')) ?? []) as number[];
    return (code) => widths[code - first] ?? 0;
  }
  const widths = new Map<number, number>();
  const w = (file.resolve(cidFont.get('W')) ?? []) as PdfValue[];
  for (let i = 0; i < w.length; ) {
    const [first, next] = [w[i] as number, file.resolve(w[i + 1])];
    if (Array.isArray(next)) {
      for (const [j, width] of next.entries()) widths.set(first + j, width as number);
      i += 2;
    } else {
      for (let c = first; c <= (next as number); c++) widths.set(c, w[i + 2] as number);
      i += 3;
    }
  }
  const fallback = (file.resolve(cidFont.get('DW')) as number | undefined) ?? 1000;
  return (code) => widths.get(code) ?? fallback;
}

const descendant = (file: PdfFile, font: Dict) =>
  nameOf(font.get('Subtype')) === 'Type0'
    ? file.dict((file.resolve(font.get('DescendantFonts')) as PdfValue[])[0])
    : undefined;

function readFont(file: PdfFile, font: Dict): Font {
  const cidFont = descendant(file, font);
  const descriptor = file.dict((cidFont ?? font).get('FontDescriptor'));
  const toUnicode = font.get('ToUnicode');
  const cmap = toUnicode ? readToUnicode(file.streamData(toUnicode)) : undefined;
  const metric = (key: string, fallback: number) =>
    (file.resolve(descriptor.get(key)) as number | undefined) ?? fallback;
  return {
    codeLength: cmap?.codeLength || (cidFont ? 2 : 1),
    // Without a ToUnicode map, read a simple font's codes as Latin-1 (WinAnsi agrees on ASCII).
    unicode: (code) =>
      cmap ? cmap.map.get(code) : cidFont ? undefined : String.fromCharCode(code),
    width: readWidths(file, font, cidFont),
    ascent: metric('Ascent', 950),
    descent: metric('Descent', -350),
  };
}

// ---------------------------------------------------------------------------------------------
// Pages

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n`, in PDF's row-vector convention. */
function multiply(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = n;
  return [
    a * A + b * C,
    a * B + b * D,
    c * A + d * C,
    c * B + d * D,
    e * A + f * C + E,
    e * B + f * D + F,
  ];
}

const apply = ([a, b, c, d, e, f]: Matrix, x: number, y: number): [number, number] => [
  a * x + c * y + e,
  b * x + d * y + f,
];

/** A text-showing operator's output, or one ActualText span in place of the glyphs it covers. */
export interface TextRun {
  /** From 1. */
  page: number;
  text: string;
  /** Glyph box in points from the page's top-left corner, as `pdftotext -bbox` measures it. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** The text came from ActualText (a seal, a spaced-out label), not from the glyphs. */
  actualText: boolean;
}

type Box = Pick<TextRun, 'xMin' | 'yMin' | 'xMax' | 'yMax'>;

const union = (a: Box | undefined, b: Box): Box =>
  a
    ? {
        xMin: Math.min(a.xMin, b.xMin),
        yMin: Math.min(a.yMin, b.yMin),
        xMax: Math.max(a.xMax, b.xMax),
        yMax: Math.max(a.yMax, b.yMax),
      }
    : b;

/** The part of the graphics state that text depends on; q and Q save and restore all of it. */
interface GraphicsState {
  ctm: Matrix;
  font?: Font;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  /** Tz as a fraction. */
  scale: number;
  leading: number;
}

interface Mark {
  actualText?: string;
  box?: Box;
}

/** Runs one page's content stream, collecting its text runs in content order. */
class PageReader {
  readonly runs: TextRun[] = [];
  private state: GraphicsState = {
    ctm: IDENTITY,
    size: 0,
    charSpacing: 0,
    wordSpacing: 0,
    scale: 1,
    leading: 0,
  };
  private readonly saved: GraphicsState[] = [];
  private tm = IDENTITY;
  private tlm = IDENTITY;
  private readonly marks: Mark[] = [];

  constructor(
    private readonly page: number,
    private readonly mediaBox: number[],
    private readonly fonts: (resourceName: string) => Font,
    private readonly properties: (resourceName: string) => Dict,
  ) {}

  read(content: Buffer): void {
    let operands: PdfValue[] = [];
    for (const token of tokens(content)) {
      if (token instanceof Op) {
        this.operator(token.value, operands);
        operands = [];
      } else operands.push(token);
    }
  }

  /** The operators that place, style and show text; paths, colours and images pass by. */
  private operator(op: string, args: PdfValue[]): void {
    const s = this.state;
    const [a, b] = args as [number, number];
    if (op === 'q') this.saved.push({ ...s });
    else if (op === 'Q') this.state = this.saved.pop() ?? s;
    else if (op === 'cm') s.ctm = multiply(args as Matrix, s.ctm);
    else if (op === 'BT') this.tm = this.tlm = IDENTITY;
    else if (op === 'Tf') [s.font, s.size] = [this.fonts((args[0] as Name).value), b];
    else if (op === 'Tc') s.charSpacing = a;
    else if (op === 'Tw') s.wordSpacing = a;
    else if (op === 'Tz') s.scale = a / 100;
    else if (op === 'TL') s.leading = a;
    else if (op === 'Tm') this.tm = this.tlm = args as Matrix;
    else if (op === 'Td') this.moveLine(a, b);
    else if (op === 'TD') this.moveLine(a, b, -b);
    else if (op === 'T*') this.moveLine(0, -s.leading);
    else if (op === 'Tj') this.show(args);
    else if (op === 'TJ') this.show(args[0] as PdfValue[]);
    else if (op === "'") this.nextLineShow(args);
    else if (op === '"') this.nextLineShow(args.slice(2), a, b);
    else if (op === 'BMC') this.marks.push({});
    else if (op === 'BDC') this.beginMarked(args[1]!);
    else if (op === 'EMC') this.endMarked();
  }

  /** Td, and TD which also sets the leading. */
  private moveLine(x: number, y: number, leading = this.state.leading): void {
    this.state.leading = leading;
    this.tm = this.tlm = multiply([1, 0, 0, 1, x, y], this.tlm);
  }

  /** ' and ", which go to the next line first; " also sets word and character spacing. */
  private nextLineShow(text: PdfValue[], wordSpacing?: number, charSpacing?: number): void {
    const s = this.state;
    if (wordSpacing !== undefined) [s.wordSpacing, s.charSpacing] = [wordSpacing, charSpacing!];
    this.moveLine(0, -s.leading);
    this.show(text);
  }

  /** Tj and TJ: strings in the current font; numbers move back by thousandths of the size. */
  private show(items: PdfValue[]): void {
    const { font, size, charSpacing, wordSpacing, scale, ctm } = this.state;
    if (!font) throw new Error('text shown before Tf');
    const toPage = multiply(this.tm, ctm);
    let [x, text, box] = [0, '', undefined as Box | undefined];
    for (const item of items) {
      if (typeof item === 'number') {
        x -= (item / 1000) * size * scale;
        // A move right by more than a tenth of the size is a word gap to pdftotext too.
        if (item < -100 && text && !text.endsWith(' ')) text += ' ';
      }
      if (!(item instanceof Buffer)) continue;
      for (let i = 0; i + font.codeLength <= item.length; i += font.codeLength) {
        const code = item.readUIntBE(i, font.codeLength);
        const advance = (font.width(code) / 1000) * size;
        text += font.unicode(code) ?? '\ufffd';
        box = union(box, this.glyphBox(toPage, x, advance * scale, font));
        const isSpace = font.codeLength === 1 && code === 32;
        x += (advance + charSpacing + (isSpace ? wordSpacing : 0)) * scale;
      }
    }
    this.tm = multiply([1, 0, 0, 1, x, 0], this.tm);
    if (box) this.emit(text, box);
  }

  /** The page box of a glyph at x in text space, all four corners mapped (seals rotate text). */
  private glyphBox(toPage: Matrix, x: number, width: number, font: Font): Box {
    const { size } = this.state;
    const [top, bottom] = [(font.ascent / 1000) * size, (font.descent / 1000) * size];
    // Page coordinates run down from the top-left corner of the MediaBox, as pdftotext's do.
    const [pageLeft, , , pageTop] = this.mediaBox as [number, number, number, number];
    const corners = [x, x + width].flatMap((gx) => [
      apply(toPage, gx, bottom),
      apply(toPage, gx, top),
    ]);
    const xs = corners.map(([px]) => px - pageLeft);
    const ys = corners.map(([, py]) => pageTop - py);
    return {
      xMin: Math.min(...xs),
      yMin: Math.min(...ys),
      xMax: Math.max(...xs),
      yMax: Math.max(...ys),
    };
  }

  private emit(text: string, box: Box): void {
    // Inside ActualText the glyphs only lend their extent; the outermost span supplies the text.
    const span = this.marks.find((m) => m.actualText !== undefined);
    if (span) span.box = union(span.box, box);
    else this.runs.push({ page: this.page, text, ...box, actualText: false });
  }

  /** `/Span <</ActualText (…)>> BDC`, or a name of a property list in the page resources. */
  private beginMarked(props: PdfValue): void {
    const dict = props instanceof Name ? this.properties(props.value) : (props as Dict);
    const actual = dict.get('ActualText');
    this.marks.push(actual instanceof Buffer ? { actualText: textString(actual) } : {});
  }

  private endMarked(): void {
    const mark = this.marks.pop();
    if (mark?.actualText !== undefined && mark.box) {
      this.runs.push({ page: this.page, text: mark.actualText, ...mark.box, actualText: true });
    }
  }
}

/** Page dictionaries in order, with Resources and MediaBox inherited from the page tree. */
function pageList(file: PdfFile, node: Dict, inherited: Dict = new Map()): Dict[] {
  const attributes = new Map(inherited);
  for (const key of ['Resources', 'MediaBox'])
    if (node.has(key)) attributes.set(key, node.get(key)!);
  if (nameOf(node.get('Type')) === 'Page') return [new Map([...node, ...attributes])];
  const kids = (file.resolve(node.get('Kids')) ?? []) as PdfValue[];
  return kids.flatMap((kid) => pageList(file, file.dict(kid), attributes));
}

function readDocument(buf: Buffer): { file: PdfFile; pages: Dict[] } {
  const file = new PdfFile(buf);
  const root = file.dict(file.trailer.get('Root'));
  return { file, pages: pageList(file, file.dict(root.get('Pages'))) };
}

function pageRuns(
  file: PdfFile,
  page: Dict,
  index: number,
  fontCache: Map<unknown, Font>,
): TextRun[] {
  const resources = file.dict(page.get('Resources'));
  const fontDicts = file.dict(resources.get('Font'));
  const fonts = (name: string) => {
    const ref = fontDicts.get(name);
    if (!ref) throw new Error(`page ${index + 1} uses font ${name} it does not list`);
    const key = ref instanceof Ref ? ref.num : ref;
    if (!fontCache.has(key)) fontCache.set(key, readFont(file, file.dict(ref)));
    return fontCache.get(key)!;
  };
  const properties = (name: string) => file.dict(file.dict(resources.get('Properties')).get(name));
  const mediaBox = (file.resolve(page.get('MediaBox')) as number[]).map(
    (v) => file.resolve(v) as number,
  );
  const reader = new PageReader(index + 1, mediaBox, fonts, properties);
  // Contents is one stream or an array of streams that together form one content stream.
  const contents = file.resolve(page.get('Contents'));
  const streams = Array.isArray(contents) ? contents : [page.get('Contents')];
  reader.read(Buffer.concat(streams.flatMap((s) => [file.streamData(s), Buffer.from('\n')])));
  return reader.runs;
}

function runsByPage(buf: Buffer): TextRun[][] {
  const { file, pages } = readDocument(buf);
  const fontCache = new Map<unknown, Font>();
  return pages.map((page, i) => pageRuns(file, page, i, fontCache));
}

/** Every text run of every page, in content order. */
export function pdfTextRuns(buf: Buffer): TextRun[] {
  return runsByPage(buf).flat();
}

// ---------------------------------------------------------------------------------------------
// Text

/** Runs on one line share a baseline band: the next run's middle lies inside the previous run. */
function sameLine(a: TextRun, b: TextRun): boolean {
  const middle = (b.yMin + b.yMax) / 2;
  return middle > a.yMin && middle < a.yMax;
}

/**
 * Runs joined as `pdftotext -raw` does: content order, a space at a gap, a newline per line.
 * One difference: an ActualText run shares the line of the glyphs it replaces, where pdftotext
 * misplaces it and so puts it on a line of its own.
 */
function joinRuns(runs: TextRun[]): string {
  return runs
    .map((run, i) => {
      const prev = runs[i - 1];
      if (!prev) return run.text;
      if (!sameLine(prev, run)) return `\n${run.text}`;
      const gap = run.xMin - prev.xMax;
      return (gap > 0.1 * (run.yMax - run.yMin) ? ' ' : '') + run.text;
    })
    .join('');
}

/** Each page's text, like `pdftotext -raw` page by page. */
export function pdfPageTexts(buf: Buffer): string[] {
  return runsByPage(buf).map(joinRuns);
}

/** The whole text, pages separated by form feeds like `pdftotext -raw`. */
export function pdfText(buf: Buffer): string {
  return pdfPageTexts(buf).join('\f');
}

// ---------------------------------------------------------------------------------------------
// Info

export interface PdfFont {
  /** BaseFont; a subset's name starts with six capitals and a plus. */
  name: string;
  /** Subtype, the descendant's for a Type0 font (CIDFontType2 is a CID TrueType font). */
  type: string;
  encoding?: string;
  embedded: boolean;
  toUnicode: boolean;
}

export interface PdfInfo {
  pages: number;
  /** The Info dictionary's CreationDate in UTC ISO 8601, as `TZ=UTC pdfinfo -isodates`. */
  creationDate?: string;
  /** The first page's MediaBox size in points, as pdfinfo's "Page size". */
  pageSize: { width: number; height: number };
  /** Fonts the pages use, as pdffonts lists them. */
  fonts: PdfFont[];
}

/** D:YYYYMMDDHHmmSS with Z or ±HH'mm'; the fields after the year are optional. */
function pdfDate(date: string): string | undefined {
  const m = /^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:([+-])(\d\d)'?(\d\d)?'?)?/.exec(date);
  if (!m) return undefined;
  const [y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '0', om = '0'] =
    m.slice(1);
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return new Date(utc - (sign ? offset : 0)).toISOString().replace('.000Z', 'Z');
}

function describeFont(file: PdfFile, font: Dict): PdfFont {
  const cidFont = descendant(file, font);
  const descriptor = file.dict((cidFont ?? font).get('FontDescriptor'));
  return {
    name: nameOf(font.get('BaseFont')) ?? '',
    type: nameOf((cidFont ?? font).get('Subtype')) ?? '',
    encoding: nameOf(font.get('Encoding')),
    embedded: ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(key)),
    toUnicode: font.has('ToUnicode'),
  };
}

export function pdfInfo(buf: Buffer): PdfInfo {
  const { file, pages } = readDocument(buf);
  const info = file.dict(file.trailer.get('Info'));
  const created = file.resolve(info.get('CreationDate'));
  const [x0, y0, x1, y1] = (file.resolve(pages[0]?.get('MediaBox')) ?? [0, 0, 0, 0]) as number[];
  const fonts = new Map<unknown, PdfFont>();
  for (const page of pages) {
    const fontDicts = file.dict(file.dict(page.get('Resources')).get('Font'));
    for (const ref of fontDicts.values()) {
      fonts.set(ref instanceof Ref ? ref.num : ref, describeFont(file, file.dict(ref)));
    }
  }
  return {
    pages: pages.length,
    creationDate: created instanceof Buffer ? pdfDate(textString(created)) : undefined,
    pageSize: { width: x1! - x0!, height: y1! - y0! },
    fonts: [...fonts.values()],
  };
}
