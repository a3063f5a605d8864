import { appendWorkflowAudit } from '../../lib/audit';
import type { Db, Prisma } from '../../lib/db';
import { type AwardNoticeIssuer, sealAwardNotice } from './seal-award-notice';
import type { AuditRecord, PurchaseView } from '../../workflows/purchase/view-types';

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
const big = (n: number | null | undefined) => (n === null || n === undefined ? null : BigInt(n));

/** The projection columns (figures, access checks, lists) derived from the view. */
function projection(v: PurchaseView, seq: number) {
  const winner = v.award;
  return {
    status: v.status,
    method: v.procurement?.method ?? null,
    respondentOrgIds: v.responses.map((r) => r.organizationId),
    expertIds: v.panel.map((e) => e.id),
    awardedOrgId: winner?.organizationId ?? null,
    // Undertakers here are organisations of the civil-affairs register: credit code 5….
    awardedToSocialOrg: winner ? winner.creditCode.startsWith('5') : null,
    awardedAmountFen: big(winner?.amountFen),
    awardedAt: date(winner?.decidedAt),
    contractAmountFen: big(v.contract?.amountFen),
    contractSignedAt: date(v.contract?.signedAt),
    contractEndDate: v.contract ? new Date(`${v.contract.endDate}T00:00:00Z`) : null,
    paidFen: BigInt(v.paidFen),
    withheldFen: BigInt(v.withheldFen),
    closedAt: date(v.closedAt),
    terminatedAt: date(v.termination?.at),
    view: v as unknown as Prisma.InputJsonValue,
    viewSeq: seq,
    workflowStartedAt: new Date(),
  };
}

/**
 * One transaction: the projection moved forward (never backward: a stale retry changes nothing)
 * and the new decisions appended to the audit log (idempotent on their sequence number); the
 * award notice is sealed with the view that issues it.
 */
export function makeRecordPurchase(db: Db, issuer: AwardNoticeIssuer = { authority: '' }) {
  return async function recordPurchase(input: {
    projectId: string;
    workflowId: string;
    entries: AuditRecord[];
    /** Length of the whole trail: the projection never moves backward. */
    seq: number;
    /** The view without its trail (the trail is in AuditEntry). */
    view: PurchaseView;
  }): Promise<void> {
    const { projectId, workflowId, entries, view, seq } = input;
    await db.$transaction(async (tx) => {
      const { workflowStartedAt, ...rest } = projection(view, seq);
      await tx.purchaseProject.updateMany({
        where: { id: projectId, viewSeq: { lte: seq } },
        data: rest,
      });
      await tx.purchaseProject.updateMany({
        where: { id: projectId, workflowStartedAt: null },
        data: { workflowStartedAt },
      });
      await sealAwardNotice(tx, issuer, projectId, view);
      // Last: the audit chain's lock is held from here to the commit (lib/audit.ts).
      await appendWorkflowAudit(tx, { type: 'purchase', id: projectId, workflowId }, entries);
    });
  };
}
