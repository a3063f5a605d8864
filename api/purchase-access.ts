import type { PurchaseProject } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import type { PurchaseView } from '../workflows/purchase/view-types';
import type { Session } from './auth/session';
import { isSeated } from './evaluator-seats';
import { AppError, hiddenFrom } from './problem';

/** Bureau-side roles that see every project. */
const OFFICIALS = new Set(['purchaser', 'finance', 'administrator']);

/** Who reads projects: officials all, experts and applicants those they take part in. */
export const PURCHASE_READERS = [
  'purchaser',
  'finance',
  'administrator',
  'evaluator',
  'applicant',
] as const;

/**
 * Object-level access: purchasers, finance and administrators see every project; an expert
 * only projects whose panel holds them or whose performance evaluation they are seated on; an
 * undertaker only projects it responded to. Others answer 404, so a project's existence does
 * not leak. An open notice is public through the announcements, not through this object.
 */
export async function purchaseFor(
  db: Db,
  id: string,
  session: Session,
  opts: { allowOpenNotice?: boolean } = {},
): Promise<PurchaseProject> {
  const p = await db.purchaseProject.findUnique({ where: { id } });
  if (!p) throw new AppError('not_found', '没有找到该购买服务项目');
  if (OFFICIALS.has(session.role)) return p;
  if (session.role === 'evaluator' && p.expertIds.includes(session.sub)) return p;
  if (session.role === 'evaluator' && (await isSeated(db, 'purchase', id, session.sub))) return p;
  if (session.role === 'applicant' && session.org) {
    if (p.respondentOrgIds.includes(session.org)) return p;
    if (opts.allowOpenNotice && p.status === 'tendering') return p;
  }
  throw hiddenFrom('没有找到该购买服务项目');
}

/** What an undertaker may read: its own response, not its competitors' prices and proposals. */
export function viewFor(view: PurchaseView, session: Session): PurchaseView {
  // Warnings about the bureau's own set-up (placeholders, missing thresholds) are for staff.
  if (session.role === 'evaluator') return { ...view, warnings: [] };
  if (session.role !== 'applicant') return view;
  const own = (orgId: string) => orgId === session.org;
  return {
    ...view,
    responses: view.responses.filter((r) => own(r.organizationId)),
    panel: [],
    ranking:
      view.status === 'publicity' || view.award
        ? view.ranking.map((r) => (own(r.organizationId) ? r : { ...r, priceFen: 0 }))
        : [],
    challenges: view.challenges.filter((c) => own(c.organizationId)),
    trail: [],
    warnings: [],
  };
}
