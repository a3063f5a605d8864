import { createHash } from 'node:crypto';
import { nextCounterIn as nextCounter } from '../../lib/counter';
import type { Db } from '../../lib/db';
import type { DocumentContext } from '../../workflows/registration/outputs';
import type { IssuedDocument } from '../../workflows/registration/view-types';
import { renderOfficialDocument } from '../documents/render-official-document';
import { type PreparedSeal, prepareSeal, type Sealer, storeSeal } from '../documents/seal-document';
import { composeDocument, DOC_NO_WORD } from './document-text';

export interface DocumentIssuer {
  authority: string;
  shortName: string;
  sealer?: Sealer | undefined;
}

/**
 * Numbers, renders and stores a document in one transaction, keyed by the workflow's effect
 * key: a retry after a crash finds the stored file and returns it unchanged.
 */
export function makeIssueRegistrationDocument(db: Db, issuer: DocumentIssuer) {
  return async function issueRegistrationDocument(input: {
    key: string;
    registrationId: string;
    organizationId: string;
    context: DocumentContext;
  }): Promise<IssuedDocument> {
    const { key, context: c } = input;
    const existing = await db.storedFile.findUnique({ where: { generationKey: key } });
    if (existing) return asIssued(c, existing.id, existing.docNo ?? '', existing.createdAt);
    return db.$transaction(
      async (tx) => {
        const year = c.issuedOn.slice(0, 4);
        const docNo =
          c.kind === 'acceptance_receipt' && c.receiptNo
            ? c.receiptNo
            : `${issuer.shortName}${DOC_NO_WORD[c.kind]}字〔${year}〕第${String(await nextCounter(tx, `doc:${c.kind}:${year}`)).padStart(4, '0')}号`;
        const seal = issuer.sealer && documentSeal(issuer.sealer, input, docNo, issuer.authority);
        const pdf = await renderOfficialDocument(composeDocument(c, docNo, issuer.authority), {
          verification: seal?.verification,
        });
        const file = await tx.storedFile.create({
          data: {
            organizationId: input.organizationId,
            kind: 'issued',
            documentType: c.kind,
            fileName: `${c.title}-${c.applicationNo}.pdf`,
            mimeType: 'application/pdf',
            size: pdf.length,
            sha256: createHash('sha256').update(pdf).digest('hex'),
            content: new Uint8Array(pdf),
            generationKey: key,
            docNo,
          },
        });
        if (seal) await storeSeal(tx, seal, file.id);
        return asIssued(c, file.id, docNo, file.createdAt);
      },
      { timeout: 30_000 },
    );
  };
}

/** A notice or decision's seal: genuine, and in force as issued (it is about one application). */
function documentSeal(
  sealer: Sealer,
  input: { key: string; registrationId: string; context: DocumentContext },
  docNo: string,
  authority: string,
): PreparedSeal {
  const c = input.context;
  return prepareSeal(sealer, {
    documentKey: input.key,
    kind: 'registration_document',
    subjectType: 'registration',
    subjectId: input.registrationId,
    issuedAt: new Date(`${c.issuedOn}T00:00:00+08:00`),
    data: {
      title: c.title,
      docNo,
      holder: `${c.name}申请人`,
      issuedOn: c.issuedOn,
      authority,
    },
  });
}

function asIssued(c: DocumentContext, fileId: string, docNo: string, at: Date): IssuedDocument {
  return { kind: c.kind, title: c.title, fileId, docNo, issuedAt: at.toISOString() };
}
