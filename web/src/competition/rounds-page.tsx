import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { yuanToFen } from '../components/action-dialog';
import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Field, Loading, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { useFormState } from '../forms/use-form-state';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import type { Account } from '../types';
import { useLoad } from '../use-load';
import { STAGE_LABEL, yuan } from './labels';
import type { RoundSummary } from './types';

/** Every round, newest first; applicants see which ones take proposals now. */
export function RoundsPage() {
  const { account } = useSession();
  const [stage, setStage] = useState('');
  const filters = stage ? `stage=${stage}` : '';
  const { data, error, pager } = usePagedList<RoundSummary>('/api/competitions', filters);
  const admin = account?.role === 'administrator';
  const staff = admin || account?.role === 'reviewer' || account?.role === 'finance';
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">公益创投</h1>
        {admin && (
          <Link to="/competitions/new" className="btn btn-primary">
            新建创投轮次
          </Link>
        )}
      </div>
      <div className="filters">
        <select aria-label="阶段" value={stage} onChange={(e) => setStage(e.target.value)}>
          <option value="">全部阶段</option>
          {Object.entries(STAGE_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        {staff && <ExportLinks path="/api/competitions/export" filters={filters} />}
      </div>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.items.length === 0 ? (
        <Card>
          <Empty>目前没有创投轮次。</Empty>
        </Card>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>轮次</th>
                <th>阶段</th>
                <th>征集期</th>
                <th>预算</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id}>
                  <td data-label="轮次">
                    <Link to={`/competitions/${r.id}`}>{r.title}</Link>
                  </td>
                  <td data-label="阶段">
                    <Badge tone={r.stage === 'call_open' ? 'ok' : 'info'}>
                      {STAGE_LABEL[r.stage]}
                    </Badge>
                  </td>
                  <td data-label="征集期" className="nowrap">
                    {formatDate(r.callOpensAt)} 至 {formatDate(r.callClosesAt)}
                  </td>
                  <td data-label="预算">{yuan(r.budgetFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pager}
        </div>
      )}
    </div>
  );
}

const localInput = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** The administrator opens a round: title, call window, budget, caps and the two judge panels. */
/** The round's settings are named without their `settings.` prefix beside the fields. */
const SETTINGS_PREFIX = ['body.settings.'];

export function RoundFormPage() {
  const accounts = useLoad(
    () =>
      api.get<{ items: (Account & { active: boolean })[] }>(
        '/api/admin/accounts/lookup?role=judge',
      ),
    'accounts-judges',
  );
  const judges = (accounts.data?.items ?? []).filter((a) => a.role === 'judge' && a.active);
  const [f, setF] = useState({
    title: '',
    opens: localInput(new Date()),
    closes: localInput(new Date(Date.now() + 30 * 86_400_000)),
    budget: '2000000',
    cap: '200000',
    recordedCap: '30000',
    minPanel: '5',
    shortlist: '60',
  });
  const [allowRecorded, setAllowRecorded] = useState(false);
  const [first, setFirst] = useState<string[]>([]);
  const [roadshow, setRoadshow] = useState<string[]>([]);
  const form = useFormState({ prefixes: SETTINGS_PREFIX });
  const { busy, errors: errs } = form;
  const error = form.problem;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await form.submit(() =>
      api.post<{ id: string }>('/api/competitions', {
        title: f.title,
        callOpensAt: new Date(f.opens).toISOString(),
        callClosesAt: new Date(f.closes).toISOString(),
        judges: { first, roadshow },
        settings: {
          budgetFen: yuanToFen(f.budget),
          caps: {
            registeredFen: yuanToFen(f.cap),
            ...(allowRecorded ? { recordedFen: yuanToFen(f.recordedCap) } : {}),
          },
          allowRecorded,
          minPanelSize: Number(f.minPanel),
          shortlistSize: Number(f.shortlist),
        },
      }),
    );
    if (r) navigate(`/competitions/${r.id}`);
  };
  const picker = (label: string, value: string[], setValue: (v: string[]) => void, key: string) => (
    <fieldset className="person">
      <legend>{label}</legend>
      {judges.length === 0 && <p className="muted">还没有评审账号。</p>}
      {judges.map((j) => (
        <label key={j.id} className="check">
          <input
            type="checkbox"
            checked={value.includes(j.id)}
            onChange={(e) =>
              setValue(e.target.checked ? [...value, j.id] : value.filter((x) => x !== j.id))
            }
          />
          {j.displayName}
        </label>
      ))}
      {errs[key] && <small className="error">{errs[key]}</small>}
    </fieldset>
  );
  return (
    <div className="narrow">
      <h1 className="page-title">新建创投轮次</h1>
      <p className="muted">
        未填写的设置（评分标准、及格线、拨付比例、公示期等）按今天生效的创投规则执行，开赛后固定。
      </p>
      <form onSubmit={submit} noValidate>
        <Card title="基本信息">
          <Field label="轮次名称" required error={errs.title}>
            {(id) => <input id={id} value={f.title} onChange={set('title')} />}
          </Field>
          <div className="grid-2">
            <Field label="征集开始" required error={errs.callOpensAt}>
              {(id) => (
                <input id={id} type="datetime-local" value={f.opens} onChange={set('opens')} />
              )}
            </Field>
            <Field label="征集截止" required error={errs.callClosesAt}>
              {(id) => (
                <input id={id} type="datetime-local" value={f.closes} onChange={set('closes')} />
              )}
            </Field>
          </div>
          <div className="grid-2">
            <Field label="本轮预算（元）" required error={errs.budgetFen}>
              {(id) => (
                <input id={id} inputMode="decimal" value={f.budget} onChange={set('budget')} />
              )}
            </Field>
            <Field label="单个项目上限（元，已登记组织）" error={errs['caps.registeredFen']}>
              {(id) => <input id={id} inputMode="decimal" value={f.cap} onChange={set('cap')} />}
            </Field>
            <Field label="单个项目上限（元，备案组织）" error={errs['caps.recordedFen']}>
              {(id) => (
                <input
                  id={id}
                  inputMode="decimal"
                  value={f.recordedCap}
                  disabled={!allowRecorded}
                  onChange={set('recordedCap')}
                />
              )}
            </Field>
            <Field label="每个项目评审人数" error={errs.minPanelSize}>
              {(id) => (
                <input id={id} inputMode="numeric" value={f.minPanel} onChange={set('minPanel')} />
              )}
            </Field>
            <Field label="入围路演项目数" error={errs.shortlistSize}>
              {(id) => (
                <input
                  id={id}
                  inputMode="numeric"
                  value={f.shortlist}
                  onChange={set('shortlist')}
                />
              )}
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={allowRecorded}
              onChange={(e) => setAllowRecorded(e.target.checked)}
            />
            允许已备案的社区社会组织申报（按备案组织上限）
          </label>
        </Card>
        <Card title="评审专家">
          {!accounts.data ? <Loading /> : null}
          {picker('初评评审', first, setFirst, 'judges.first')}
          {picker('路演评审', roadshow, setRoadshow, 'judges.roadshow')}
        </Card>
        <ProblemAlert error={error} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '正在创建…' : '创建并开始征集'}
          </button>
        </div>
      </form>
    </div>
  );
}
