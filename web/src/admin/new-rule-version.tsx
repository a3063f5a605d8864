import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { useLoad } from '../use-load';
import { key, type Path, type SchemaNode, setAt, settingLabelAt } from './policy-values';
import { PolicyForm } from './policy-form';
import type { Forms } from './rules-page';

interface PolicyFormData {
  process: string;
  title: string;
  schema: SchemaNode;
  ruleSet: { version: string; effectiveFrom: string } | null;
  policy: Record<string, unknown>;
}

/** A new version of one process's rules, as a form over its schema, from a chosen date. */
export function NewVersion({
  process,
  title,
  jurisdictions,
  onSaved,
}: {
  process: string;
  title: string;
  jurisdictions: Forms['jurisdictions'];
  onSaved: () => void;
}) {
  const data = useLoad(
    () => api.get<PolicyFormData>(`/api/admin/policy-forms/${process}`),
    `form-${process}`,
  );
  const [policy, setPolicy] = useState<Record<string, unknown> | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [bad, setBad] = useState<Record<string, string>>({});
  const [version, setVersion] = useState('');
  const [jurisdiction, setJurisdiction] = useState(jurisdictions.at(-1)?.code ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormState({ prefixes: ['body.policy.'] });

  useEffect(() => {
    if (data.data) setPolicy(data.data.policy);
  }, [data.data]);
  if (!data.data || !policy) return data.error ? <ProblemAlert error={data.error} /> : <Loading />;

  const dropTexts = (path: Path) =>
    setTexts((t) =>
      Object.fromEntries(
        Object.entries(t).filter(([k]) => k !== key(path) && !k.startsWith(`${key(path)}.`)),
      ),
    );
  const onValue = (path: Path, v: unknown) => {
    setPolicy((p) => setAt(p, path, v));
    dropTexts(path);
    setBad((b) => Object.fromEntries(Object.entries(b).filter(([k]) => !k.startsWith(key(path)))));
    form.clearField(key(path));
  };
  const onText: Parameters<typeof PolicyForm>[0]['onText'] = (path, text, parsed) => {
    setTexts((t) => ({ ...t, [key(path)]: text }));
    form.clearField(key(path));
    if (parsed.ok) {
      setPolicy((p) => setAt(p, path, parsed.value));
      setBad(({ [key(path)]: _, ...rest }) => rest);
    } else setBad((b) => ({ ...b, [key(path)]: parsed.message }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const found: Record<string, string> = { ...bad };
    if (!version.trim()) found.version = '请填写版本名称';
    if (!effectiveFrom) found.effectiveFrom = '请选择生效日期';
    if (!form.check(found)) return;
    const r = await form.submit(() =>
      api.post('/api/admin/rule-sets', {
        process,
        version: version.trim(),
        jurisdiction,
        effectiveFrom,
        policy,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (r) {
      setSaved(version.trim());
      setVersion('');
      onSaved();
    }
  };
  const errors = form.errors;
  const clientList = Object.entries(errors).filter(() => !form.problem);
  return (
    <Card title={`新增${title}规则版本`}>
      <form onSubmit={submit} noValidate>
        {saved && <Notice tone="ok">版本“{saved}”已新增。</Notice>}
        <p className="muted">
          下面已填好
          {data.data.ruleSet ? `今天生效的规则（${data.data.ruleSet.version}）` : '默认规则'}
          。改动需要调整的项目后保存，系统只记录与上级规则不同之处。
        </p>
        <div className="grid-3">
          <Field label="版本名称" required error={errors.version}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                value={version}
                onChange={(e) => setVersion(e.target.value)}
                placeholder="例如 钟楼区2027年规则"
              />
            )}
          </Field>
          <Field label="规则层级" required error={errors.jurisdiction}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={jurisdiction}
                onChange={(e) => setJurisdiction(e.target.value)}
              >
                {jurisdictions.map((j) => (
                  <option key={j.code} value={j.code}>
                    {j.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="生效日期" required error={errors.effectiveFrom}>
            {(id, d) => (
              <input
                id={id}
                type="date"
                aria-describedby={d}
                value={effectiveFrom}
                onChange={(e) => setEffectiveFrom(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label="说明（文件依据）" error={errors.note}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <PolicyForm
          process={process}
          schema={data.data.schema}
          value={policy}
          texts={texts}
          errors={{ ...bad, ...errors }}
          onValue={onValue}
          onText={onText}
        />
        {clientList.length > 0 && (
          <Notice tone="warn">
            <strong>请修改标出的内容后再保存：</strong>
            <ul>
              {clientList.map(([k, m]) => (
                <li key={k}>
                  {['version', 'effectiveFrom'].includes(k)
                    ? ''
                    : `${settingLabelAt(process, k)}：`}
                  {m}
                </li>
              ))}
            </ul>
          </Notice>
        )}
        <ProblemAlert error={form.problem} />
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setPolicy(data.data?.policy ?? null);
              setTexts({});
              setBad({});
              form.reset();
            }}
          >
            恢复为现行规则
          </button>
          <button type="submit" className="btn btn-primary" disabled={form.busy}>
            {form.busy ? '正在保存…' : '保存为新版本'}
          </button>
        </div>
      </form>
    </Card>
  );
}
