import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { Badge, Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { navigate } from '../router';
import { useLoad } from '../use-load';
import { PublicShell } from './public-shell';
import type { PublicDocument } from './types';

const TONE = { in_force: 'ok', not_in_force: 'bad', invalid: 'bad' } as const;

function Result({ r }: { r: PublicDocument }) {
  const d = r.document;
  return (
    <Card title="核验结果">
      <p className="verify-status">
        <Badge tone={TONE[r.status]}>{r.statusLabel}</Badge>{' '}
        {r.genuine ? '数字签章有效，文书由签发机关签发，内容未被改动。' : '数字签章无效。'}
      </p>
      {r.reason && <Notice tone={r.status === 'in_force' ? 'info' : 'warn'}>{r.reason}</Notice>}
      {d && (
        <dl className="facts">
          <dt>文书</dt>
          <dd>
            {d.title}（{d.kindLabel}）
          </dd>
          <dt>文号</dt>
          <dd>{d.docNo}</dd>
          <dt>持有人</dt>
          <dd>{d.holder}</dd>
          {d.creditCode && (
            <>
              <dt>统一社会信用代码</dt>
              <dd>{d.creditCode}</dd>
            </>
          )}
          {d.level && (
            <>
              <dt>评估等级</dt>
              <dd>{d.level}</dd>
            </>
          )}
          <dt>签发日期</dt>
          <dd>{formatDate(d.issuedOn)}</dd>
          {d.validTo && (
            <>
              <dt>有效期</dt>
              <dd>
                {formatDate(d.validFrom ?? d.issuedOn)} 至 {formatDate(d.validTo)}
              </dd>
            </>
          )}
          <dt>签发机关</dt>
          <dd>{d.authority}</dd>
        </dl>
      )}
      <p className="muted">
        核验时间：{formatDateTime(r.checkedAt)}。签章算法 {r.seal.algorithm}，密钥编号{' '}
        {r.seal.keyId}；可用签发机关公布的公钥离线核验。
      </p>
    </Card>
  );
}

function CodeForm({ initial }: { initial: string }) {
  const [code, setCode] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim();
    if (c) navigate(`/public/verify/${encodeURIComponent(c)}`);
  };
  return (
    <Card>
      <form onSubmit={submit} noValidate className="verify-form">
        <Field label="核验码" hint="文书二维码下方的 20 位核验码，可含短横线。">
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={code}
              autoComplete="off"
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary">
          核验
        </button>
      </form>
    </Card>
  );
}

function Lookup({ code }: { code: string }) {
  const r = useLoad(
    () => api.get<PublicDocument>(`/api/public/documents/${encodeURIComponent(code)}`),
    `public-document-${code}`,
  );
  return (
    <>
      <ProblemAlert error={r.error} />
      {r.data ? <Result r={r.data} /> : !r.error && <Loading text="正在核验…" />}
    </>
  );
}

/** 文书核验: whether a certificate, notice or decision is genuine and still in force. */
export function VerifyPage({ code }: { code?: string | undefined }) {
  return (
    <PublicShell title="文书真伪及效力核验">
      <p className="muted">
        扫描登记证书、评估等级证书、通知书或决定书上的二维码，或输入核验码，查询文书是否由本机关签发、是否仍然有效。
      </p>
      <CodeForm key={code ?? ''} initial={code ?? ''} />
      {code && <Lookup key={code} code={code} />}
    </PublicShell>
  );
}
