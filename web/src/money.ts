/** Money as people type and read it (yuan) and as the API keeps it (integer fen). */

/** '12,345.60' or '¥12345.6' yuan → integer fen; NaN when it is not an amount. */
export function yuanToFen(s = ''): number {
  const t = s.replace(/[,，\s¥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return Number.NaN;
  return Math.round(Number(t) * 100);
}

/** ¥1,234.50 from integer fen; — when there is none. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
