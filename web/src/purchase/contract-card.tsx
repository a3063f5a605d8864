import { yuan } from '../competition/labels';
import { Badge, Card } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import type { ProjectDetail } from './types';

const MILESTONE: Record<string, [string, string]> = {
  pending: ['待提交', 'muted'],
  submitted: ['已提交，待验收', 'info'],
  accepted: ['已验收', 'ok'],
  returned: ['已退回', 'warn'],
};
const TRANCHE: Record<string, [string, string]> = {
  pending: ['未申请', 'muted'],
  requested: ['已申请，待财务复核', 'info'],
  paid: ['已支付', 'ok'],
  cancelled: ['已取消', 'bad'],
};

/** The signed contract: amounts, amendments, milestones and the payment plan as they stand. */
export function ContractCard({ v }: { v: ProjectDetail }) {
  if (!v.contract) return null;
  return (
    <Card title="合同履行">
      <p>
        合同金额 {yuan(v.contract.amountFen)}，期限 {formatDate(v.contract.startDate)} 至{' '}
        {formatDate(v.contract.endDate)}； 已支付 {yuan(v.paidFen)}，预留 {yuan(v.withheldFen)}。
      </p>
      {v.amendments.length > 0 && (
        <>
          <h3 className="side-title">合同变更</h3>
          <ul className="plain-list">
            {v.amendments.map((a) => (
              <li key={a.at}>
                {formatDateTime(a.at)} {a.by.name}：
                {a.changes?.length ? a.changes.join('；') : `服务期限变更至${a.endDate}`}
                （理由：{a.reason}）
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="side-title">里程碑</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>里程碑</th>
              <th>应完成</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {v.milestones.map((m, i) => (
              <tr key={m.id}>
                <td data-label="里程碑">
                  <div>
                    里程碑{i + 1}：{m.title}
                    {m.reviews.at(-1)?.reason ? (
                      <small className="muted block">{m.reviews.at(-1)?.reason}</small>
                    ) : null}
                  </div>
                </td>
                <td data-label="应完成">{formatDate(m.dueDate)}</td>
                <td data-label="状态">
                  <Badge tone={MILESTONE[m.status]?.[1] ?? 'info'}>
                    {MILESTONE[m.status]?.[0]}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="side-title">付款计划</h3>
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
            {v.tranches.map((t) => (
              <tr key={t.no}>
                <td data-label="期次">
                  第{t.no}期（{t.percent}%）
                </td>
                <td data-label="金额">{yuan(t.amountFen)}</td>
                <td data-label="状态">
                  <Badge tone={TRANCHE[t.status]?.[1] ?? 'info'}>{TRANCHE[t.status]?.[0]}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
