import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api';
import { Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { POLICY_LABELS } from './policy-labels';

interface RuleSet {
  id: string;
  process: string;
  version: string;
  jurisdiction: string;
  effectiveFrom: string;
  settings: Record<string, unknown>;
  note: string | null;
}

interface Policy {
  ruleSet: { version: string; layers?: unknown } & Record<string, unknown>;
  policy: Record<string, unknown>;
  calendarYears: string[];
}

/** Flattens the merged policy into 'limits.intake: 5 workingDays' lines people can scan. */
function flatten(o: unknown, prefix = ''): [string, string][] {
  if (o && typeof o === 'object' && !Array.isArray(o)) {
    const entries = Object.entries(o as Record<string, unknown>);
    if (entries.length === 2 && 'amount' in (o as object) && 'unit' in (o as object)) {
      const d = o as { amount: number; unit: string };
      const unit: Record<string, string> = {
        workingDays: '个工作日',
        calendarDays: '日',
        months: '个月',
        hours: '小时',
        minutes: '分钟',
        seconds: '秒',
      };
      return [[prefix, `${d.amount}${unit[d.unit] ?? d.unit}`]];
    }
    return entries.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, Array.isArray(o) ? o.map(describeItem).join('、') : String(o)]];
}

/** A list item in words: a grade line (5A 951分起), an indicator (基础条件 100分), or its values. */
function describeItem(x: unknown): string {
  if (!x || typeof x !== 'object') return String(x);
  const r = x as Record<string, unknown>;
  if (typeof r.level === 'number' && typeof r.min === 'number') return `${r.level}A ${r.min}分起`;
  if (typeof r.name === 'string' && typeof r.max === 'number') return `${r.name} ${r.max}分`;
  return Object.values(r).map(String).join(' ');
}

/** The processes whose rules an administrator versions, as the rule sets name them. */
const PROCESSES = {
  registration: '登记',
  evaluation: '等级评估',
  competition: '公益创投',
  purchase: '政府购买服务',
} as const;
type Process = keyof typeof PROCESSES;

/** Versioned rule sets (national → province → city → district) and the one in force today. */
export function RulesPage() {
  const { info } = useSession();
  const [process, setProcess] = useState<Process>('registration');
  const sets = useLoad(() => api.get<{ items: RuleSet[] }>('/api/admin/rule-sets'), 'sets');
  const policy = useLoad(() => api.get<Policy>(`/api/policy/${process}`), `policy-${process}`);
  const [version, setVersion] = useState('');
  const [jurisdiction, setJurisdiction] = useState(info?.districtCode ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [settings, setSettings] = useState('{\n  "limits": {}\n}');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setErrors({});
    setSaved(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(settings);
    } catch {
      setErrors({
        settings:
          '设置须为 JSON 格式，例如 {"limits": {"intake": {"amount": 5, "unit": "workingDays"}}}',
      });
      return;
    }
    try {
      await api.post('/api/admin/rule-sets', {
        process,
        version: version.trim(),
        jurisdiction: jurisdiction.trim(),
        effectiveFrom,
        settings: parsed,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setSaved(version.trim());
      sets.reload();
      policy.reload();
    } catch (err) {
      setError(err);
      const byField = fieldErrors(err);
      const settingsErr = Object.entries(byField).filter(([k]) => k.startsWith('settings'));
      setErrors({
        ...byField,
        ...(settingsErr.length
          ? { settings: settingsErr.map(([k, v]) => `${k}：${v}`).join('；') }
          : {}),
      });
    }
  };

  return (
    <div>
      <h1 className="page-title">规则设置</h1>
      <p className="muted">
        登记、等级评估、公益创投和政府购买服务的期限、标准和数额等都是规则设置，按国家 → 江苏省 →
        常州市 → 本区逐级叠加，按生效日期选用。已有版本不可修改，如需调整请新增版本。
      </p>
      <Field label="事项">
        {(id) => (
          <select id={id} value={process} onChange={(e) => setProcess(e.target.value as Process)}>
            {Object.entries(PROCESSES).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Card title={`今天生效的${PROCESSES[process]}规则`}>
        {!policy.data ? (
          <Loading />
        ) : (
          <>
            <p className="muted">
              已载入节假日的年度：{policy.data.calendarYears.join('、') || '无'}
            </p>
            <details className="policy-details">
              <summary>查看全部 {flatten(policy.data.policy).length} 项设置</summary>
              <dl className="summary summary-compact policy-list">
                {flatten(policy.data.policy).map(([k, v]) => (
                  <div key={k} className="summary-row">
                    <dt>
                      {POLICY_LABELS[process]?.[k] ?? k}
                      <small className="mono muted block">{k}</small>
                    </dt>
                    <dd>
                      {v === 'true' ? '是' : v === 'false' ? '否' : v === 'null' ? '不设' : v}
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          </>
        )}
      </Card>
      <Card title="规则版本">
        <ProblemAlert error={sets.error} />
        {!sets.data ? (
          <Loading />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>版本</th>
                  <th>行政区划</th>
                  <th>生效日期</th>
                  <th>与上级不同的设置</th>
                </tr>
              </thead>
              <tbody>
                {sets.data.items
                  .filter((s) => s.process === process)
                  .map((s) => (
                    <tr key={s.id}>
                      <td data-label="版本">
                        {s.version}
                        {s.note && <small className="muted block">{s.note}</small>}
                      </td>
                      <td data-label="行政区划" className="mono">
                        {s.jurisdiction}
                      </td>
                      <td data-label="生效日期">{formatDate(s.effectiveFrom)}</td>
                      <td data-label="设置">
                        <code className="settings-code">{JSON.stringify(s.settings)}</code>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="新增规则版本">
        <form onSubmit={submit} noValidate>
          {saved && <Notice tone="ok">版本 {saved} 已新增。</Notice>}
          <ProblemAlert error={Object.keys(errors).length ? null : error} />
          <div className="grid-3">
            <Field label="版本名称" required error={errors.version}>
              {(id) => (
                <input
                  id={id}
                  value={version}
                  onChange={(e) => setVersion(e.target.value)}
                  placeholder="例如 钟楼区2027"
                />
              )}
            </Field>
            <Field label="行政区划代码" required error={errors.jurisdiction}>
              {(id) => (
                <input
                  id={id}
                  value={jurisdiction}
                  onChange={(e) => setJurisdiction(e.target.value)}
                />
              )}
            </Field>
            <Field label="生效日期" required error={errors.effectiveFrom}>
              {(id) => (
                <input
                  id={id}
                  type="date"
                  value={effectiveFrom}
                  onChange={(e) => setEffectiveFrom(e.target.value)}
                />
              )}
            </Field>
          </div>
          <Field label="设置（JSON，只写与上级规则不同的项）" required error={errors.settings}>
            {(id) => (
              <textarea
                id={id}
                className="mono"
                rows={6}
                value={settings}
                onChange={(e) => setSettings(e.target.value)}
              />
            )}
          </Field>
          <Field label="说明（文件依据）" error={errors.note}>
            {(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              新增版本
            </button>
          </div>
        </form>
      </Card>
    </div>
  );
}
