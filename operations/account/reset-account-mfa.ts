import type { Db } from '../../lib/db';

/** Clears an account's second factor and recovery codes: it enrols again at its next sign-in. */
export async function resetAccountMfa(db: Db, input: { accountId: string }) {
  const [updated] = await db.$transaction([
    db.account.update({
      where: { id: input.accountId },
      data: { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null },
    }),
    db.mfaRecoveryCode.deleteMany({ where: { accountId: input.accountId } }),
  ]);
  return updated;
}
