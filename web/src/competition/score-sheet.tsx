import { type FormEvent, useState } from 'react';
import type { Criterion } from '../../../domain/competition/policy';
import { ApiError, api } from '../api';
import { Card, Field, Notice, ProblemAlert } from '../components/ui';
import type { Phase } from './types';

interface Draft {
  criteria: Record<string, string>;
  comment: string;
}

const draftKey = (id: string, phase: Phase) => `mzf-score-draft-${id}-${phase}`;

function loadDraft(id: string, phase: Phase): Draft | null {
  try {
    return JSON.parse(localStorage.getItem(draftKey(id, phase)) ?? 'null') as Draft | null;
  } catch {
    return null;
  }
}

/**
 * The score sheet: one box per criterion with its maximum, a running total. The API takes only a
 * final submission, so a draft is kept in this browser until it is submitted.
 */
export function ScoreSheet({
  proposalId,
  phase,
  rubric,
  onSubmitted,
}: {
  proposalId: string;
  phase: Phase;
  rubric: Criterion[];
  onSubmitted: () => void;
}) {
  const saved = loadDraft(proposalId, phase);
  const [values, setValues] = useState<Record<string, string>>(saved?.criteria ?? {});
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(saved ? '已载入本机保存的评分草稿。' : null);
  const [busy, setBusy] = useState(false);
  const total = rubric.reduce((a, c) => a + (Number(values[c.key]) || 0), 0);
  const max = rubric.reduce((a, c) => a + c.max, 0);

  const check = () => {
    const out: Record<string, string> = {};
    for (const c of rubric) {
      const v = values[c.key] ?? '';
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) out[c.key] = '请填写分数';
      else if (n < 0 || n > c.max) out[c.key] = `应在 0 至 ${c.max} 分之间`;
    }
    return out;
  };
  const saveDraft = () => {
    localStorage.setItem(
      draftKey(proposalId, phase),
      JSON.stringify({ criteria: values, comment }),
    );
    setNote('草稿已保存在本机，提交前不会发送给系统。');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = check();
    setErrs(out);
    setError(null);
    if (Object.keys(out).length) return;
    setBusy(true);
    try {
      await api.post(`/api/competition-proposals/${proposalId}/score`, {
        phase,
        criteria: Object.fromEntries(rubric.map((c) => [c.key, Number(values[c.key])])),
        comment,
      });
      localStorage.removeItem(draftKey(proposalId, phase));
      onSubmitted();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError)
        setErrs(
          Object.fromEntries(err.errors.map((i) => [i.path.split('.').pop() ?? '', i.message])),
        );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="评分表">
      <form onSubmit={submit} noValidate>
        <div className="score-grid">
          {rubric.map((c) => (
            <Field key={c.key} label={`${c.name}（满分 ${c.max}）`} error={errs[c.key]}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  inputMode="decimal"
                  value={values[c.key] ?? ''}
                  onChange={(e) => setValues((x) => ({ ...x, [c.key]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <p className="score-total">
          合计 <strong className="score-value">{total}</strong> / {max} 分
        </p>
        <Field label="评审意见">
          {(id) => (
            <textarea
              id={id}
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        {note && <Notice tone="info">{note}</Notice>}
        <ProblemAlert error={error} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={saveDraft}>
            保存草稿
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '正在提交…' : '提交评分'}
          </button>
        </div>
      </form>
    </Card>
  );
}
