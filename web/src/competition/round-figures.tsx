import { PHASE_LABEL } from '../../../domain/competition/stages';
import { Card } from '../components/ui';
import { PROPOSAL_STATUS_LABEL, yuan } from './labels';
import type { RoundFigures } from './types';

/** Horizontal bars in CSS: a label, a bar scaled to the largest value, the value. */
export function Bars({ rows }: { rows: [string, number, string?][] }) {
  const max = Math.max(1, ...rows.map((r) => r[1]));
  return (
    <ul className="hbars">
      {rows.map(([label, n, shown]) => (
        <li key={label} className="hbar">
          <span className="hbar-label">{label}</span>
          <span className="hbar-track">
            <span className="hbar-fill" style={{ width: `${(n / max) * 100}%` }} />
          </span>
          <span className="hbar-value">{shown ?? n}</span>
        </li>
      ))}
    </ul>
  );
}

/** Each judge's scores as a range (min–max) with the mean marked: who scores strictly, who leniently. */
function JudgeSpread({ judges }: { judges: RoundFigures['judges'] }) {
  const W = 560;
  const row = 28;
  const pad = { l: 120, r: 16, t: 24 };
  const H = pad.t + judges.length * row + 8;
  const x = (v: number) => pad.l + ((W - pad.l - pad.r) * v) / 100;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label="评审打分分布">
      {[0, 20, 40, 60, 80, 100].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={pad.t - 6} y2={H - 4} className="chart-grid" />
          <text x={x(t)} y={14} textAnchor="middle" className="chart-tick">
            {t}
          </text>
        </g>
      ))}
      {judges.map((j, i) => {
        const cy = pad.t + i * row + row / 2;
        return (
          <g key={`${j.phase}-${j.judgeId}`}>
            <text x={pad.l - 8} y={cy + 4} textAnchor="end" className="chart-tick">
              {`评审${i + 1}·${j.phase === 'first' ? '初评' : '路演'}`}
            </text>
            <line x1={x(j.min ?? 0)} x2={x(j.max ?? 0)} y1={cy} y2={cy} className="spread-range" />
            <circle cx={x(j.mean)} cy={cy} r={5} className="spread-mean">
              <title>{`${j.count}份，平均 ${j.mean}，标准差 ${j.sd}，最低 ${j.min}，最高 ${j.max}`}</title>
            </circle>
          </g>
        );
      })}
    </svg>
  );
}

export function RoundFiguresView({ figures }: { figures: RoundFigures }) {
  const f = figures.funds;
  const pct = (n: number) => `${Math.round((n / Math.max(1, f.budgetFen)) * 100)}%`;
  return (
    <div className="card-grid">
      <Card title="资金">
        <Bars
          rows={[
            ['预算', f.budgetFen, f.budget],
            ['已承诺', f.committedFen, `${f.committed}（${pct(f.committedFen)}）`],
            ['已拨付', f.paidFen, `${f.paid}（${pct(f.paidFen)}）`],
          ]}
        />
        <p className="muted">尚未承诺：{f.uncommitted}</p>
      </Card>
      <Card title="各阶段项目数">
        {Object.keys(figures.proposalsByStatus).length === 0 ? (
          <p className="muted">还没有项目。</p>
        ) : (
          <Bars
            rows={Object.entries(figures.proposalsByStatus).map(([k, n]) => [
              (PROPOSAL_STATUS_LABEL as Record<string, string>)[k] ?? k,
              n,
            ])}
          />
        )}
      </Card>
      <Card title="评审打分分布">
        {figures.judges.length === 0 ? (
          <p className="muted">还没有评分。</p>
        ) : (
          <>
            <JudgeSpread judges={figures.judges} />
            <p className="muted">
              横线为该评审所打总分的最低到最高，圆点为平均分（{PHASE_LABEL.first}、
              {PHASE_LABEL.roadshow}分列）。评审按匿名序号显示。
            </p>
          </>
        )}
      </Card>
    </div>
  );
}

export { yuan };
