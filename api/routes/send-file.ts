import type { Response } from 'express';

/** Sends a stored file with a name browsers keep (RFC 6266 filename* for Chinese names). */
export function sendFile(
  res: Response,
  file: { fileName: string; mimeType: string; content: Uint8Array; sha256: string },
): void {
  res
    .status(200)
    .type(file.mimeType)
    .set(
      'Content-Disposition',
      `attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .set('ETag', `"${file.sha256}"`)
    .set('X-Content-Type-Options', 'nosniff')
    .send(Buffer.from(file.content));
}
