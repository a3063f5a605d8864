import type { Db } from '../../lib/db';

/** Deactivates or reactivates an account (the caller ends its sessions and logs the change). */
export async function setAccountActive(db: Db, input: { accountId: string; active: boolean }) {
  return db.account.update({ where: { id: input.accountId }, data: { active: input.active } });
}
