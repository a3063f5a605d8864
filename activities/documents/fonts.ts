import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** TTF files for the two weights every document uses. */
export interface FontPaths {
  regular: string;
  bold: string;
}

/** Names the fonts are registered under in each PDF document. */
export const FONT = { regular: 'serif-sc', bold: 'serif-sc-bold' } as const;

/** Noto Serif SC (OFL) from the installed font package, found the way Node finds modules. */
export function defaultFontPaths(): FontPaths {
  return {
    regular: require.resolve(
      '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    ),
    bold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  };
}

/** The part of a fontkit font and its glyph runs that pdfkit uses. */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  [k: string]: number;
}
interface GlyphRun {
  glyphs: unknown[];
  positions: Position[];
  readonly advanceWidth: number;
}
interface FontkitGlyph {
  _decode(): unknown;
}
interface FontkitFont {
  layout(text: string, features?: unknown): GlyphRun;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
}

// The fontkit pdfkit itself uses (a dependency of pdfkit's, not of ours).
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  create(bytes: Uint8Array): FontkitFont;
};

/** Shaped runs kept per font; documents repeat the same words (titles, labels, dates). */
const RUN_CACHE_LIMIT = 20_000;

/**
 * A parsed font that keeps its shaped text runs. pdfkit scales a run's positions in place, so
 * every call gets its own copy of the positions; the glyphs are shared (read only).
 */
function withRunCache(font: FontkitFont): FontkitFont {
  const runs = new Map<string, GlyphRun>();
  const cached = Object.create(font) as FontkitFont;
  cached.layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      run = font.layout(text);
      // Own copies, so the caller's scaling cannot reach the cache.
      run = {
        glyphs: run.glyphs,
        positions: run.positions.map((p) => ({ ...p })),
        advanceWidth: 0,
      };
      if (runs.size >= RUN_CACHE_LIMIT) runs.clear();
      runs.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs.slice(),
      positions,
      get advanceWidth() {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      },
    };
  };
  return cached;
}

/**
 * Keeps each glyph's decoded outline. fontkit keeps its glyph objects but decodes a glyph's
 * outline again for every subset it is put in (only to find composite glyphs): a third of each
 * PDF's font embedding went there. Outlines are read only, so one decoding serves every document.
 */
function withGlyphCache(font: FontkitFont): FontkitFont {
  const getGlyph = font.getGlyph.bind(font);
  const decoded = new WeakSet<FontkitGlyph>();
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && !decoded.has(glyph)) {
      decoded.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let outline: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          outline = decode();
          done = true;
        }
        return outline;
      };
    }
    return glyph;
  };
  return font;
}

// Each CJK font is ~14 MB: read and parse it once per process, not once per document.
const fontCache = new Map<string, FontkitFont>();

function loadFont(path: string): FontkitFont {
  let font = fontCache.get(path);
  if (!font) {
    font = withRunCache(withGlyphCache(fontkit.create(readFileSync(path))));
    fontCache.set(path, font);
  }
  return font;
}

/**
 * Registers both weights on a document. pdfkit embeds only the glyphs used (a subset), so the
 * PDF shows Chinese on machines without the font.
 */
export function registerFonts(doc: PDFKit.PDFDocument, overrides: Partial<FontPaths> = {}): void {
  const paths = { ...defaultFontPaths(), ...overrides };
  // pdfkit takes a parsed font as it takes bytes (its types only name the latter).
  doc.registerFont(FONT.regular, loadFont(paths.regular) as unknown as Buffer);
  doc.registerFont(FONT.bold, loadFont(paths.bold) as unknown as Buffer);
}
