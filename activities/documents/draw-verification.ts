import { encode } from 'uqr';
import { FONT } from './fonts';
import { type Doc, GREY, INK, textTop } from './pdf-layout';

/** What a sealed document carries to be checked: its verification page and code. */
export interface Verification {
  /** The public verification page, encoded in the QR code. */
  url: string;
  /** The code as printed (ABCD-EFGH-…), for those who type it. */
  code: string;
  /** The seal as the PDF's metadata holds it (see lib/document-seal.ts sealMetadata). */
  metadata: string;
}

/**
 * A QR code of the verification page, `size` points wide with its top-left corner at (x, y), in
 * black modules on white with the quiet zone the standard asks for (4 modules).
 */
export function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  // One fixed mask (any of the eight is valid): choosing the best of eight scored every mask
  // over the whole matrix, a tenth of a document's drawing.
  const qr = encode(text, { ecc: 'M', border: 4, maskPattern: 0 });
  const cell = size / qr.size;
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  qr.data.forEach((row, r) => {
    row.forEach((dark, c) => {
      // A hair wider than the cell, so that neighbouring modules leave no seam when printed.
      if (dark) doc.rect(x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
    });
  });
  doc.fill();
  doc.restore();
}

/** The QR code with two lines of caption to its right (or below when `captionBelow`). */
export function drawVerification(
  doc: Doc,
  v: Verification,
  at: { x: number; y: number; size: number; captionBelow?: boolean },
): void {
  drawQrCode(doc, v.url, at.x, at.y, at.size);
  const lines = ['扫描二维码核验真伪及效力', `核验码：${v.code}`];
  doc.font(FONT.regular).fontSize(7).fillColor(GREY);
  lines.forEach((line, i) => {
    const [x, y] = at.captionBelow
      ? [at.x + (at.size - doc.widthOfString(line)) / 2, at.y + at.size + 6 + i * 10]
      : [at.x + at.size + 4, at.y + at.size / 2 - 6 + i * 12];
    doc.text(line, x, textTop(y, 7), { lineBreak: false });
  });
  doc.fillColor(INK);
}
