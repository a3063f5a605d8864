import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { Card, Field, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { useSession } from '../session';
import { type Confirmed, RecoveryCodes, TotpEnrolment } from './totp-enrolment';

/** Every account's own security: the password, the dynamic code and its recovery codes. */
export function AccountSecurityPage() {
  const { account } = useSession();
  const [enrolled, setEnrolled] = useState<Confirmed | null>(null);
  const mfa = account?.mfaEnabled || enrolled !== null;
  return (
    <div>
      <h1 className="page-title">账号安全</h1>
      <div className="grid-2">
        <Card title="修改密码">
          <PasswordForm />
        </Card>
        <Card title="动态验证码（双因素认证）">
          {enrolled && enrolled.recoveryCodes.length > 0 ? (
            <RecoveryCodes
              codes={enrolled.recoveryCodes}
              onDone={() => setEnrolled({ ...enrolled, recoveryCodes: [] })}
            />
          ) : mfa ? (
            <>
              <Notice tone="ok">已绑定动态验证码。</Notice>
              <RenewRecoveryCodes />
            </>
          ) : (
            <TotpEnrolment onConfirmed={setEnrolled} />
          )}
        </Card>
      </div>
    </div>
  );
}

function PasswordForm() {
  const { signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const form = useFormState();
  const { busy, errors } = form;
  const error = form.problem;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed = await form.submit(async () => {
      await api.post('/api/auth/password', { currentPassword: current, newPassword: next });
      return true;
    });
    // Every session of the account has ended: sign in again with the new password.
    if (changed) await signOut();
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ProblemAlert error={error} fieldsShown />
      <Field label="当前密码" required error={errors.currentPassword}>
        {(id, d) => (
          <input
            id={id}
            type="password"
            autoComplete="current-password"
            value={current}
            aria-describedby={d}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="新密码"
        required
        error={errors.newPassword}
        hint="至少10位；不能是常见密码，不能包含用户名、姓名或本区、本机关的名称"
      >
        {(id, d) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            value={next}
            aria-describedby={d}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
      </Field>
      <p className="muted">修改后，本账号在所有设备上的登录都会结束，需要用新密码重新登录。</p>
      <button type="submit" className="btn btn-primary" disabled={busy || !current || !next}>
        {busy ? '正在修改…' : '修改密码'}
      </button>
    </form>
  );
}

function RenewRecoveryCodes() {
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useFormState();
  const error = form.problem;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await form.submit(() =>
      api.post<{ recoveryCodes: string[] }>('/api/auth/mfa/recovery-codes', { code: code.trim() }),
    );
    if (r) setCodes(r.recoveryCodes);
  };
  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="muted">
        恢复码用完或遗失时，可输入一个动态验证码换发一组新的（旧恢复码作废）。
      </p>
      <ProblemAlert error={error} />
      <Field label="动态验证码" required>
        {(id) => (
          <input
            id={id}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn btn-secondary" disabled={code.trim().length !== 6}>
        换发恢复码
      </button>
    </form>
  );
}
