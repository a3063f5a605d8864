const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/**
 * Approvals per month as bars, the running total as a line, and the year's target as a dashed
 * line: hand-made SVG, no chart library.
 */
export function MonthlyChart({ byMonth, target }: { byMonth: number[]; target: number }) {
  const W = 640;
  const H = 260;
  const pad = { l: 40, r: 16, t: 16, b: 32 };
  const cumulative: number[] = [];
  for (const n of byMonth) cumulative.push((cumulative.at(-1) ?? 0) + n);
  const max = Math.max(target, ...cumulative, 1) * 1.1;
  const x = (i: number) => pad.l + ((W - pad.l - pad.r) / 12) * (i + 0.5);
  const y = (v: number) => H - pad.b - ((H - pad.t - pad.b) * v) / max;
  const bw = ((W - pad.l - pad.r) / 12) * 0.55;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(max * t));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="chart"
      role="img"
      aria-label="本年每月准予登记数与累计数"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} className="chart-grid" />
          <text x={pad.l - 6} y={y(t) + 4} textAnchor="end" className="chart-tick">
            {t}
          </text>
        </g>
      ))}
      <line x1={pad.l} x2={W - pad.r} y1={y(target)} y2={y(target)} className="chart-target" />
      <text x={W - pad.r} y={y(target) - 6} textAnchor="end" className="chart-target-label">
        目标 {target}
      </text>
      {byMonth.map((n, i) => (
        <g key={MONTHS[i]}>
          <rect
            x={x(i) - bw / 2}
            y={y(n)}
            width={bw}
            height={Math.max(0, H - pad.b - y(n))}
            className="chart-bar"
          >
            <title>{`${i + 1}月：${n}家`}</title>
          </rect>
          <text
            x={x(i)}
            y={H - pad.b + 18}
            textAnchor="middle"
            className={`chart-tick ${i % 2 ? 'chart-month-even' : ''}`}
          >
            {MONTHS[i]}
          </text>
        </g>
      ))}
      <polyline
        points={cumulative.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
        className="chart-line"
      />
    </svg>
  );
}
