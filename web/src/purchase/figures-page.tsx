import { useState } from 'react';
import { api } from '../api';
import { yuan } from '../competition/labels';
import { Bars } from '../competition/round-figures';
import { Card, Loading, ProblemAlert } from '../components/ui';
import { useLoad } from '../use-load';

interface Figures {
  volumeByClassAndYear: {
    classLabel: string;
    year: number;
    contracts: number;
    amountFen: number;
  }[];
  socialOrganizationShare: {
    awards: number;
    toSocialOrganizations: number;
    amountFen: number;
    toSocialOrganizationsFen: number;
    shareByAmountPercent: number | null;
  };
  contracts: {
    closed: number;
    closedOnTime: number;
    closedLate: number;
    performingOverdue: number;
    terminated: number;
  };
  payments: Record<string, number>;
}

/** Purchase figures for a year: volume by catalogue class, the share to social organisations, contracts, payments. */
export function PurchaseFiguresPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error } = useLoad(
    () => api.get<Figures>(`/api/purchase-figures?year=${year}`),
    `pf-${year}`,
  );
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">购买服务统计</h1>
        <label className="filters">
          年度{' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[0, 1, 2, 3].map((d) => (
              <option key={d} value={new Date().getFullYear() + 1 - d}>
                {new Date().getFullYear() + 1 - d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : (
        <div className="card-grid">
          <Card title="按目录大类的签约金额">
            {data.volumeByClassAndYear.length === 0 ? (
              <p className="muted">本年度还没有签约项目。</p>
            ) : (
              <Bars
                rows={data.volumeByClassAndYear.map((r) => [
                  `${r.classLabel}（${r.contracts}个）`,
                  r.amountFen,
                  yuan(r.amountFen),
                ])}
              />
            )}
          </Card>
          <Card title="向社会组织购买">
            <p className="kpi-value">
              {data.socialOrganizationShare.shareByAmountPercent === null ? (
                <span className="kpi-unit">本年度还没有成交项目</span>
              ) : (
                <>
                  {data.socialOrganizationShare.shareByAmountPercent}
                  <span className="kpi-unit">%（按金额）</span>
                </>
              )}
            </p>
            <p className="muted">
              成交 {data.socialOrganizationShare.awards} 个，其中社会组织{' '}
              {data.socialOrganizationShare.toSocialOrganizations} 个，
              {yuan(data.socialOrganizationShare.toSocialOrganizationsFen)} /{' '}
              {yuan(data.socialOrganizationShare.amountFen)}
            </p>
          </Card>
          <Card title="合同">
            <Bars
              rows={[
                ['按期结项', data.contracts.closedOnTime],
                ['逾期结项', data.contracts.closedLate],
                ['履行中已逾期', data.contracts.performingOverdue],
                ['已解除', data.contracts.terminated],
              ]}
            />
          </Card>
          <Card title="款项">
            <Bars
              rows={Object.entries(data.payments)
                .filter(([k]) => k.endsWith('Fen'))
                .map(([k, n]) => [
                  k === 'paidFen' ? '已支付' : k === 'withheldFen' ? '预留至终期' : k,
                  n,
                  yuan(n),
                ])}
            />
          </Card>
        </div>
      )}
    </div>
  );
}

export { Loading };
