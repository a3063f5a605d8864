import { type FormEvent, useState } from 'react';
import { cataloguePath } from '../../../domain/purchase/catalogue';
import { PURCHASER_KINDS } from '../../../domain/purchase/purchaser';
import { PURCHASE_STATUS_LABEL } from '../../../workflows/purchase/view-types';
import { api } from '../api';
import { yuan } from '../competition/labels';
import { yuanToFen } from '../components/action-dialog';
import { LookupNote, useLookup } from '../components/lookup';
import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Field, Loading, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import type { CatalogueItem, ProjectSummary } from './types';

const TONE: Record<string, string> = {
  tendering: 'ok',
  closed: 'ok',
  performing: 'info',
  terminated: 'bad',
  cancelled: 'muted',
  failed: 'warn',
};

/** Projects the signed-in person may see (applicants: open notices and their own responses). */
export function ProjectsPage() {
  const { account } = useSession();
  const [status, setStatus] = useState('');
  const filters = status ? `status=${status}` : '';
  const { data, error, pager } = usePagedList<ProjectSummary>('/api/purchases', filters);
  const applicant = account?.role === 'applicant';
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">{applicant ? '政府购买服务项目' : '购买服务项目'}</h1>
        {account?.role === 'purchaser' && (
          <Link to="/purchases/new" className="btn btn-primary">
            新建购买项目
          </Link>
        )}
      </div>
      {applicant && <p className="muted">正在征集响应的项目和本单位参与的项目。</p>}
      <div className="filters">
        <select aria-label="状态" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">全部状态</option>
          {Object.entries(PURCHASE_STATUS_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <ExportLinks path="/api/purchases/export" filters={filters} />
      </div>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.items.length === 0 ? (
        <Card>
          <Empty>目前没有项目。</Empty>
        </Card>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>项目</th>
                <th>采购单位</th>
                <th>预算</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td data-label="项目">
                    <div>
                      <Link to={`/purchases/${p.id}`}>{p.title}</Link>
                      <small className="muted mono block">{p.projectNo}</small>
                    </div>
                  </td>
                  <td data-label="采购单位">{p.department}</td>
                  <td data-label="预算">{yuan(p.budgetFen)}</td>
                  <td data-label="状态">
                    <Badge tone={TONE[p.status] ?? 'info'}>{PURCHASE_STATUS_LABEL[p.status]}</Badge>
                  </td>
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

/** The purchaser defines a need from an active catalogue item: title, budget, performance targets. */
export function NewProjectPage() {
  const [find, setFind] = useState('');
  const items = useLookup<CatalogueItem>('/api/purchase-catalogue/lookup', find, 'status=active');
  const [f, setF] = useState({
    item: '',
    title: '',
    department: '常州市钟楼区民政局',
    purchaserKind: 'state_organ',
    budget: '',
    year: String(new Date().getFullYear()),
    targets: '',
  });
  const form = useFormState();
  const { busy, errors: errs } = form;
  const error = form.problem;
  const list = items.data?.items ?? [];
  // A choice the search no longer lists gives way to the first one listed.
  const itemId = list.some((i) => i.id === f.item) ? f.item : (list[0]?.id ?? '');
  const chosen = list.find((i) => i.id === itemId);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await form.submit(() =>
      api.post<ProjectSummary>('/api/purchases', {
        catalogueItemId: itemId,
        title: f.title,
        department: f.department,
        purchaserKind: f.purchaserKind,
        budgetFen: yuanToFen(f.budget),
        budgetYear: Number(f.year),
        performanceTargets: f.targets
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    );
    if (r) navigate(`/purchases/${r.id}`);
  };
  return (
    <div className="narrow">
      <p className="crumb">
        <Link to="/purchases">购买服务项目</Link> / 新建
      </p>
      <h1 className="page-title">新建购买服务项目</h1>
      {!items.data ? (
        <Loading />
      ) : list.length === 0 && !find.trim() ? (
        <Card>
          <Empty>指导性目录中还没有现行事项，请先由管理员维护目录。</Empty>
        </Card>
      ) : (
        <form onSubmit={submit} noValidate>
          <Card title="购买需求">
            <Field label="查找目录事项" hint="输入编码或服务事项名称">
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  type="search"
                  value={find}
                  onChange={(e) => setFind(e.target.value)}
                />
              )}
            </Field>
            <LookupNote lookup={items.data} />
            {list.length === 0 && <p className="muted">没有找到符合的现行目录事项。</p>}
            <Field label="目录事项" required error={errs.catalogueItemId}>
              {(id) => (
                <select id={id} value={itemId} onChange={set('item')}>
                  {list.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.code} {i.level3}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {chosen && (
              <p className="muted">
                {cataloguePath(chosen)} · 服务标准：{chosen.serviceStandard} · 计量单位：
                {chosen.unit}
              </p>
            )}
            <Field label="项目名称" required error={errs.title}>
              {(id) => <input id={id} value={f.title} onChange={set('title')} />}
            </Field>
            <Field label="购买主体（部门）" required error={errs.department}>
              {(id) => <input id={id} value={f.department} onChange={set('department')} />}
            </Field>
            <Field
              label="购买主体类别"
              required
              error={errs.purchaserKind}
              hint="购买主体应为国家机关；公益一类事业单位、使用事业编制且由财政拨款保障的群团组织不得作为购买主体。"
            >
              {(id, d) => (
                <select
                  id={id}
                  aria-describedby={d}
                  value={f.purchaserKind}
                  onChange={set('purchaserKind')}
                >
                  {Object.entries(PURCHASER_KINDS).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="grid-2">
              <Field label="预算金额（元）" required error={errs.budgetFen}>
                {(id) => (
                  <input id={id} inputMode="decimal" value={f.budget} onChange={set('budget')} />
                )}
              </Field>
              <Field label="预算年度" required error={errs.budgetYear}>
                {(id) => (
                  <input id={id} inputMode="numeric" value={f.year} onChange={set('year')} />
                )}
              </Field>
            </div>
            <Field
              label="绩效目标（每行一条）"
              required
              error={errs.performanceTargets}
              hint="例如：服务对象满意度不低于90%"
            >
              {(id, d) => (
                <textarea
                  id={id}
                  aria-describedby={d}
                  rows={3}
                  value={f.targets}
                  onChange={set('targets')}
                />
              )}
            </Field>
          </Card>
          <ProblemAlert error={error} fieldsShown />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? '正在建立…' : '建立项目'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
