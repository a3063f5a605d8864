import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { useFormState } from '../forms/use-form-state';
import { useLoad } from '../use-load';
import { PolicyForm } from './policy-form';
import {
  describeSettings,
  key,
  type Path,
  type SchemaNode,
  setAt,
  settingLabelAt,
} from './policy-values';

interface RuleSet {
  id: string;
  process: string;
  version: string;
  jurisdiction: string;
  effectiveFrom: string;
  settings: Record<string, unknown>;
  note: string | null;
}

interface Forms {
  processes: { process: string; title: string }[];
  jurisdictions: { code: string; label: string }[];
}

interface PolicyFormData {
  process: string;
  title: string;
  schema: SchemaNode;
  ruleSet: { version: string; effectiveFrom: string } | null;
  policy: Record<string, unknown>;
}

/**
 * Versioned rule sets (national → province → city → district), as forms: every process for the
 * system administrator, the security policy for the security administrator (the API offers each
 * only the processes it sets).
 */
export function RulesPage({ heading = '规则设置' }: { heading?: string }) {
  const forms = useLoad(() => api.get<Forms>('/api/admin/policy-forms'), 'forms');
  const sets = useLoad(() => api.get<{ items: RuleSet[] }>('/api/admin/rule-sets'), 'sets');
  const [chosen, setProcess] = useState<string | null>(null);
  const list = forms.data?.processes ?? [];
  const process = chosen ?? list[0]?.process ?? '';
  const title = list.find((p) => p.process === process)?.title ?? '';
  const names = Object.fromEntries((forms.data?.jurisdictions ?? []).map((j) => [j.code, j.label]));
  return (
    <div>
      <h1 className="page-title">{heading}</h1>
      <p className="muted">
        {list.length > 1
          ? '各项业务的期限、最低标准、分数线和比例都是规则设置'
          : `${list[0]?.title ?? heading}的各项数值都是规则设置`}
        ，按全国 → 省级 → 市级 →
        本区逐级叠加，按生效日期选用。已有版本不可修改；如需调整，请新增一个版本，只需改动与现行规则不同的项目。
      </p>
      <ProblemAlert error={forms.error ?? sets.error} />
      {list.length > 1 && (
        <div className="tabs" role="tablist" aria-label="业务">
          {list.map((p) => (
            <button
              key={p.process}
              type="button"
              role="tab"
              aria-selected={p.process === process}
              className={p.process === process ? 'tab active' : 'tab'}
              onClick={() => setProcess(p.process)}
            >
              {p.title}
            </button>
          ))}
        </div>
      )}
      <Card title={`${title}规则版本`}>
        {!sets.data ? (
          <Loading />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>版本</th>
                  <th>层级</th>
                  <th>生效日期</th>
                  <th>与上级不同的设置</th>
                </tr>
              </thead>
              <tbody>
                {sets.data.items
                  .filter((s) => s.process === process)
                  .map((s) => {
                    const lines = describeSettings(s.process, s.settings);
                    return (
                      <tr key={s.id}>
                        <td data-label="版本">
                          <div>
                            {s.version}
                            {s.note && <small className="muted block">{s.note}</small>}
                          </div>
                        </td>
                        <td data-label="层级">{names[s.jurisdiction] ?? s.jurisdiction}</td>
                        <td data-label="生效日期">{formatDate(s.effectiveFrom)}</td>
                        <td data-label="设置">
                          {lines.length === 0 ? (
                            <span className="muted">与上级相同</span>
                          ) : (
                            <ul className="plain settings-lines">
                              {lines.map(([k, v]) => (
                                <li key={k}>
                                  {k}：{v}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {forms.data && process && (
        <NewVersion
          key={process}
          process={process}
          title={title}
          jurisdictions={forms.data.jurisdictions}
          onSaved={sets.reload}
        />
      )}
    </div>
  );
}

function NewVersion({
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
