import { localDateOf } from '../../domain/calendar';
import { AWARD_NOTICE_TITLE, awardNoticeKey } from '../../domain/purchase/award-notice';
import type { Prisma } from '../../lib/db';
import type { PurchaseView } from '../../workflows/purchase/view-types';
import { prepareSeal, type Sealer, storeSeal } from '../documents/seal-document';

/** Who issues the award notice: the authority's name and its sealer. */
export interface AwardNoticeIssuer {
  authority: string;
  sealer?: Sealer | undefined;
}

/**
 * Seals the project's award notice (成交结果通知书) once it is issued: the publicity ended with
 * no challenge standing (`award.noticeAt`). Runs in the transaction that records the view, so
 * the notice is sealed together with the award; a notice already sealed keeps its seal (a
 * retried or replayed recording seals nothing twice). In force while the project is not
 * cancelled or its contract terminated (api/check-document.ts).
 */
export async function sealAwardNotice(
  tx: Prisma.TransactionClient,
  issuer: AwardNoticeIssuer,
  projectId: string,
  view: PurchaseView,
): Promise<void> {
  const award = view.award;
  if (!issuer.sealer || !award?.noticeAt) return;
  const documentKey = awardNoticeKey(projectId);
  if (await tx.documentSeal.findUnique({ where: { documentKey }, select: { id: true } })) return;
  const project = await tx.purchaseProject.findUnique({
    where: { id: projectId },
    select: { projectNo: true },
  });
  if (!project) return;
  const noticeAt = new Date(award.noticeAt);
  const seal = prepareSeal(issuer.sealer, {
    documentKey,
    kind: 'purchase_award_notice',
    subjectType: 'purchase_project',
    subjectId: projectId,
    issuedAt: noticeAt,
    data: {
      title: AWARD_NOTICE_TITLE,
      docNo: `项目编号 ${project.projectNo}`,
      holder: award.name,
      creditCode: award.creditCode,
      issuedOn: localDateOf(noticeAt.getTime()),
      authority: issuer.authority,
    },
  });
  await storeSeal(tx, seal, null);
}
