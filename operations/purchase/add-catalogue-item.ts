import type { CatalogueItemInput } from '../../domain/purchase/catalogue';
import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';
import { CATALOGUE_SUBJECT } from './catalogue-item';

/** Adds a new item to the 指导性目录 as its first version; a code in use is revised instead. */
export async function addCatalogueItem(db: Db, input: { item: CatalogueItemInput; actor: Actor }) {
  const { item, actor } = input;
  if (await db.purchaseCatalogueItem.findFirst({ where: { code: item.code } }))
    throw new Refused('conflict', `目录编码 ${item.code} 已存在，请修订该项目`);
  return audited(db, {
    subjectType: CATALOGUE_SUBJECT,
    actor,
    action: 'catalogue_item_added',
    write: async (tx) => {
      const row = await tx.purchaseCatalogueItem.create({
        data: { ...item, version: 1, activeCode: item.code, createdById: actor.id },
      });
      return { value: row, subjectId: row.id, details: { code: row.code, version: row.version } };
    },
  });
}
