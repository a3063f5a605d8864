import type { Db } from '../../lib/db';
import { Prisma } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

/** A task key is `<process>:<kind>:<subject id>`: the claim's trail is the subject's. */
const subjectOf = (key: string) => key.split(':')[2] as string;

/** Claims a shared task for the caller; of two people at once, the first one holds it. */
export async function claimTask(db: Db, input: { taskKey: string; actor: Actor; at: Date }) {
  try {
    await audited(db, {
      subjectType: 'task_claim',
      subjectId: subjectOf(input.taskKey),
      actor: input.actor,
      action: 'task_claimed',
      now: input.at,
      write: async (tx) => {
        await tx.taskClaim.create({
          data: { taskKey: input.taskKey, accountId: input.actor.id, claimedAt: input.at },
        });
        return { value: undefined, details: { taskKey: input.taskKey } };
      },
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
      throw new Refused('conflict', '该事项刚刚已由其他人员认领');
    throw e;
  }
}

/**
 * Releases a claim: the holder's own, or anyone's by the administrator (revoked). Only claims
 * the caller may release are known to them.
 */
export async function releaseTask(
  db: Db,
  input: { taskKey: string; actor: Actor; mayRevoke: boolean },
): Promise<void> {
  const claim = await db.taskClaim.findUnique({ where: { taskKey: input.taskKey } });
  if (!claim || (claim.accountId !== input.actor.id && !input.mayRevoke))
    throw new Refused('not_found', '您没有认领该事项');
  await audited(db, {
    subjectType: 'task_claim',
    subjectId: subjectOf(input.taskKey),
    actor: input.actor,
    action: claim.accountId === input.actor.id ? 'task_released' : 'task_claim_revoked',
    write: async (tx) => {
      const gone = await tx.taskClaim.deleteMany({
        where: { taskKey: input.taskKey, accountId: claim.accountId },
      });
      if (gone.count === 0) throw new Refused('conflict', '该认领已经释放');
      return { value: undefined, details: { taskKey: input.taskKey, holderId: claim.accountId } };
    },
  });
}
