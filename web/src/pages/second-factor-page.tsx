import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { Field, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { type Confirmed, RecoveryCodes, TotpEnrolment } from '../security/totp-enrolment';
import { type PendingSignIn, useSession } from '../session';
import type { SignedIn } from '../types';

/** After the password: the dynamic code (or a recovery code), or binding the app first. */
export function SecondFactorPage({ pending }: { pending: PendingSignIn }) {
  const { completeSignIn, signOut, info } = useSession();
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  return (
    <div className="login-wrap login-single">
      <div className="login-brand">
        <div className="emblem" aria-hidden="true">
          民
        </div>
        <div>
          <p className="brand-org">{info?.authorityName ?? '常州市钟楼区民政局'}</p>
          <h1>双因素认证</h1>
          <p className="brand-sub">
            <span>{pending.account.displayName}</span>
            <span>{pending.account.roleLabel}</span>
          </p>
        </div>
      </div>
      <section className="card login-card" aria-label="双因素认证">
        {confirmed ? (
          <RecoveryCodes
            codes={confirmed.recoveryCodes}
            onDone={() => confirmed.signedIn && completeSignIn(confirmed.signedIn)}
          />
        ) : pending.stage === 'enrol' ? (
          <>
            <h2 className="side-title">绑定动态验证码</h2>
            <p className="muted">
              本系统要求工作人员使用密码和手机动态验证码两种方式登录（等级保护要求）。
            </p>
            <TotpEnrolment onConfirmed={setConfirmed} />
          </>
        ) : (
          <VerifyForm onSignedIn={completeSignIn} />
        )}
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => void signOut()}
        >
          返回登录
        </button>
      </section>
    </div>
  );
}

function VerifyForm({ onSignedIn }: { onSignedIn: (r: SignedIn) => void }) {
  const [code, setCode] = useState('');
  const form = useFormState();
  const { busy } = form;
  const error = form.problem;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await form.submit(() =>
      api.post<SignedIn>('/api/auth/mfa/verify', { code: code.trim() }),
    );
    if (r) onSignedIn(r);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h2 className="side-title">输入动态验证码</h2>
      <ProblemAlert error={error} />
      <Field
        label="验证码"
        required
        hint="身份验证器应用显示的 6 位数字；手机不在身边时，可输入一个恢复码"
      >
        {(id, d) => (
          <input
            id={id}
            name="code"
            autoComplete="one-time-code"
            maxLength={24}
            value={code}
            aria-describedby={d}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={busy || code.trim().length < 6}
      >
        {busy ? '正在验证…' : '验证并登录'}
      </button>
    </form>
  );
}
