import { api } from '../api';
import { ProblemAlert } from '../components/ui';
import { formatSize } from '../format';
import { useFormState } from '../forms/use-form-state';
import type { StoredFile } from '../types';

/** The evaluation API takes at most this many evidence files per application. */
export const EVIDENCE_MAX = 50;

/**
 * Evidence for an evaluation application (证明材料): each file is stored at once through the
 * same upload as the registration documents (PDF, JPEG, PNG, checked by content on the server),
 * as 其他材料; the application then names the stored files.
 */
export function EvidenceUpload({
  files,
  onChange,
}: {
  files: StoredFile[];
  onChange: (files: StoredFile[]) => void;
}) {
  const state = useFormState();
  const { busy } = state;
  const error = state.problem;

  const upload = async (file: File) => {
    const form = new FormData();
    form.set('documentType', 'other');
    form.set('file', file);
    const stored = await state.submit(() => api.post<StoredFile>('/api/files', form));
    if (stored) onChange([...files, stored]);
  };

  return (
    <div className="field">
      <strong>证明材料（选填）</strong>
      <ul className="doc-list">
        {files.map((f) => (
          <li key={f.id} className="doc-row doc-done">
            <div className="doc-info">
              <span className="doc-mark" aria-hidden="true">
                ✓
              </span>
              <div>
                <strong className="doc-file">{f.fileName}</strong>
                <small className="muted">{formatSize(f.size)}</small>
              </div>
            </div>
            <button
              type="button"
              className="link-btn"
              onClick={() => onChange(files.filter((x) => x.id !== f.id))}
            >
              移除
            </button>
          </li>
        ))}
      </ul>
      {files.length < EVIDENCE_MAX && (
        <div>
          <label className="btn btn-secondary btn-sm upload-btn">
            {busy ? '正在上传…' : '上传证明材料'}
            <input
              type="file"
              className="visually-hidden"
              accept="application/pdf,image/jpeg,image/png"
              data-evidence-upload
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void upload(file);
              }}
            />
          </label>
        </div>
      )}
      <small className="hint">
        如年检报告、财务审计报告、获奖证书等，PDF、JPEG 或 PNG，每次上传一份。
      </small>
      <ProblemAlert error={error} />
    </div>
  );
}
