import type { Prisma } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import { formatSealCode } from '../lib/document-seal';

/** A sealed document's verification mark as a print view shows it: the code and its page. */
export interface SealLink {
  code: string;
  url: string;
}

/**
 * The verification mark of the document a seal row names (issue 15 point 11): null when the
 * document was issued before documents were sealed, or is not sealed at all.
 */
export async function sealLink(
  db: Db,
  publicUrl: string,
  where: Prisma.DocumentSealWhereInput,
): Promise<SealLink | null> {
  const seal = await db.documentSeal.findFirst({
    where,
    select: { code: true },
    orderBy: { issuedAt: 'desc' },
  });
  if (!seal) return null;
  const base = publicUrl.replace(/\/+$/, '');
  return { code: formatSealCode(seal.code), url: `${base}/public/verify/${seal.code}` };
}
