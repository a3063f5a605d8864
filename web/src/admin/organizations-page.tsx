import { type FormEvent, useState } from 'react';
import { LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { usePagedList } from '../components/pager';
import { Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { Link } from '../router';

interface OrgRow {
  id: string;
  name: string;
  creditCode: string | null;
  status: string;
  legalForm: keyof typeof LEGAL_FORM_LABEL | null;
  category: string | null;
  registeredOn: string | null;
  activeGrade: { level: number; expiresOn: string } | null;
}

export const ORG_STATUS: Record<string, string> = {
  forming: '筹备中',
  registered: '已登记',
  deregistered: '已注销',
  banned: '已撤销登记',
};

/** 组织档案: the organisations the bureau keeps a profile of, searched by name or credit code. */
export function OrganizationsPage() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const { data, error, pager } = usePagedList<OrgRow>(
    '/api/organizations',
    query ? `q=${encodeURIComponent(query)}` : '',
    50,
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(q.trim());
  };
  return (
    <div>
      <h1 className="page-title">组织档案</h1>
      <form className="filters" onSubmit={search}>
        <input
          type="search"
          aria-label="组织名称或统一社会信用代码"
          placeholder="组织名称或统一社会信用代码"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="btn btn-secondary">
          查找
        </button>
      </form>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.items.length === 0 ? (
        <Card>
          <Empty>没有找到组织。</Empty>
        </Card>
      ) : (
        <Card title={`共 ${data.total} 家`}>
          <div className="table-wrap">
            <table className="table organizations">
              <thead>
                <tr>
                  <th>组织</th>
                  <th>统一社会信用代码</th>
                  <th>类型</th>
                  <th>登记日期</th>
                  <th>评估等级</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((o) => (
                  <tr key={o.id}>
                    <td data-label="组织">
                      <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>
                    </td>
                    <td data-label="信用代码" className="mono">
                      {o.creditCode ?? '—'}
                    </td>
                    <td data-label="类型">
                      {o.legalForm ? LEGAL_FORM_LABEL[o.legalForm] : '—'}
                      {o.status !== 'registered' && ` · ${ORG_STATUS[o.status] ?? o.status}`}
                    </td>
                    <td data-label="登记日期">{formatDate(o.registeredOn)}</td>
                    <td data-label="评估等级">
                      {o.activeGrade
                        ? `${o.activeGrade.level}A（至 ${formatDate(o.activeGrade.expiresOn)}）`
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pager}
          </div>
        </Card>
      )}
    </div>
  );
}
