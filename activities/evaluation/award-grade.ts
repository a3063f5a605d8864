import { createHash } from 'node:crypto';
import { gradeLabel } from '../../domain/organization/profile';
import type { Db } from '../../lib/db';
import { renderOfficialDocument } from '../documents/render-official-document';
import { type PreparedSeal, prepareSeal, type Sealer, storeSeal } from '../documents/seal-document';

const date = (d: string) => new Date(`${d}T00:00:00Z`);

export interface AwardedGrade {
  gradeId: string;
  certificateFileId: string | null;
}

/** The grade certificate's seal: in force while the grade is active and not past its expiry. */
function gradeSeal(
  sealer: Sealer,
  input: { fileId: string; level: number; awardedOn: string; expiresOn: string },
  gradeId: string,
  org: { name: string; creditCode: string | null },
  docNo: string,
  authority: string,
): PreparedSeal {
  return prepareSeal(sealer, {
    documentKey: `evaluation-certificate:${input.fileId}`,
    kind: 'evaluation_certificate',
    subjectType: 'grade',
    subjectId: gradeId,
    issuedAt: date(input.awardedOn),
    data: {
      title: '社会组织评估等级证书',
      docNo,
      holder: org.name,
      ...(org.creditCode ? { creditCode: org.creditCode } : {}),
      level: `${gradeLabel(input.level)}级`,
      issuedOn: input.awardedOn,
      validFrom: input.awardedOn,
      validTo: input.expiresOn,
      authority,
    },
  });
}

/**
 * Confirmation (§4.3 CONFIRMED → CERTIFIED): the new grade supersedes any active one (at most
 * one active grade per organisation), and 3A+ receive a certificate (PDF). One transaction;
 * a retry finds the grade it made by its source.
 */
export function makeAwardGrade(db: Db, authority: string, sealer?: Sealer) {
  return async function awardGrade(input: {
    fileId: string;
    organizationId: string;
    level: number;
    awardingLevel: 'district' | 'city' | 'province';
    awardedOn: string;
    expiresOn: string;
    withCertificate: boolean;
  }): Promise<AwardedGrade> {
    return db.$transaction(
      async (tx) => {
        const made = await tx.grade.findFirst({
          where: { source: 'evaluation', sourceId: input.fileId },
        });
        if (made) return { gradeId: made.id, certificateFileId: made.certificateFileId };
        const previous = await tx.grade.findUnique({ where: { activeFor: input.organizationId } });
        if (previous) {
          await tx.grade.update({
            where: { id: previous.id },
            data: {
              status: 'superseded',
              activeFor: null,
              endedOn: date(input.awardedOn),
              endReason: '被新一轮评估结果取代',
            },
          });
        }
        const org = await tx.organization.findUniqueOrThrow({
          where: { id: input.organizationId },
        });
        const grade = await tx.grade.create({
          data: {
            organizationId: input.organizationId,
            level: input.level,
            awardingLevel: input.awardingLevel,
            awardedOn: date(input.awardedOn),
            expiresOn: date(input.expiresOn),
            activeFor: input.organizationId,
            source: 'evaluation',
            sourceId: input.fileId,
            previousId: previous?.id ?? null,
          },
        });
        let certificateFileId: string | null = null;
        if (input.withCertificate) {
          const docNo = `钟民评证〔${input.awardedOn.slice(0, 4)}〕${grade.id.slice(0, 8)}号`;
          const seal = sealer && gradeSeal(sealer, input, grade.id, org, docNo, authority);
          const pdf = await renderOfficialDocument(
            {
              title: '社会组织评估等级证书',
              docNo,
              addressee: `${org.name}：`,
              paragraphs: [
                `经社会组织评估委员会评估，并经公示无异议，确认你单位社会组织评估等级为 ${gradeLabel(input.level)} 级。`,
                `统一社会信用代码：${org.creditCode ?? ''}`,
                `有效期：${input.awardedOn} 至 ${input.expiresOn}。`,
              ],
              authority,
              date: input.awardedOn,
            },
            { verification: seal?.verification },
          );
          const file = await tx.storedFile.upsert({
            where: { generationKey: `evaluation-certificate:${input.fileId}` },
            update: {},
            create: {
              organizationId: input.organizationId,
              kind: 'certificate',
              documentType: 'evaluation_certificate',
              fileName: `社会组织评估等级证书-${gradeLabel(input.level)}.pdf`,
              mimeType: 'application/pdf',
              size: pdf.length,
              sha256: createHash('sha256').update(pdf).digest('hex'),
              content: new Uint8Array(pdf),
              generationKey: `evaluation-certificate:${input.fileId}`,
              docNo,
            },
          });
          certificateFileId = file.id;
          if (seal) await storeSeal(tx, seal, file.id);
          await tx.grade.update({ where: { id: grade.id }, data: { certificateFileId } });
        }
        await tx.evaluationFile.update({
          where: { id: input.fileId },
          data: { gradeId: grade.id },
        });
        return { gradeId: grade.id, certificateFileId };
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
  };
}
