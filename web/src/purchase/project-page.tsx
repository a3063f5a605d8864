import { cataloguePath } from '../../../domain/purchase/catalogue';
import { api } from '../api';
import { yuan } from '../competition/labels';
import { EvaluatorSeats, type Person } from '../components/evaluator-seats';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { purchaseActionLabel } from './labels';
import { ContractCard } from './contract-card';
import { ProjectActions } from './project-actions';
import type { ProjectDetail } from './types';

export function ProjectPage({ id }: { id: string }) {
  const { account } = useSession();
  const {
    data: v,
    error,
    reload,
  } = useLoad(() => api.get<ProjectDetail>(`/api/purchases/${id}`), `pp-${id}`);
  if (!v) return error ? <ProblemAlert error={error} /> : <Loading />;
  // The ranking means something once every expert who did not step aside has scored.
  const scored =
    v.status !== 'evaluating' || v.panel.every((e) => e.declaration?.conflict || e.scores);
  const published = !['need_defined', 'planned'].includes(v.status);
  return (
    <div>
      <p className="crumb">
        <Link to="/purchases">购买服务项目</Link> / {v.projectNo}
      </p>
      <div className="page-head">
        <h1 className="page-title">{v.title}</h1>
        <div className="file-status">
          <Badge tone="info">{v.statusLabel}</Badge>
          {v.temporalUrl && (
            <TemporalLink href={v.temporalUrl} label="在 Temporal Web UI 查看项目流程" />
          )}
          {v.contractTemporalUrl && (
            <TemporalLink href={v.contractTemporalUrl} label="在 Temporal Web UI 查看合同流程" />
          )}
        </div>
      </div>
      {account?.role !== 'applicant' &&
        v.warnings.map((w) => (
          <Notice key={w} tone="warn">
            {w}
          </Notice>
        ))}
      <Card title="可办理事项">{account && <ProjectActions v={v} onDone={reload} />}</Card>
      <Card
        title="项目信息"
        actions={
          published || account?.role !== 'applicant' ? (
            <a
              className="btn btn-secondary btn-sm"
              href={`/api/purchases/${id}/ocds?download=1`}
              download
            >
              下载 OCDS 数据包
            </a>
          ) : undefined
        }
      >
        <dl className="summary">
          <div className="summary-row">
            <dt>项目编号</dt>
            <dd className="mono">{v.projectNo}</dd>
          </div>
          <div className="summary-row">
            <dt>OCDS 编号</dt>
            <dd className="mono break">{v.ocid}</dd>
          </div>
          <div className="summary-row">
            <dt>购买主体</dt>
            <dd>{v.department}</dd>
          </div>
          <div className="summary-row">
            <dt>目录事项</dt>
            <dd>
              {v.item.code} {cataloguePath(v.item)}（第{v.item.version}版）
            </dd>
          </div>
          <div className="summary-row">
            <dt>预算</dt>
            <dd>
              {yuan(v.budgetFen)}（{v.budgetYear}年度）
            </dd>
          </div>
          <div className="summary-row">
            <dt>绩效目标</dt>
            <dd>{v.performanceTargets.join('；')}</dd>
          </div>
          {v.procurement && (
            <div className="summary-row">
              <dt>采购方式</dt>
              <dd>{v.procurement.methodLabel}</dd>
            </div>
          )}
          {v.notice && (
            <div className="summary-row">
              <dt>采购公告</dt>
              <dd>
                {formatDateTime(v.notice.publishedAt)} 发布，{formatDateTime(v.notice.closesAt)}{' '}
                截止。{v.notice.requirements}
              </dd>
            </div>
          )}
          {v.notice?.bidBondFen ? (
            <div className="summary-row">
              <dt>投标（响应）保证金</dt>
              <dd>
                {yuan(v.notice.bidBondFen)}
                {v.bidBondReturns.length > 0 && (
                  <ul className="plain-list">
                    {v.bidBondReturns.map((r) => (
                      <li key={r.organizationId}>
                        {r.name}：
                        {r.dueBy ? `应于 ${formatDateTime(r.dueBy)} 前退还` : '待成交或签约后退还'}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ) : null}
          {v.award && (
            <div className="summary-row">
              <dt>成交承接主体</dt>
              <dd>
                {v.award.name}，{yuan(v.award.amountFen)}{' '}
                <Link to={`/purchases/${id}/award/print`}>打印成交结果通知书</Link>
              </dd>
            </div>
          )}
          {v.publicity && (
            <div className="summary-row">
              <dt>公示期</dt>
              <dd>至 {formatDateTime(v.publicity.endsAt)}</dd>
            </div>
          )}
        </dl>
      </Card>
      {v.responses.length > 0 && (
        <Card title={account?.role === 'applicant' ? '本单位的响应' : '响应'}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>承接主体</th>
                  <th>报价</th>
                  <th>提交时间</th>
                </tr>
              </thead>
              <tbody>
                {v.responses.map((r) => (
                  <tr key={r.organizationId}>
                    <td data-label="承接主体">{r.name}</td>
                    <td data-label="报价">{yuan(r.priceFen)}</td>
                    <td data-label="提交时间">{formatDateTime(r.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {v.ranking.length > 0 && scored && (
        <Card title="评审结果">
          <ol className="plain">
            {v.ranking.map((r) => (
              <li key={r.organizationId}>
                {r.name}：综合 {r.total} 分（评分 {r.averageScore}，等级加分 {r.gradeBonus}）
              </li>
            ))}
          </ol>
        </Card>
      )}
      {v.panel.length > 0 && (
        <Card title="评审委员会">
          <ul className="plain">
            {v.panel.map((e) => (
              <li key={e.id}>
                {e.name}：
                {e.declaration ? (e.declaration.conflict ? '回避' : '已声明无冲突') : '未声明'}
                {e.scores ? '，已评分' : ''}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {v.contract && v.performanceEvaluators && (
        <EvaluatorSeats
          path={`/api/purchases/${id}/performance-evaluators`}
          seated={v.performanceEvaluators}
          candidates={async () =>
            (await api.get<{ items: Person[] }>('/api/purchase-experts')).items
          }
          onDone={reload}
        />
      )}
      {v.contract && <ContractCard v={v} />}
      {v.trail.length > 0 && (
        <Card title="办理记录">
          <ol className="timeline">
            {v.trail.map((t) => (
              <li key={t.seq}>
                <strong>{purchaseActionLabel(t.action)}</strong>{' '}
                <span className="muted">
                  {formatDateTime(t.at)} · {t.actor.name}
                </span>
                {t.reason && <p>{t.reason}</p>}
              </li>
            ))}
          </ol>
        </Card>
      )}
    </div>
  );
}
