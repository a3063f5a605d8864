import { ActionDialog } from './action-dialog';

/**
 * "Submit these scores?" for a judge's or an expert's sheet: a submitted score counts and
 * cannot be changed, so the total (and each line, where the sheet is short) is shown once more
 * before it goes; going back keeps everything typed. One dialog for both score sheets.
 */
export function ScoreConfirmDialog({
  title,
  open,
  busy,
  subject,
  total,
  max,
  rule,
  lines,
  onConfirm,
  onCancel,
}: {
  title: string;
  open: boolean;
  busy: boolean;
  /** What the total is of (本项目, 本表). */
  subject: string;
  total: number | null;
  max?: number;
  /** What submitting means here. */
  rule: string;
  lines?: { key: string; name: string; score: string; max: number }[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ActionDialog
      title={title}
      open={open}
      onClose={onCancel}
      onSubmit={onConfirm}
      decision={{ busy, problem: null }}
      confirmLabel="确认提交"
      cancelLabel="返回修改"
      prompt={
        <>
          {subject}合计 <strong>{total ?? '—'}</strong>
          {max !== undefined && ` / ${max}`} 分。{rule}
        </>
      }
    >
      {lines && (
        <ul className="plain">
          {lines.map((l) => (
            <li key={l.key}>
              {l.name}：{l.score} / {l.max} 分
            </li>
          ))}
        </ul>
      )}
    </ActionDialog>
  );
}
