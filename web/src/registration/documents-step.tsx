import { useState } from 'react';
import {
  DOCUMENT_LABEL,
  type DocumentType,
  requiredDocuments,
} from '../../../domain/registration/documents';
import { api } from '../api';
import { Notice, ProblemAlert } from '../components/ui';
import { formatSize } from '../format';
import { useFormState } from '../forms/use-form-state';
import type { StoredFile } from '../types';
import type { FormBinding } from './inputs';

type DocRef = FormBinding['draft']['documents'][number];

/** One row per required document and any number of others; each upload is stored at once. */
export function DocumentsStep({ f }: { f: FormBinding }) {
  const state = useFormState();
  const error = state.problem;
  // Which document is being uploaded: its button says so, and every upload waits for it.
  const [uploading, setUploading] = useState<string | null>(null);
  const busy = state.busy ? uploading : null;
  const [sizes, setSizes] = useState<Record<string, number>>({});
  const required = requiredDocuments(f.draft.legalForm, f.draft.needsPriorPermit ?? false);
  const docs = f.draft.documents;
  const missing = required.filter((r) => !docs.some((d) => d.type === r.type));

  const upload = async (type: DocumentType, file: File) => {
    setUploading(type);
    const form = new FormData();
    form.set('documentType', type);
    form.set('file', file);
    const stored = await state.submit(() => api.post<StoredFile>('/api/files', form));
    if (!stored) return;
    setSizes((s) => ({ ...s, [stored.id]: stored.size }));
    const keep = type === 'other' ? docs : docs.filter((d) => d.type !== type);
    f.set('documents', [...keep, { type, fileId: stored.id, fileName: stored.fileName }]);
  };

  const row = (type: DocumentType, basis: string | null) => {
    const mine = docs.filter((d) => d.type === type);
    return (
      <li key={type} className={`doc-row ${mine.length ? 'doc-done' : ''}`}>
        <div className="doc-info">
          <span className="doc-mark" aria-hidden="true">
            {mine.length ? '✓' : '○'}
          </span>
          <div>
            <strong>{DOCUMENT_LABEL[type]}</strong>
            {basis && <small className="muted doc-basis">依据：{basis}</small>}
            {mine.map((d: DocRef) => (
              <small key={d.fileId} className="doc-file">
                {d.fileName ?? '已上传'}
                {sizes[d.fileId] ? `（${formatSize(sizes[d.fileId] as number)}）` : ''}
                <button
                  type="button"
                  className="link-btn"
                  onClick={() =>
                    f.set(
                      'documents',
                      docs.filter((x) => x.fileId !== d.fileId),
                    )
                  }
                >
                  移除
                </button>
              </small>
            ))}
          </div>
        </div>
        <label className="btn btn-secondary btn-sm upload-btn">
          {busy === type ? '正在上传…' : mine.length && type !== 'other' ? '重新上传' : '上传文件'}
          <input
            type="file"
            className="visually-hidden"
            accept="application/pdf,image/jpeg,image/png"
            data-document-type={type}
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(type, file);
            }}
          />
        </label>
      </li>
    );
  };

  return (
    <div>
      <p className="muted">
        请上传扫描件或 PDF（PDF、JPEG、PNG，单个文件不超过 10
        MB）。系统按文件内容识别格式并保存其哈希值。
      </p>
      <ProblemAlert error={error} />
      <ul className="doc-list">
        {required.map((r) => row(r.type, r.legalBasis))}
        {row('other', null)}
      </ul>
      {missing.length > 0 ? (
        <Notice tone="warn">
          尚缺 {missing.length} 项材料：{missing.map((m) => DOCUMENT_LABEL[m.type]).join('、')}。
          可以先提交，受理审查时本局将一次性告知需要补正的全部内容。
        </Notice>
      ) : (
        <Notice tone="ok">所需材料已齐全。</Notice>
      )}
      {f.errors.documents && <p className="error">{f.errors.documents}</p>}
    </div>
  );
}
