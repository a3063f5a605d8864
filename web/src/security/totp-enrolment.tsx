import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { Field, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import type { SignedIn } from '../types';

interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

export interface Confirmed {
  recoveryCodes: string[];
  signedIn: SignedIn | null;
}

/** Binding an authenticator app: the QR code (and the key to type), then one code to confirm. */
export function TotpEnrolment({ onConfirmed }: { onConfirmed: (c: Confirmed) => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const form = useFormState();
  const { busy, errors } = form;
  const error = form.problem;

  const start = async () => {
    const r = await form.submit(() => api.post<Enrolment>('/api/auth/mfa/enrolment'));
    if (r) setEnrolment(r);
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    const r = await form.submit(() =>
      api.post<Confirmed>('/api/auth/mfa/enrolment/confirm', { code: code.trim() }),
    );
    if (r) onConfirmed(r);
  };

  if (!enrolment)
    return (
      <div className="stack">
        <p>
          请在手机上安装支持 TOTP 的身份验证器应用（如 Microsoft Authenticator、Google
          Authenticator、 FreeOTP 或政务 App 自带的动态口令），然后点击下面的按钮。
        </p>
        <ProblemAlert error={error} />
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void start()}
          disabled={busy}
        >
          {busy ? '正在生成…' : '开始绑定'}
        </button>
      </div>
    );
  return (
    <form className="stack" onSubmit={confirm} noValidate>
      <p>用身份验证器应用扫描二维码；无法扫描时，手动输入下面的密钥（基于时间，30 秒）。</p>
      <img
        className="totp-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt="绑定动态验证码的二维码"
        width={200}
        height={200}
      />
      <p>
        密钥：
        <code className="totp-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <ProblemAlert error={error} fieldsShown />
      <Field label="应用显示的 6 位验证码" required error={errors.code}>
        {(id, d) => (
          <input
            id={id}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            aria-describedby={d}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary" disabled={busy || code.trim().length !== 6}>
        {busy ? '正在确认…' : '确认绑定'}
      </button>
    </form>
  );
}

/** One-time recovery codes, shown once after they are issued. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="stack">
      <Notice tone="warn">
        下面是 {codes.length}{' '}
        个一次性恢复码，只显示这一次。请抄写或打印后妥善保存：手机丢失时，每个恢复码可代替动态验证码登录一次。
      </Notice>
      <ol className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-primary" onClick={onDone}>
        我已保存恢复码
      </button>
    </div>
  );
}
