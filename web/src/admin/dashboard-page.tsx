import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { api } from '../api';
import { Card, Loading, ProblemAlert } from '../components/ui';
import { percent } from '../format';
import { yuan } from '../money';
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
  competition: {
    rounds: number;
    proposals: number;
    funded: number;
    budgetFen: number;
    committedFen: number;
    paidFen: number;
  };
  purchase: {
    projects: number;
    contracts: number;
    contractFen: number;
    toSocialOrganizationsFen: number;
    paidFen: number;
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

/** The district's targets of the year (DOMAIN.md §0.1) against what the system recorded. */
export function DashboardPage() {
  const { data, error } = useLoad(() => api.get<Dashboard>('/api/admin/dashboard'), 'dashboard');
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  const r = data.registrations;
  const g = data.grades;
  const c = data.competition;
  const p = data.purchase;
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
        <Card title="公益创投大赛（本年度）">
          <p className="kpi-value">
            {c.funded}
            <span className="kpi-unit"> 个项目获资助 / {c.proposals} 个申报</span>
          </p>
          <Meter value={c.committedFen} target={c.budgetFen} label="资助金额占预算" />
          <p className="muted">
            {c.rounds} 轮；预算 {yuan(c.budgetFen)}，已资助 {yuan(c.committedFen)}，已拨付{' '}
            {yuan(c.paidFen)}
          </p>
          <Link to="/competitions">查看各轮次</Link>
        </Card>
        <Card title="政府购买服务（本年度）">
          <p className="kpi-value">
            {p.contracts}
            <span className="kpi-unit"> 份合同 / {p.projects} 个项目</span>
          </p>
          <Meter value={p.paidFen} target={p.contractFen} label="已支付占合同金额" />
          <p className="muted">
            合同金额 {yuan(p.contractFen)}，其中向社会组织购买 {yuan(p.toSocialOrganizationsFen)}
            ，已支付 {yuan(p.paidFen)}
          </p>
          <Link to="/purchases">查看购买项目</Link>
        </Card>
      </div>
    </div>
  );
}
