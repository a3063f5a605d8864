import { BUDGET_KIND_LABEL, PURPOSE_LABEL } from '../../../domain/competition/policy';
import { Badge, Card } from '../components/ui';
import { Link } from '../router';
import { ASSIGNMENT_LABEL, yuan } from './labels';
import type { ProposalDetail } from './types';

const TRANCHE_LABEL: Record<string, string> = {
  blocked: '未到拨付条件',
  payable: '可下达',
  ordered: '已下达，待财务复核',
  paid: '已拨付',
  withheld: '不予拨付',
};

/** What the organisation filed (blind review: without who filed it). */
export function ProposalContent({ p }: { p: ProposalDetail }) {
  const c = p.content;
  return (
    <Card title="申报内容">
      <dl className="summary">
        {p.organization && (
          <div className="summary-row">
            <dt>申报单位</dt>
            <dd>{p.organization.name}</dd>
          </div>
        )}
        {p.blind && (
          <div className="summary-row">
            <dt>申报单位</dt>
            <dd className="muted">匿名评审，不显示申报单位</dd>
          </div>
        )}
        <div className="summary-row">
          <dt>资助方向</dt>
          <dd>{PURPOSE_LABEL[c.purpose]}</dd>
        </div>
        <div className="summary-row">
          <dt>申请金额</dt>
          <dd>
            {yuan(p.requestedFen)}（自筹 {yuan(c.coFundingFen)}）
          </dd>
        </div>
        <div className="summary-row">
          <dt>服务需求</dt>
          <dd className="break">{c.need}</dd>
        </div>
        <div className="summary-row">
          <dt>项目设计</dt>
          <dd className="break">{c.design}</dd>
        </div>
        <div className="summary-row">
          <dt>团队</dt>
          <dd>{c.team.map((t) => `${t.name}（${t.role}）`).join('、')}</dd>
        </div>
        <div className="summary-row">
          <dt>预算明细</dt>
          <dd>
            <ul className="plain">
              {c.budgetLines.map((l) => (
                <li key={l.item + l.amountFen}>
                  {l.item}（{BUDGET_KIND_LABEL[l.kind]}）{yuan(l.amountFen)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** Qualification, funding and the mid-term grade, once there are any. */
export function ProposalResults({ p }: { p: ProposalDetail }) {
  const w = p.workflow;
  if (!p.qualificationNote && !p.fundingReason && !p.awardFen) return null;
  return (
    <Card title="结果">
      <dl className="summary">
        {p.qualificationNote && (
          <div className="summary-row">
            <dt>资格审查</dt>
            <dd>{p.qualificationNote}</dd>
          </div>
        )}
        {p.awardFen ? (
          <div className="summary-row">
            <dt>资助金额</dt>
            <dd>{yuan(p.awardFen)}</dd>
          </div>
        ) : null}
        {p.fundingReason && (
          <div className="summary-row">
            <dt>资助说明</dt>
            <dd>{p.fundingReason}</dd>
          </div>
        )}
        {p.decision && (
          <div className="summary-row">
            <dt>资助决定书</dt>
            <dd>
              {p.decision.decisionNo}{' '}
              <Link to={`/competition-proposals/${p.id}/decision/print`}>打印资助决定书</Link>
            </dd>
          </div>
        )}
        {w?.midtermGrade && (
          <div className="summary-row">
            <dt>中期评估</dt>
            <dd>{w.midtermGrade} 级</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

/** The funding's tranches and where each stands. */
export function ProposalTranches({ p }: { p: ProposalDetail }) {
  const tranches = p.workflow?.tranches ?? [];
  if (tranches.length === 0) return null;
  return (
    <Card title="资金拨付">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>期次</th>
              <th>金额</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {tranches.map((t) => (
              <tr key={t.n}>
                <td data-label="期次">第{t.n}期</td>
                <td data-label="金额">{yuan(t.amountFen)}</td>
                <td data-label="状态">
                  <Badge
                    tone={t.status === 'paid' ? 'ok' : t.status === 'withheld' ? 'bad' : 'info'}
                  >
                    {TRANCHE_LABEL[t.status]}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** For officials: the first-round panel, its scores and declarations. */
export function ReviewProgress({ p }: { p: ProposalDetail }) {
  const w = p.workflow;
  if (!w) return null;
  return (
    <Card title="评审进度">
      <p className="muted">
        初评评审 {w.panels.first.length} 人，已评分 {w.scored.length} 份；声明：
        {Object.values(w.declarations)
          .map((d) => ASSIGNMENT_LABEL[d === 'clear' ? 'declared_clear' : 'conflicted'])
          .join('、') || '—'}
      </p>
    </Card>
  );
}
