import type { Account } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import { Refused } from '../refused';

/**
 * Gives an account another role; an account becoming an applicant without an organisation gets
 * a new one, in the same transaction. The caller ends its sessions and logs the change.
 */
export async function changeAccountRole(
  db: Db,
  input: { account: Account; role: Account['role']; organizationName?: string | undefined },
) {
  const { account: acc, role } = input;
  const keep = role === 'applicant' ? acc.organizationId : null;
  if (role === 'applicant' && !keep && !input.organizationName)
    throw new Refused('bad_request', '改为申请人须填写申请组织名称', [
      { path: 'body.organizationName', message: '必填' },
    ]);
  return db.$transaction(async (tx) => {
    const organizationId =
      role === 'applicant' && !keep
        ? (await tx.organization.create({ data: { name: input.organizationName as string } })).id
        : keep;
    return tx.account.update({ where: { id: acc.id }, data: { role, organizationId } });
  });
}
