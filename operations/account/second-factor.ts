import type { Account } from '../../generated/prisma/client';
import { acceptedStep, newRecoveryCode, normalizeRecoveryCode } from '../../lib/auth/totp';
import type { Db, Prisma } from '../../lib/db';
import { hashPassword, SCRYPT_FOR_RANDOM_SECRETS, verifyPassword } from '../../lib/password';
import { Refused } from '../refused';

/*
 * The second factor's state (issue 13): the pending secret while enrolling, the last accepted
 * TOTP step (a code is accepted once), the recovery codes (hashed, each used once). Secrets
 * arrive sealed and are opened by the caller, which holds the key.
 */

type Tx = Prisma.TransactionClient;

async function storeRecoveryCodes(tx: Tx, accountId: string, n: number): Promise<string[]> {
  const codes = Array.from({ length: n }, newRecoveryCode);
  const rows = await Promise.all(
    codes.map(async (code) => ({
      accountId,
      lookup: code.slice(0, 4),
      codeHash: await hashPassword(code, SCRYPT_FOR_RANDOM_SECRETS),
    })),
  );
  await tx.mfaRecoveryCode.deleteMany({ where: { accountId } });
  await tx.mfaRecoveryCode.createMany({ data: rows });
  return codes;
}

/** `n` new one-time codes, stored hashed; the old ones stop working. */
export async function issueRecoveryCodes(
  db: Db,
  input: { accountId: string; n: number },
): Promise<string[]> {
  return db.$transaction((tx) => storeRecoveryCodes(tx, input.accountId, input.n));
}

/** Keeps the sealed secret being enrolled until a code confirms it. */
export async function startMfaEnrolment(
  db: Db,
  input: { account: Account; sealedSecret: string },
): Promise<void> {
  if (input.account.mfaSecret)
    throw new Refused('conflict', '已绑定动态验证码；如需更换，请联系安全管理员重置');
  await db.account.update({
    where: { id: input.account.id },
    data: { mfaPendingSecret: input.sealedSecret },
  });
}

/** The pending secret becomes the account's, with the confirming code's step and new recovery codes. */
export async function confirmMfaEnrolment(
  db: Db,
  input: { account: Account; step: number; recoveryCodes: number },
): Promise<{ account: Account; recoveryCodes: string[] }> {
  const acc = input.account;
  return db.$transaction(async (tx) => {
    const account = await tx.account.update({
      where: { id: acc.id },
      data: {
        mfaSecret: acc.mfaPendingSecret,
        mfaPendingSecret: null,
        mfaEnabledAt: new Date(),
        mfaLastStep: input.step,
      },
    });
    return { account, recoveryCodes: await storeRecoveryCodes(tx, acc.id, input.recoveryCodes) };
  });
}

/** A TOTP code of the account's (opened) secret, accepted once: its step must be later than the last. */
export async function acceptTotpCode(
  db: Db,
  input: { accountId: string; secret: string | null; code: string },
): Promise<boolean> {
  const step = input.secret ? acceptedStep(input.secret, input.code) : null;
  if (step === null) return false;
  const r = await db.account.updateMany({
    where: { id: input.accountId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] },
    data: { mfaLastStep: step },
  });
  return r.count === 1;
}

/** A recovery code, used once. */
export async function redeemRecoveryCode(
  db: Db,
  input: { accountId: string; code: string },
): Promise<boolean> {
  const code = normalizeRecoveryCode(input.code);
  if (!code) return false;
  const candidates = await db.mfaRecoveryCode.findMany({
    where: { accountId: input.accountId, lookup: code.slice(0, 4), usedAt: null },
  });
  for (const c of candidates) {
    if (!(await verifyPassword(code, c.codeHash))) continue;
    const r = await db.mfaRecoveryCode.updateMany({
      where: { id: c.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    return r.count === 1;
  }
  return false;
}
