import type { Account } from '../../generated/prisma/client';
import { checkNewPassword } from '../../lib/password-strength';
import { Refused } from '../refused';

/** What the security policy asks of a new password, and the place names it may not contain. */
export interface PasswordRules {
  minLength: number;
  places: string[];
}

/** Refuses a password the policy does not accept for this person (422 naming `field`). */
export function refuseUnacceptablePassword(
  who: Pick<Account, 'username' | 'displayName' | 'email'>,
  password: string,
  field: string,
  rules: PasswordRules,
): void {
  const problems = checkNewPassword(
    password,
    {
      username: who.username,
      displayName: who.displayName,
      email: who.email,
      places: rules.places,
    },
    rules.minLength,
  );
  if (problems.length > 0)
    throw new Refused(
      'unprocessable',
      `密码不符合要求：${problems.join('；')}`,
      problems.map((message) => ({ path: field, message })),
    );
}
