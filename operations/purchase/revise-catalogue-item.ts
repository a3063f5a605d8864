import type { CatalogueItemInput } from '../../domain/purchase/catalogue';
import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';
import { CATALOGUE_SUBJECT, catalogueItemOrRefuse } from './catalogue-item';

/** Revises the active version of an item: the new version takes its code, the old one retires. */
export async function reviseCatalogueItem(
  db: Db,
  input: { id: string; item: CatalogueItemInput; actor: Actor },
) {
  const { item, actor } = input;
  const prev = await catalogueItemOrRefuse(db, input.id);
  if (prev.status !== 'active') throw new Refused('conflict', '只能修订现行版本');
  if (item.code !== prev.code) throw new Refused('conflict', '修订不能改变目录编码');
  return audited(db, {
    subjectType: CATALOGUE_SUBJECT,
    actor,
    action: 'catalogue_item_revised',
    write: async (tx) => {
      await tx.purchaseCatalogueItem.update({
        where: { id: prev.id },
        data: {
          status: 'retired',
          activeCode: null,
          retiredAt: new Date(),
          retiredReason: `修订为第${prev.version + 1}版`,
        },
      });
      const row = await tx.purchaseCatalogueItem.create({
        data: {
          ...item,
          version: prev.version + 1,
          activeCode: item.code,
          previousId: prev.id,
          createdById: actor.id,
        },
      });
      return {
        value: row,
        subjectId: row.id,
        details: { code: row.code, version: row.version, previousId: prev.id },
      };
    },
  });
}
