import { useState } from 'react';
import { api } from '../api';
import { ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';

interface Result {
  available: boolean;
  findings: { code: string; message: string; legalBasis: string }[];
  exact: { name: string; status: string }[];
  similar: { name: string; status: string }[];
}

/** 名称预先核准: naming rules and names in the district that are the same or confusingly similar. */
export function NameCheck({ name, legalForm }: { name: string; legalForm: string }) {
  const [result, setResult] = useState<Result | null>(null);
  const form = useFormState();
  const { busy } = form;
  const error = form.problem;
  const check = async () => {
    const q = new URLSearchParams({ name: name.trim(), legalForm });
    const r = await form.submit(() => api.get<Result>(`/api/name-check?${q}`));
    if (r) setResult(r);
  };
  return (
    <div className="name-check">
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        disabled={busy || !name.trim()}
        onClick={check}
      >
        {busy ? '正在检查…' : '检查名称是否可用'}
      </button>
      <ProblemAlert error={error} />
      {result && (
        <div className={`alert ${result.available ? 'alert-ok' : 'alert-warn'}`} aria-live="polite">
          {result.available ? (
            <strong>名称可以使用：符合命名规则，本区没有相同或近似的名称。</strong>
          ) : (
            <>
              <strong>名称可能无法使用：</strong>
              <ul>
                {result.findings.map((x) => (
                  <li key={x.code}>
                    {x.message}
                    <small className="muted">（{x.legalBasis}）</small>
                  </li>
                ))}
                {result.exact.map((x) => (
                  <li key={`e-${x.name}`}>
                    与“{x.name}”相同（{x.status}）
                  </li>
                ))}
                {result.similar.map((x) => (
                  <li key={`s-${x.name}`}>
                    与“{x.name}”近似（{x.status}）
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
