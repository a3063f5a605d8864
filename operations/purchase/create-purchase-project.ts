import { localDateOf } from '../../domain/calendar';
import { type PurchaserKind, purchaserRefusal } from '../../domain/purchase/purchaser';
import type { PurchaseCatalogueItem, PurchaseProject } from '../../generated/prisma/client';
import { nextCounterIn } from '../../lib/counter';
import type { Db } from '../../lib/db';
import { loadPurchaseRules } from '../../lib/rules/load-purchase-rules';
import { Refused } from '../refused';

type PurchaseRules = Awaited<ReturnType<typeof loadPurchaseRules>>;

/**
 * The purchaser's need as a project (需求确定) from an active catalogue item, numbered
 * GMFW-<year>-<seq>, and its workflow started by `start`. No workflow, no project: if the start
 * fails the row is removed and the purchaser simply tries again. The workflow writes the
 * project's trail from its first step, so this writes no audit entry of its own.
 */
export async function createPurchaseProject(
  db: Db,
  input: {
    catalogueItemId: string;
    title: string;
    department: string;
    purchaserKind: PurchaserKind;
    budgetFen: number;
    budgetYear: number;
    districtCode: string;
    createdById: string;
    start: (
      project: PurchaseProject,
      item: PurchaseCatalogueItem,
      rules: PurchaseRules,
    ) => Promise<void>;
  },
): Promise<PurchaseProject> {
  const item = await db.purchaseCatalogueItem.findUnique({ where: { id: input.catalogueItemId } });
  if (!item) throw new Refused('unprocessable', '没有该目录项目');
  if (item.status !== 'active') throw new Refused('conflict', '该目录项目已停用，请选择现行版本');
  const rules = await loadPurchaseRules(db, input.districtCode, Date.now()).catch((e: Error) => {
    throw new Refused('conflict', `购买服务规则未配置：${e.message}`);
  });
  // §6.6 rule 1: only the kinds of body the rules allow may purchase services.
  const notAllowed = purchaserRefusal(input.purchaserKind, rules.policy.purchaser.allowedKinds);
  if (notAllowed)
    throw new Refused('unprocessable', notAllowed, [
      { path: 'body.purchaserKind', message: notAllowed },
    ]);
  const year = Number(localDateOf(Date.now()).slice(0, 4));
  const project = await db.$transaction(async (tx) => {
    const seq = await nextCounterIn(tx, `purchase-${year}`);
    const projectNo = `GMFW-${year}-${String(seq).padStart(4, '0')}`;
    const id = crypto.randomUUID();
    return tx.purchaseProject.create({
      data: {
        id,
        projectNo,
        ocid: `${rules.policy.ocds.ocidPrefix}-${input.districtCode}-${projectNo}`,
        workflowId: `purchase-${id}`,
        catalogueItemId: item.id,
        catalogueClass: item.catalogueClass,
        title: input.title,
        department: input.department,
        purchaserKind: input.purchaserKind,
        createdById: input.createdById,
        budgetFen: BigInt(input.budgetFen),
        budgetYear: input.budgetYear,
      },
    });
  });
  try {
    await input.start(project, item, rules);
  } catch (err) {
    await db.purchaseProject.delete({ where: { id: project.id } });
    throw err;
  }
  return project;
}
