import type { ReactNode } from 'react';
import { Dialog } from './ui';

/** "Are you sure?" before a step that cannot be undone: what will happen, then confirm or go back. */
export function ConfirmDialog({
  title,
  open,
  busy,
  confirmLabel = '确认提交',
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  open: boolean;
  busy?: boolean;
  confirmLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog title={title} open={open} onClose={onCancel}>
      <div className="dialog-body">
        {children}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            返回修改
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>
            {busy ? '正在提交…' : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
