import { readFileSync } from 'node:fs';

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

// Each CJK font is ~14 MB: read it once per process, not once per document.
const fileCache = new Map<string, Buffer>();

function readFont(path: string): Buffer {
  let bytes = fileCache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fileCache.set(path, bytes);
  }
  return bytes;
}

/**
 * Registers both weights on a document. pdfkit embeds only the glyphs used (a subset), so the
 * PDF shows Chinese on machines without the font.
 */
export function registerFonts(doc: PDFKit.PDFDocument, overrides: Partial<FontPaths> = {}): void {
  const paths = { ...defaultFontPaths(), ...overrides };
  doc.registerFont(FONT.regular, readFont(paths.regular));
  doc.registerFont(FONT.bold, readFont(paths.bold));
}
