import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { usePagedList } from '../components/pager';
import { Card, Empty, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { useSession } from '../session';
import type { CommunityRecord } from './types';

interface OrgRow {
  id: string;
  name: string;
  creditCode: string | null;
  status: string;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The administrator finds an unregistered organisation and puts it on record. */
function RecordForm({ onDone }: { onDone: () => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<OrgRow[] | null>(null);
  const [org, setOrg] = useState<OrgRow | null>(null);
  const [recordNo, setRecordNo] = useState('');
  const [recordedOn, setRecordedOn] = useState(today);
  const [done, setDone] = useState<string | null>(null);
  const form = useFormState();
  const { busy, errors: errs } = form;
  const error = form.problem;

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams({ status: 'forming', pageSize: '20' });
    if (q.trim()) p.set('q', q.trim());
    const r = await form.submit(() => api.get<{ items: OrgRow[] }>(`/api/organizations?${p}`));
    if (r) setFound(r.items);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!org) return;
    setDone(null);
    const sent = await form.submit(async () => {
      await api.post('/api/community-records', { organizationId: org.id, recordNo, recordedOn });
      return true;
    });
    if (!sent) return;
    setDone(`${org.name}已备案，备案编号 ${recordNo}。`);
    setOrg(null);
    setRecordNo('');
    onDone();
  };
  return (
    <Card title="登记备案">
      <p className="muted">
        未依法登记、由街道（社区）备案管理的社区社会组织，备案后可按本轮对备案组织的上限申报创投项目（须本轮允许备案组织申报）。
      </p>
      <form className="filters" onSubmit={search}>
        <input
          aria-label="组织名称或统一社会信用代码"
          placeholder="组织名称或统一社会信用代码"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="btn btn-secondary">
          查找未登记组织
        </button>
      </form>
      {found && found.length === 0 && <Empty>没有找到未登记的组织。</Empty>}
      {found && found.length > 0 && (
        <fieldset className="person">
          <legend>选择组织</legend>
          {found.map((o) => (
            <label key={o.id} className="check">
              <input
                type="radio"
                name="org"
                checked={org?.id === o.id}
                onChange={() => setOrg(o)}
              />
              {o.name}
            </label>
          ))}
        </fieldset>
      )}
      {org && (
        <form onSubmit={submit} noValidate>
          <p>
            备案组织：<strong>{org.name}</strong>
          </p>
          <div className="grid-2">
            <Field label="备案编号" required error={errs.recordNo}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  value={recordNo}
                  onChange={(e) => setRecordNo(e.target.value)}
                />
              )}
            </Field>
            <Field label="备案日期" required error={errs.recordedOn}>
              {(id, d) => (
                <input
                  id={id}
                  type="date"
                  aria-describedby={d}
                  value={recordedOn}
                  onChange={(e) => setRecordedOn(e.target.value)}
                />
              )}
            </Field>
          </div>
          <ProblemAlert error={error} fieldsShown={Boolean(errs.recordNo || errs.recordedOn)} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? '正在备案…' : '确认备案'}
            </button>
          </div>
        </form>
      )}
      {!org && <ProblemAlert error={error} />}
      {done && <Notice tone="ok">{done}</Notice>}
    </Card>
  );
}

/** 社区社会组织备案: the records (administrator and reviewers), and recording one (administrator). */
export function CommunityRecordsPage() {
  const { account } = useSession();
  const { data, error, reload, pager } = usePagedList<CommunityRecord>(
    '/api/community-records',
    '',
  );
  return (
    <div>
      <h1 className="page-title">社区社会组织备案</h1>
      {account?.role === 'administrator' && <RecordForm onDone={reload} />}
      <Card title="已备案的组织">
        <ProblemAlert error={error} />
        {!data ? (
          error ? null : (
            <Loading />
          )
        ) : data.items.length === 0 ? (
          <Empty>还没有备案的组织。</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>组织</th>
                  <th>备案编号</th>
                  <th>备案日期</th>
                  <th>经办人</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.organizationId}>
                    <td data-label="组织">
                      {r.organizationName}
                      {r.organizationStatus === 'registered' && (
                        <span className="muted">（已登记，按已登记组织申报）</span>
                      )}
                    </td>
                    <td data-label="备案编号" className="mono">
                      {r.recordNo}
                    </td>
                    <td data-label="备案日期">{r.recordedOn}</td>
                    <td data-label="经办人">{r.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pager}
          </div>
        )}
      </Card>
    </div>
  );
}
