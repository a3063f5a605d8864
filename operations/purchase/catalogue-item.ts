import type { Db } from '../../lib/db';
import { Refused } from '../refused';

/** The catalogue's audit subject: each item version has its own trail. */
export const CATALOGUE_SUBJECT = 'purchase_catalogue_item';

/** The item, or the change is refused as not found. */
export async function catalogueItemOrRefuse(db: Db, id: string) {
  const item = await db.purchaseCatalogueItem.findUnique({ where: { id } });
  if (!item) throw new Refused('not_found', '没有找到该目录项目');
  return item;
}
