import type { Account } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { Refused } from '../refused';
import { type PasswordRules, refuseUnacceptablePassword } from './password-rules';

/**
 * A new account; an applicant's comes with its applying organisation, both in one transaction.
 * The trail of account changes is the security log, which the caller writes after the commit
 * with the request's address (it never turns a change into an error).
 */
export async function createAccount(
  db: Db,
  input: {
    username: string;
    displayName: string;
    email: string;
    role: Account['role'];
    password: string;
    organizationName?: string | undefined;
    rules: PasswordRules;
  },
) {
  if (input.role === 'applicant' && !input.organizationName)
    throw new Refused('bad_request', '申请人账号须填写申请组织名称', [
      { path: 'body.organizationName', message: '必填' },
    ]);
  if (await db.account.findUnique({ where: { username: input.username } }))
    throw new Refused('conflict', `用户名 ${input.username} 已被使用`);
  const fields = { username: input.username, displayName: input.displayName, email: input.email };
  refuseUnacceptablePassword(fields, input.password, 'body.password', input.rules);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const org =
      input.role === 'applicant' && input.organizationName
        ? await tx.organization.create({ data: { name: input.organizationName } })
        : null;
    return tx.account.create({
      data: { ...fields, role: input.role, organizationId: org?.id ?? null, passwordHash },
    });
  });
}
