import type { Db } from '../../lib/db';

/** After a lapsed 1998 preparation stage the founders may not apply again for a while (§1.2). */
export function makeBarReapplication(db: Db) {
  return async function barReapplication(input: {
    organizationId: string;
    until: number;
  }): Promise<void> {
    await db.organization.update({
      where: { id: input.organizationId },
      data: { reapplicationBarredUntil: new Date(input.until) },
    });
  };
}
