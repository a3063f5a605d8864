import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { api } from '../api';
import { Card, Loading, ProblemAlert } from '../components/ui';
import { percent } from '../format';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { MonthlyChart } from './bar-chart';

interface Dashboard {
  year: number;
  registrations: {
    target: number;
    approved: number;
    byMonth: number[];
    byLegalForm: Record<string, number>;
    byCategory: Record<string, number>;
    filed: number;
    open: number;
    overdue: number;
  };
  grades: { target: number; rated: number; due: number };
}

function Meter({ value, target, label }: { value: number; target: number; label: string }) {
  const share = Math.min(1, target > 0 ? value / target : 0);
  return (
    <div className="meter" aria-hidden="true" title={label}>
      <div className="meter-fill" style={{ width: `${share * 100}%` }} />
    </div>
  );
}

/** A slot for a figure whose process is not in service yet: said plainly, never a fake number. */
function Slot({ title, text }: { title: string; text: string }) {
  return (
    <Card title={title} className="card-slot">
      <p className="slot-text">{text}</p>
    </Card>
  );
}

/** The district's targets of the year (DOMAIN.md §0.1) against what the system recorded. */
export function DashboardPage() {
  const { data, error } = useLoad(() => api.get<Dashboard>('/api/admin/dashboard'), 'dashboard');
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  const r = data.registrations;
  const g = data.grades;
  const share = g.due > 0 ? g.rated / g.due : 0;
  return (
    <div>
      <h1 className="page-title">{data.year}年工作目标</h1>
      <div className="card-grid kpis">
        <Card title="新登记社会组织" className="kpi">
          <p className="kpi-value">
            {r.approved}
            <span className="kpi-unit"> / {r.target} 家</span>
          </p>
          <Meter value={r.approved} target={r.target} label="新登记社会组织完成度" />
          <p className="muted">
            完成 {percent(r.approved / r.target)}；本年受理申请 {r.filed} 件
          </p>
        </Card>
        <Card title="有效等级组织占比" className="kpi">
          <p className="kpi-value">
            {g.due > 0 ? percent(share) : '—'}
            <span className="kpi-unit"> / 目标 {percent(g.target)}</span>
          </p>
          <Meter value={share} target={g.target} label="有效等级组织占比完成度" />
          <p className="muted">
            成立满两年的组织 {g.due} 家，持有效等级 {g.rated} 家
          </p>
        </Card>
        <Card title="在办登记申请" className="kpi">
          <p className="kpi-value">
            {r.open}
            <span className="kpi-unit"> 件</span>
          </p>
          <p className={r.overdue > 0 ? 'text-bad' : 'muted'}>其中已逾期 {r.overdue} 件</p>
          <Link to="/registrations">查看全部申请 ›</Link>
        </Card>
      </div>
      <Card title="每月准予登记数（柱）与累计（线）">
        <MonthlyChart byMonth={r.byMonth} target={r.target} />
      </Card>
      <div className="card-grid">
        <Card title="按组织形式">
          <dl className="summary">
            {Object.entries(r.byLegalForm).map(([k, n]) => (
              <div key={k} className="summary-row">
                <dt>{LEGAL_FORM_LABEL[k as 'foundation']}</dt>
                <dd>{n} 家</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="按类别">
          <dl className="summary">
            {Object.entries(r.byCategory).map(([k, n]) => (
              <div key={k} className="summary-row">
                <dt>{CATEGORY_LABEL[k as 'public_welfare']}</dt>
                <dd>{n} 家</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
      <div className="card-grid">
        <Slot title="公益创投大赛" text="公益创投上线后显示：参赛项目数、入围与资助金额。" />
        <Slot title="政府购买服务" text="政府购买服务上线后显示：目录事项、签约项目与支付进度。" />
      </div>
    </div>
  );
}
