import type { z } from 'zod';
import type { CompetitionPolicy } from '../domain/competition/policy';
import { cataloguePath } from '../domain/purchase/catalogue';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db';
import {
  PURCHASE_STATUS_LABEL,
  type PurchaseStatus,
  type PurchaseView,
} from '../workflows/purchase/view-types';
import { FUNDING_LIST_PUBLIC_STAGES, fundingList } from './competition-funding-list';
import type { ZPublicCompetitions, ZPublicPurchases } from './schemas/public';

/**
 * The public lists (issue 15 point 6), read from the stored projections: what each stage makes
 * public and nothing more. A venture-philanthropy round's funding list once its publicity began
 * (organisation, project, amount: never the team or the bank account); a purchase from its
 * notice on, the winner only once the award is publicised, never who else responded.
 */

const yuan = (fen: bigint | number | null | undefined) => Number(fen ?? 0) / 100;

/** The round's category names (its settings are the policy it was opened with). */
function categoryNames(settings: unknown): Map<string, string> {
  const list = (settings as Partial<Pick<CompetitionPolicy, 'categories'>> | null)?.categories;
  return new Map((Array.isArray(list) ? list : []).map((c) => [c.code, c.name]));
}

export async function publicCompetitions(db: Db): Promise<z.infer<typeof ZPublicCompetitions>> {
  const rounds = await db.competitionRound.findMany({
    where: { stage: { in: FUNDING_LIST_PUBLIC_STAGES } },
    orderBy: { callOpensAt: 'desc' },
    take: 50,
  });
  const { proposals, names } = await fundingList(
    db,
    rounds.map((r) => r.id),
  );
  return {
    rounds: rounds.map((r) => {
      const categories = categoryNames(r.settings);
      return {
        id: r.id,
        title: r.title,
        stage: r.stage,
        underPublicity: r.stage === 'publicity',
        publicityEndsAt: r.publicityEndsAt?.toISOString() ?? null,
        items: proposals
          .filter((p) => p.roundId === r.id)
          .map((p) => ({
            title: p.title,
            category: categories.get(p.category) ?? p.category,
            organizationName: names.get(p.organizationId) ?? '',
            awardYuan: yuan(p.awardFen),
          })),
      };
    }),
  };
}

/** Statuses in which the purchase is public at all: from the notice on. */
const NOT_PUBLIC: PurchaseStatus[] = ['need_defined', 'planned'];
/** Statuses in which the award has been publicised. */
const AWARD_PUBLIC: PurchaseStatus[] = [
  'publicity',
  'awarded',
  'performing',
  'closed',
  'terminated',
];

export async function publicPurchases(
  db: Db,
  config: Pick<Config, 'publicUrl'>,
): Promise<z.infer<typeof ZPublicPurchases>> {
  const rows = await db.purchaseProject.findMany({
    where: { status: { notIn: NOT_PUBLIC } },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  return {
    items: rows.map((p) => {
      const v = p.view as unknown as Partial<PurchaseView> | null;
      const status = p.status as PurchaseStatus;
      const a = v?.award;
      const c = v?.contract;
      return {
        id: p.id,
        projectNo: p.projectNo,
        title: p.title,
        department: p.department,
        catalogue: v?.item ? cataloguePath(v.item) : p.catalogueClass,
        statusLabel: PURCHASE_STATUS_LABEL[status] ?? p.status,
        methodLabel: v?.procurement?.methodLabel ?? null,
        budgetYuan: yuan(p.budgetFen),
        notice: v?.notice
          ? {
              publishedAt: v.notice.publishedAt,
              closesAt: v.notice.closesAt,
              requirements: v.notice.requirements,
            }
          : null,
        award:
          a && AWARD_PUBLIC.includes(status)
            ? {
                supplierName: a.name,
                creditCode: a.creditCode,
                amountYuan: yuan(a.amountFen),
                decidedAt: a.decidedAt,
                publicityEndsAt: v?.publicity?.endsAt ?? null,
              }
            : null,
        contract: c
          ? {
              signedAt: c.signedAt,
              amountYuan: yuan(c.amountFen),
              startDate: c.startDate,
              endDate: c.endDate,
            }
          : null,
        ocdsUrl: `${config.publicUrl}/api/purchases/${p.id}/ocds`,
      };
    }),
  };
}
