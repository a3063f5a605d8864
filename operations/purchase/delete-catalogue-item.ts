import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';
import { CATALOGUE_SUBJECT, catalogueItemOrRefuse } from './catalogue-item';

/** Deletes an item entered by mistake: only one never used and without earlier versions. */
export async function deleteCatalogueItem(db: Db, input: { id: string; actor: Actor }) {
  const item = await catalogueItemOrRefuse(db, input.id);
  const used = await db.purchaseProject.count({ where: { catalogueItemId: item.id } });
  if (used > 0 || item.version > 1)
    throw new Refused('conflict', '该目录项目已被使用或有历史版本，只能停用，不能删除');
  await audited(db, {
    subjectType: CATALOGUE_SUBJECT,
    subjectId: item.id,
    actor: input.actor,
    action: 'catalogue_item_deleted',
    write: async (tx) => {
      await tx.purchaseCatalogueItem.delete({ where: { id: item.id } });
      return { value: undefined, details: { code: item.code, version: item.version } };
    },
  });
}
