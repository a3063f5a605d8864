import type { Db, Prisma } from '../../lib/db';
import { type Actor, audited, type Tx } from '../audited';
import { Refused } from '../refused';

export type { Actor };

/** The organisation exists, or the change is refused as not found. */
export async function mustExist(db: Db, id: string): Promise<void> {
  const org = await db.organization.findUnique({ where: { id }, select: { id: true } });
  if (!org) throw new Refused('not_found', '组织不存在');
}

/**
 * One change to an organisation's profile: the write and its audit entry in one transaction
 * (STYLE §10). The caller guards first; `write` answers what the operation returns.
 */
export async function changeOrganization<T>(
  db: Db,
  change: {
    id: string;
    actor: Actor;
    action: string;
    reason?: string | null;
    now: Date;
    write: (tx: Tx) => Promise<{ value: T; details: Prisma.InputJsonObject }>;
  },
): Promise<T> {
  return audited(db, {
    subjectType: 'organization',
    subjectId: change.id,
    actor: change.actor,
    action: change.action,
    ...(change.reason === undefined ? {} : { reason: change.reason }),
    now: change.now,
    write: change.write,
  });
}

export const day = (d: string) => new Date(`${d}T00:00:00Z`);
