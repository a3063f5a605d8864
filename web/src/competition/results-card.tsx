import { api } from '../api';
import { Card } from '../components/ui';
import { useLoad } from '../use-load';
import type { Phase } from './types';

interface ResultRow {
  proposalId: string;
  title: string;
  rank: number;
  judges: number;
  method: string;
  rawMean: number;
  normalised: number;
  score: number;
  outliers: number;
  tieTrace: { ahead: string; behind: string; decidedBy: string }[];
}

const TIE_LABEL: Record<string, string> = {
  fewer_outliers: '偏离评分较少者在前',
  earlier_submission: '申报较早者在前',
  lower_request: '申请金额较低者在前',
};
const METHOD_LABEL: Record<string, string> = {
  mean: '算术平均',
  trimmed_mean: '去掉最高最低分后平均',
  z_score: '标准分',
};

const tie = (k: string) =>
  k.startsWith('criterion:') ? `“${k.slice(10)}”项均分较高者在前` : (TIE_LABEL[k] ?? k);

/** A phase's ranking with raw and normalised scores and how each tie was settled. */
export function ResultsCard({ roundId, phase }: { roundId: string; phase: Phase }) {
  const { data } = useLoad(
    () => api.get<ResultRow[]>(`/api/competitions/${roundId}/results?phase=${phase}`),
    `results-${roundId}-${phase}`,
  );
  if (!data || data.length === 0) return null;
  // The ranking names its proposals itself: every ranked one, not only those on a page.
  const title = (id: string) => data.find((r) => r.proposalId === id)?.title ?? id.slice(0, 8);
  return (
    <Card title={phase === 'first' ? '初评结果' : '路演结果'}>
      <p className="muted">汇总方法：{METHOD_LABEL[data[0]?.method ?? ''] ?? data[0]?.method}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>名次</th>
              <th>项目</th>
              <th>得分</th>
              <th>原始均分</th>
              <th>标准化</th>
              <th>同分排序</th>
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.proposalId}>
                <td data-label="名次">{r.rank}</td>
                <td data-label="项目">{title(r.proposalId)}</td>
                <td data-label="得分">{r.score}</td>
                <td data-label="原始均分">
                  {r.rawMean}（{r.judges}位评审）
                </td>
                <td data-label="标准化">{Math.round(r.normalised * 100) / 100}</td>
                <td data-label="同分排序">
                  {r.tieTrace.length
                    ? r.tieTrace
                        .map((t) => `先于“${title(t.behind)}”：${tie(t.decidedBy)}`)
                        .join('；')
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
