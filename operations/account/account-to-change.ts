import type { Db } from '../../lib/db';
import { Refused } from '../refused';

/** The account an administrator changes: another one than their own (no one lifts their own limits). */
export async function accountToChange(db: Db, id: string, callerId: string | undefined) {
  const acc = await db.account.findUnique({ where: { id } });
  if (!acc) throw new Refused('not_found', '没有找到该账号');
  if (acc.id === callerId) throw new Refused('conflict', '不能变更本人账号的角色、状态或认证');
  return acc;
}
