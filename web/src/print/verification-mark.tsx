import { encode } from 'uqr';

/**
 * The QR code of a sealed document's public verification page, with its code below (issue 15
 * point 11), as the sealed PDFs draw it (activities/documents/draw-verification.ts).
 */
export function VerificationMark({ code, url }: { code: string; url: string }) {
  const qr = encode(url, { ecc: 'M', border: 4 });
  const cells: string[] = [];
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) cells.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return (
    <figure className="print-verification">
      <svg
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        width="96"
        height="96"
        role="img"
        aria-label="核验二维码"
        shapeRendering="crispEdges"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={cells.join('')} fill="#000" />
      </svg>
      <figcaption>
        扫描二维码核验真伪及效力
        <br />
        核验码：<span className="print-verification-code">{code}</span>
      </figcaption>
    </figure>
  );
}
