import { useState } from 'react';
import { api } from '../api';
import { Card, Loading, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { useLoad } from '../use-load';
import { NewVersion } from './new-rule-version';
import { describeSettings } from './policy-values';

interface RuleSet {
  id: string;
  process: string;
  version: string;
  jurisdiction: string;
  effectiveFrom: string;
  settings: Record<string, unknown>;
  note: string | null;
}

export interface Forms {
  processes: { process: string; title: string }[];
  jurisdictions: { code: string; label: string }[];
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
