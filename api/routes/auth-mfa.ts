import { Router } from 'express';
import { z } from 'zod';
import type { Account } from '../../generated/prisma/client';
import { acceptedStep, enrolmentOf, newTotpSecret } from '../../lib/auth/totp';
import {
  acceptTotpCode,
  confirmMfaEnrolment,
  issueRecoveryCodes,
  redeemRecoveryCode,
  startMfaEnrolment,
} from '../../operations/account/second-factor';
import type { AppContext } from '../app';
import type { AuthedRequest } from '../auth/authenticate';
import { operate } from '../operations';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';
import { countFailure, refuseWhileHeld, signIn, ZSignedIn } from './auth';

const TAG = '登录';
const ZCode = z.object({ code: z.string().trim().min(6).max(40) });

/** The account behind the caller's session, and whether that session still waits for MFA. */
async function caller(
  deps: AppContext,
  req: AuthedRequest,
  allowed: ('full' | 'mfa_verify' | 'mfa_enrol')[],
) {
  const pending = req.pendingSession;
  const stage = req.session ? 'full' : pending?.stage;
  const sub = req.session?.sub ?? pending?.sub;
  if (!stage || !sub) throw new AppError('unauthenticated', '请先用用户名和密码登录');
  if (!allowed.includes(stage))
    throw new AppError(
      'conflict',
      stage === 'mfa_verify' ? '请输入动态验证码完成登录' : '请先绑定动态验证码',
    );
  const acc = await deps.db.account.findUniqueOrThrow({ where: { id: sub } });
  return { acc, stage, sid: req.session?.sid ?? (pending?.sid as string) };
}

/** Ten new one-time codes (the policy's number), stored hashed; the old ones stop working. */
async function renewRecoveryCodes(deps: AppContext, accountId: string): Promise<string[]> {
  const n = (await deps.security.policy.get()).mfa.recoveryCodes;
  return issueRecoveryCodes(deps.db, { accountId, n });
}

/** A TOTP code of the account's secret, accepted once: its step must be later than the last. */
function acceptTotp(deps: AppContext, acc: Account, code: string): Promise<boolean> {
  const secret = acc.mfaSecret ? deps.security.mfaBox.open(acc.mfaSecret) : null;
  return acceptTotpCode(deps.db, { accountId: acc.id, secret, code });
}

/** A wrong code counts towards the login throttle, like a wrong password, and is logged. */
async function wrongCode(deps: AppContext, req: AuthedRequest, acc: Account, during: string) {
  await countFailure(deps, req, 'mfa', acc.username);
  await deps.security.log(req, {
    kind: 'mfa_failed',
    outcome: 'failure',
    accountId: acc.id,
    username: acc.username,
    role: acc.role,
    details: { during },
  });
}

export function createAuthMfaRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db, security } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/mfa/enrolment',
      tag: TAG,
      summary: '开始绑定动态验证码（TOTP）：返回密钥、otpauth 链接和二维码',
      description:
        '登录后尚未绑定（须绑定时）或已登录且未绑定的账号可用；用身份验证器应用扫描二维码，再以一个验证码确认。',
      access: 'second-factor',
      response: {
        status: 200,
        description: '待确认的密钥',
        schema: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }),
      },
      problems: ['unauthenticated', 'conflict'],
    },
    async ({ req }) => {
      const { acc } = await caller(deps, req as AuthedRequest, ['full', 'mfa_enrol']);
      const secret = newTotpSecret();
      await operate(() =>
        startMfaEnrolment(db, { account: acc, sealedSecret: security.mfaBox.seal(secret) }),
      );
      return { secret, ...enrolmentOf(secret, deps.config.AUTHORITY_NAME, acc.username) };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/mfa/enrolment/confirm',
      tag: TAG,
      summary: '以一个动态验证码确认绑定；返回一次性恢复码（只显示这一次）',
      access: 'second-factor',
      body: ZCode,
      response: {
        status: 200,
        description: '已绑定；登录待绑定的会话换成完整会话',
        schema: z.object({
          recoveryCodes: z.array(z.string()),
          signedIn: ZSignedIn.nullable(),
        }),
      },
      problems: ['unauthenticated', 'conflict', 'unprocessable', 'too_many_requests'],
    },
    async ({ body, req, res }) => {
      const r = req as AuthedRequest;
      const { acc, stage, sid } = await caller(deps, r, ['full', 'mfa_enrol']);
      if (acc.mfaSecret) throw new AppError('conflict', '已绑定动态验证码');
      const pendingSecret = acc.mfaPendingSecret
        ? security.mfaBox.open(acc.mfaPendingSecret)
        : null;
      if (!pendingSecret) throw new AppError('conflict', '请先开始绑定，扫描二维码');
      await refuseWhileHeld(deps, r, acc.username);
      const step = acceptedStep(pendingSecret, body.code);
      if (step === null) {
        await wrongCode(deps, r, acc, 'enrolment');
        throw new AppError('unprocessable', '验证码不正确，请核对手机时间后重试', [
          { path: 'body.code', message: '验证码不正确' },
        ]);
      }
      const { account: enrolled, recoveryCodes } = await confirmMfaEnrolment(db, {
        account: acc,
        step,
        recoveryCodes: (await security.policy.get()).mfa.recoveryCodes,
      });
      await security.log(r, {
        kind: 'mfa_enrolled',
        outcome: 'success',
        accountId: acc.id,
        role: acc.role,
      });
      if (stage === 'full') return { recoveryCodes, signedIn: null };
      // A new session id once both factors are in (no fixation of the half-way one).
      await security.sessions.end(sid, 'mfa_completed');
      return { recoveryCodes, signedIn: await signIn(deps, r, res, enrolled, 'full') };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/mfa/verify',
      tag: TAG,
      summary: '输入动态验证码（或一个恢复码）完成登录',
      description: '每个验证码只能用一次；失败次数与密码错误一并计入登录限制。',
      access: 'second-factor',
      body: ZCode,
      response: { status: 200, description: '已登录', schema: ZSignedIn },
      problems: ['unauthenticated', 'conflict', 'too_many_requests'],
    },
    async ({ body, req, res }) => {
      const r = req as AuthedRequest;
      const { acc, sid } = await caller(deps, r, ['mfa_verify']);
      await refuseWhileHeld(deps, r, acc.username);
      const totp = await acceptTotp(deps, acc, body.code);
      const recovery =
        !totp && (await redeemRecoveryCode(db, { accountId: acc.id, code: body.code }));
      if (!totp && !recovery) {
        await wrongCode(deps, r, acc, 'sign-in');
        throw new AppError('unauthenticated', '验证码不正确或已使用过');
      }
      await security.throttle.succeed(acc.username);
      await security.sessions.end(sid, 'mfa_completed');
      const out = await signIn(deps, r, res, acc, 'full');
      await security.log(r, {
        kind: recovery ? 'mfa_recovery_code_used' : 'mfa_verified',
        outcome: 'success',
        accountId: acc.id,
        role: acc.role,
      });
      return out;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/auth/mfa/recovery-codes',
      tag: TAG,
      summary: '以一个动态验证码换发全部恢复码（旧恢复码作废）',
      access: 'signed-in',
      body: ZCode,
      response: {
        status: 200,
        description: '新的恢复码（只显示这一次）',
        schema: z.object({ recoveryCodes: z.array(z.string()) }),
      },
      problems: ['conflict', 'unprocessable', 'too_many_requests'],
    },
    async ({ body, req }) => {
      const r = req as AuthedRequest;
      const { acc } = await caller(deps, r, ['full']);
      if (!acc.mfaSecret) throw new AppError('conflict', '尚未绑定动态验证码');
      await refuseWhileHeld(deps, r, acc.username);
      if (!(await acceptTotp(deps, acc, body.code))) {
        await wrongCode(deps, r, acc, 'recovery-codes');
        throw new AppError('unprocessable', '验证码不正确或已使用过', [
          { path: 'body.code', message: '验证码不正确' },
        ]);
      }
      const recoveryCodes = await renewRecoveryCodes(deps, acc.id);
      await security.log(r, {
        kind: 'mfa_recovery_codes_renewed',
        outcome: 'success',
        accountId: acc.id,
        role: acc.role,
      });
      return { recoveryCodes };
    },
  );
  return router;
}
