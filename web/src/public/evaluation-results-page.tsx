import { api } from '../api';
import { Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { AWARDING, levelLabel } from '../evaluation/labels';
import type { PublicResults } from '../evaluation/types';
import { formatDate } from '../format';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { PublicShell } from './public-shell';

/** 评估结果公示与等级名单: results under publicity and the grades in force (信用中国-style). */
export function PublicEvaluationPage() {
  const results = useLoad(
    () => api.get<PublicResults>('/api/public/evaluation/results'),
    'public-evaluation-results',
  );
  return (
    <PublicShell title="社会组织评估结果公示与等级名单">
      <p className="muted">
        公示期内，任何单位和个人均可对评估结果提出举报：<Link to="/public/complaint">在线举报</Link>
        。
      </p>
      <ProblemAlert error={results.error} />
      {!results.data ? (
        !results.error && <Loading />
      ) : (
        <>
          <Card title="公示中的评估结果">
            {results.data.publicity.length === 0 ? (
              <Empty>目前没有公示中的评估结果。</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table public-results">
                  <thead>
                    <tr>
                      <th>组织名称</th>
                      <th>评估活动</th>
                      <th>拟评定等级</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.data.publicity.map((p) => (
                      <tr key={p.fileId}>
                        <td data-label="组织名称">{p.organizationName ?? '—'}</td>
                        <td data-label="评估活动">{p.campaignTitle}</td>
                        <td data-label="拟评定等级">{levelLabel(p.level)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <Card title="有效评估等级名单">
            {results.data.grades.length === 0 ? (
              <Empty>目前没有持有有效评估等级的组织。</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table public-grades">
                  <thead>
                    <tr>
                      <th>组织名称</th>
                      <th>评估等级</th>
                      <th>评定机关</th>
                      <th>有效期</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.data.grades.map((g) => (
                      <tr key={g.organizationId}>
                        <td data-label="组织名称">{g.organizationName ?? '—'}</td>
                        <td data-label="评估等级">{levelLabel(g.level)}</td>
                        <td data-label="评定机关">
                          {AWARDING[g.awardingLevel] ?? g.awardingLevel}
                        </td>
                        <td data-label="有效期">
                          {formatDate(g.awardedOn)} 至 {formatDate(g.expiresOn)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      )}
    </PublicShell>
  );
}
