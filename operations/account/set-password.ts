import type { Account } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { type PasswordRules, refuseUnacceptablePassword } from './password-rules';

/** Checks a new password against the policy and stores its hash (the caller ends sessions). */
export async function setPassword(
  db: Db,
  input: {
    account: Pick<Account, 'id' | 'username' | 'displayName' | 'email'>;
    password: string;
    field: string;
    rules: PasswordRules;
  },
): Promise<void> {
  refuseUnacceptablePassword(input.account, input.password, input.field, input.rules);
  await db.account.update({
    where: { id: input.account.id },
    data: { passwordHash: await hashPassword(input.password), passwordChangedAt: new Date() },
  });
}

/** Stores a correct password's hash again with today's parameters (at sign-in). */
export async function rehashPassword(db: Db, input: { accountId: string; password: string }) {
  return db.account.update({
    where: { id: input.accountId },
    data: { passwordHash: await hashPassword(input.password) },
  });
}
