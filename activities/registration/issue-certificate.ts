import { createHash } from 'node:crypto';
import { localDateOf } from '../../domain/calendar';
import {
  buildCreditCode,
  organizationCodeBody,
  validateCreditCode,
} from '../../domain/credit-code';
import type { Application } from '../../domain/registration/application';
import { nextCounterIn as nextCounter } from '../../lib/counter';
import type { Db, Prisma } from '../../lib/db';
import type { IssuedDocument } from '../../workflows/registration/view-types';
import { renderCertificate } from '../documents/render-certificate';
import { type PreparedSeal, prepareSeal, type Sealer, storeSeal } from '../documents/seal-document';
import { ACTIVITY_ERRORS, nonRetryable } from '../errors';

const TITLE = {
  social_group: '社会团体法人登记证书',
  private_non_enterprise: '民办非企业单位（法人）登记证书',
  foundation: '基金会法人登记证书',
} as const;

export interface CertificateIssuer {
  authority: string;
  districtCode: string;
  sealer?: Sealer | undefined;
}

/**
 * Approval's outputs in one transaction: a Unified Social Credit Code (GB 32100, allocated
 * once per organisation), the certificate PDF, and the organisation profile marked registered.
 */
export function makeIssueCertificate(db: Db, issuer: CertificateIssuer) {
  return async function issueCertificate(input: {
    key: string;
    registrationId: string;
    organizationId: string;
    application: Application;
    bodyPrefix: string;
    issuedAt: number;
  }): Promise<{ creditCode: string; certificateFileId: string; document: IssuedDocument }> {
    const app = input.application;
    return db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ creditCode: string | null }[]>`
          SELECT "creditCode" FROM "Organization" WHERE id = ${input.organizationId}::uuid FOR UPDATE`;
        if (!rows[0])
          throw nonRetryable(ACTIVITY_ERRORS.NOT_FOUND, `组织 ${input.organizationId} 不存在`);
        const existing = await tx.storedFile.findUnique({ where: { generationKey: input.key } });
        const creditCode =
          rows[0].creditCode ?? (await allocate(tx, issuer.districtCode, app, input.bodyPrefix));
        const issuedOn = localDateOf(input.issuedAt);
        const seal =
          existing || !issuer.sealer
            ? undefined
            : certificateSeal(issuer.sealer, input, creditCode, issuedOn, issuer.authority);
        const file =
          existing ??
          (await tx.storedFile.create({
            data: await certificateFile(input, creditCode, issuedOn, issuer.authority, seal),
          }));
        // A certificate issued before documents were sealed keeps its file and gets no seal.
        if (seal) await storeSeal(tx, seal, file.id);
        await markRegistered(tx, input, app, creditCode);
        await tx.registration.update({
          where: { id: input.registrationId },
          data: { creditCode, certificateFileId: file.id },
        });
        return {
          creditCode,
          certificateFileId: file.id,
          document: {
            kind: 'certificate',
            title: TITLE[app.legalForm],
            fileId: file.id,
            docNo: creditCode,
            issuedAt: file.createdAt.toISOString(),
          },
        };
      },
      { timeout: 30_000 },
    );
  };
}

/**
 * The decision's part of an approval (patch `registration-outputs-after-decision`): the credit
 * code (allocated once per organisation) and the organisation marked registered, in one
 * transaction and without the PDF, which `issueCertificate` draws afterwards with the same code.
 */
export function makeAllocateCreditCode(db: Db, issuer: CertificateIssuer) {
  return async function allocateCreditCode(input: {
    registrationId: string;
    organizationId: string;
    application: Application;
    bodyPrefix: string;
    issuedAt: number;
  }): Promise<{ creditCode: string }> {
    const app = input.application;
    return db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ creditCode: string | null }[]>`
        SELECT "creditCode" FROM "Organization" WHERE id = ${input.organizationId}::uuid FOR UPDATE`;
      if (!rows[0])
        throw nonRetryable(ACTIVITY_ERRORS.NOT_FOUND, `组织 ${input.organizationId} 不存在`);
      const creditCode =
        rows[0].creditCode ?? (await allocate(tx, issuer.districtCode, app, input.bodyPrefix));
      await markRegistered(tx, input, app, creditCode);
      await tx.registration.update({ where: { id: input.registrationId }, data: { creditCode } });
      return { creditCode };
    });
  };
}

type Tx = Parameters<typeof nextCounter>[0];

async function allocate(
  tx: Tx,
  districtCode: string,
  app: Application,
  prefix: string,
): Promise<string> {
  const n = await nextCounter(tx, `orgcode:${districtCode}:${prefix}`);
  const code = buildCreditCode({
    legalForm: app.legalForm,
    divisionCode: districtCode,
    body8: organizationCodeBody(prefix, n),
  });
  // Belt and braces: never put a code on a certificate that fails its own checks.
  const check = validateCreditCode(code, {
    expectedLegalForm: app.legalForm,
    expectedDivisionCode: districtCode,
  });
  if (!check.valid)
    throw new Error(
      `generated credit code ${code} is invalid: ${check.errors.map((e) => e.message).join('; ')}`,
    );
  return code;
}

/** The certificate's seal: it stays genuine and in force while the organisation is registered. */
function certificateSeal(
  sealer: Sealer,
  input: { key: string; organizationId: string; application: Application; issuedAt: number },
  creditCode: string,
  issuedOn: string,
  authority: string,
): PreparedSeal {
  return prepareSeal(sealer, {
    documentKey: input.key,
    kind: 'registration_certificate',
    subjectType: 'organization',
    subjectId: input.organizationId,
    issuedAt: new Date(input.issuedAt),
    data: {
      title: TITLE[input.application.legalForm],
      docNo: creditCode,
      holder: input.application.name,
      creditCode,
      issuedOn,
      authority,
    },
  });
}

async function certificateFile(
  input: { key: string; organizationId: string; application: Application },
  creditCode: string,
  issuedOn: string,
  authority: string,
  seal: PreparedSeal | undefined,
) {
  const app = input.application;
  const pdf = await renderCertificate(
    {
      legalForm: app.legalForm,
      name: app.name,
      creditCode,
      domicile: app.domicile,
      legalRepresentative: app.legalRepresentative.name,
      businessScope: app.businessScope,
      activityArea: app.legalForm === 'social_group' ? app.activityArea : undefined,
      funds: app.funds.amount,
      authority,
      issuedOn,
      registrationNo: creditCode,
    },
    { verification: seal?.verification },
  );
  return {
    organizationId: input.organizationId,
    kind: 'certificate',
    documentType: 'certificate',
    fileName: `${TITLE[app.legalForm]}-${creditCode}.pdf`,
    mimeType: 'application/pdf',
    size: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    content: new Uint8Array(pdf),
    generationKey: input.key,
    docNo: creditCode,
  };
}

/** The organisation as registered by its approved application, under its credit code. */
async function markRegistered(
  tx: Prisma.TransactionClient,
  input: { organizationId: string; issuedAt: number },
  app: Application,
  creditCode: string,
): Promise<void> {
  await tx.organization.update({
    where: { id: input.organizationId },
    data: {
      name: app.name,
      status: 'registered',
      legalForm: app.legalForm,
      category: app.category,
      creditCode,
      registeredAt: new Date(input.issuedAt),
      domicile: app.domicile,
      legalRepresentative: app.legalRepresentative.name,
    },
  });
}
