import type { Db } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';
import { CATALOGUE_SUBJECT, catalogueItemOrRefuse } from './catalogue-item';

/** Retires the active version of an item (an item used by projects is retired, never deleted). */
export async function retireCatalogueItem(
  db: Db,
  input: { id: string; reason: string; actor: Actor },
) {
  const item = await catalogueItemOrRefuse(db, input.id);
  if (item.status !== 'active') throw new Refused('conflict', '该目录项目已停用');
  return audited(db, {
    subjectType: CATALOGUE_SUBJECT,
    subjectId: item.id,
    actor: input.actor,
    action: 'catalogue_item_retired',
    reason: input.reason,
    write: async (tx) => {
      const row = await tx.purchaseCatalogueItem.update({
        where: { id: item.id },
        data: {
          status: 'retired',
          activeCode: null,
          retiredAt: new Date(),
          retiredReason: input.reason,
        },
      });
      return { value: row, details: { code: row.code, version: row.version } };
    },
  });
}
