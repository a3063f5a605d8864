import { useState } from 'react';
import { LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { REGISTRATION_STATUSES } from '../../../workflows/registration/view-types';
import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { statusLabel, statusTone } from '../labels';
import { Link } from '../router';
import { useSession } from '../session';
import type { RegistrationSummary, WorkItem } from '../types';

const URGENCY: Record<WorkItem['urgency'], { label: string; tone: string } | null> = {
  overdue: { label: '已逾期', tone: 'bad' },
  near_due: { label: '临近到期', tone: 'warn' },
  normal: null,
};

function Due({ item }: { item: WorkItem }) {
  const u = URGENCY[item.urgency];
  return (
    <span className="due">
      {item.dueAt ? formatDate(item.dueAt) : '—'}
      {item.workingDaysLeft !== null && item.urgency !== 'overdue' && (
        <small className="muted">（剩 {item.workingDaysLeft} 个工作日）</small>
      )}
      {u && <Badge tone={u.tone}>{u.label}</Badge>}
    </span>
  );
}

/** What waits for this person, most urgent first (the API sorts by deadline). */
export function WorklistPage() {
  const { data, error, pager } = usePagedList<WorkItem, { overdue: number }>(
    '/api/worklist',
    '',
    50,
  );
  return (
    <div>
      <h1 className="page-title">登记待办</h1>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.items.length === 0 ? (
        <Card>
          <Empty>目前没有等待您办理的事项。</Empty>
        </Card>
      ) : (
        <>
          <p className="muted">
            共 {data.total} 件，其中已逾期 {data.overdue} 件
            {data.total > data.items.length ? '；本页' : '、'}临近到期{' '}
            {data.items.filter((i) => i.urgency === 'near_due').length} 件。
          </p>
          <ul className="work-list">
            {data.items.map((i) => (
              <li key={i.id} className={`work-item urgency-${i.urgency}`}>
                <Link to={`/registrations/${i.id}`} className="work-link">
                  <span className="work-task">{i.task}</span>
                  <span className="work-name">{i.name}</span>
                  <span className="work-meta muted">
                    {i.applicationNo} · {LEGAL_FORM_LABEL[i.legalForm as 'foundation']}
                  </span>
                </Link>
                <div className="work-due">
                  <small className="muted">期限</small>
                  <Due item={i} />
                </div>
              </li>
            ))}
          </ul>
          {pager}
        </>
      )}
    </div>
  );
}

function RegistrationTable({ items }: { items: RegistrationSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>名称</th>
            <th>申请编号</th>
            <th>状态</th>
            <th>期限</th>
            <th>提交日期</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td data-label="名称">
                <Link to={`/registrations/${r.id}`}>{r.name}</Link>
              </td>
              <td data-label="申请编号" className="mono">
                {r.applicationNo}
              </td>
              <td data-label="状态">
                <Badge tone={statusTone(r.status)}>{statusLabel(r.status)}</Badge>
                {r.overdue && <Badge tone="bad">已逾期</Badge>}
              </td>
              <td data-label="期限">{formatDate(r.dueAt)}</td>
              <td data-label="提交日期">{formatDate(r.filedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The applicant's own files, with what waits for them on top. */
export function MyRegistrationsPage() {
  const list = usePagedList<RegistrationSummary>('/api/registrations', '');
  const todo = usePagedList<WorkItem>('/api/worklist', '', 50);
  const registered = useSession().account?.organizationRegistered === true;
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">我的申请</h1>
        {!registered && (
          <Link to="/registrations/new" className="btn btn-primary">
            ＋ 新建登记申请
          </Link>
        )}
      </div>
      {registered && (
        <Notice tone="info">
          贵组织已经依法登记，无需再申请成立登记；变更、年检等事项请与登记管理机关联系。
        </Notice>
      )}
      <ProblemAlert error={list.error ?? todo.error} />
      {todo.data && todo.data.items.length > 0 && (
        <Card title="等待您办理" className="card-warn">
          <ul className="files">
            {todo.data.items.map((i) => (
              <li key={i.id}>
                <Link to={`/registrations/${i.id}`}>
                  {i.name}：{i.task}
                </Link>
                <Due item={i} />
              </li>
            ))}
          </ul>
          {todo.pager}
        </Card>
      )}
      <Card title="全部申请">
        {!list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <Empty>
            {registered ? '本账号没有登记申请记录。' : '还没有申请。点击“新建登记申请”开始填写。'}
          </Empty>
        ) : (
          <>
            <RegistrationTable items={list.data.items} />
            {list.pager}
          </>
        )}
      </Card>
    </div>
  );
}

/** Every file of the bureau, searchable by name or number, filterable by status and filing date. */
export function AllRegistrationsPage() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filters, setFilters] = useState('');
  const { data, error, pager } = usePagedList<RegistrationSummary>('/api/registrations', filters);
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">全部登记申请</h1>
        <ExportLinks path="/api/registrations/export" filters={filters} />
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const p = new URLSearchParams();
          if (q.trim()) p.set('q', q.trim());
          if (status) p.set('status', status);
          if (from) p.set('from', from);
          if (to) p.set('to', to);
          setFilters(p.toString());
        }}
      >
        <input
          aria-label="名称或申请编号"
          placeholder="名称或申请编号"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <select aria-label="状态" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">全部状态</option>
          {REGISTRATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <label className="date-filter">
          提交日期自
          <input
            type="date"
            aria-label="提交日期自"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="date-filter">
          至
          <input
            type="date"
            aria-label="提交日期至"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-secondary">
          查询
        </button>
      </form>
      <ProblemAlert error={error} />
      <Card title={data ? `共 ${data.total} 件` : undefined}>
        {!data ? (
          <Loading />
        ) : data.items.length === 0 ? (
          <Empty>没有符合条件的申请。</Empty>
        ) : (
          <>
            <RegistrationTable items={data.items} />
            {pager}
          </>
        )}
      </Card>
    </div>
  );
}
