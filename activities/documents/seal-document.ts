import type { Prisma } from '../../generated/prisma/client';
import {
  formatSealCode,
  newSealCode,
  type Seal,
  type SealData,
  type SigningKey,
  signSealData,
} from '../../lib/document-seal';
import type { Verification } from './draw-verification';

/** The activities' port for sealing documents: the signing key and where the public checks. */
export interface Sealer {
  key: SigningKey;
  /** The public verification page of a code. */
  verifyUrl(code: string): string;
}

export function createSealer(key: SigningKey, publicUrl: string): Sealer {
  const base = publicUrl.replace(/\/+$/, '');
  return { key, verifyUrl: (code) => `${base}/public/verify/${code}` };
}

/** What the PDF's metadata holds: the seal, so that the file alone can be checked offline. */
export function sealMetadata(seal: Seal): string {
  return `MZFSEAL1.${Buffer.from(JSON.stringify(seal), 'utf8').toString('base64url')}`;
}

export interface PreparedSeal {
  code: string;
  seal: Seal;
  verification: Verification;
  row: Omit<Prisma.DocumentSealUncheckedCreateInput, 'fileId'>;
}

/**
 * Signs a document's data before it is rendered (the QR code on it names the seal's code).
 * The caller stores the seal with `storeSeal` in the transaction that stores the document.
 */
export function prepareSeal(
  sealer: Sealer,
  input: {
    documentKey: string;
    kind: string;
    subjectType: string;
    subjectId: string;
    issuedAt: Date;
    data: Omit<SealData, 'v' | 'code' | 'kind' | 'subjectType' | 'subjectId'>;
  },
): PreparedSeal {
  const code = newSealCode();
  const seal = signSealData(sealer.key, {
    v: 1,
    code,
    kind: input.kind,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    ...input.data,
  });
  return {
    code,
    seal,
    verification: {
      url: sealer.verifyUrl(code),
      code: formatSealCode(code),
      metadata: sealMetadata(seal),
    },
    row: {
      code,
      kind: input.kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      documentKey: input.documentKey,
      canonical: seal.canonical,
      signature: seal.signature,
      keyId: seal.keyId,
      issuedAt: input.issuedAt,
    },
  };
}

type Tx = Pick<Prisma.TransactionClient, 'documentSeal'>;

/**
 * Stores the seal once per document: a retried activity keeps the seal it made. One insert that
 * skips a duplicate (an upsert with nothing to update reads, inserts and reads again); only when
 * it skipped is the document's seal looked for, so a clash of codes cannot pass unnoticed.
 */
export async function storeSeal(tx: Tx, prepared: PreparedSeal, fileId: string | null) {
  const { count } = await tx.documentSeal.createMany({
    data: [{ ...prepared.row, fileId }],
    skipDuplicates: true,
  });
  if (count === 1) return;
  const kept = await tx.documentSeal.findUnique({
    where: { documentKey: prepared.row.documentKey },
    select: { id: true },
  });
  if (!kept) throw new Error(`seal code ${prepared.row.code} is taken by another document`);
}
