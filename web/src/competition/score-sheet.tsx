import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Criterion } from '../../../domain/competition/policy';
import { api, decisionKeys } from '../api';
import { ScoreConfirmDialog } from '../components/score-confirm-dialog';
import { Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { useFormState } from '../forms/use-form-state';
import type { Phase, ScoreDraft } from './types';

type Values = Record<string, string>;

/** Field errors of a problem by criterion key ('body.criteria.need' → 'need'). */
const lastSegment = (path: string) => path.split('.').pop() ?? '';

/** A filled value must be a whole number within the criterion's maximum (the server's rule). */
function checkValues(rubric: Criterion[], values: Values, complete: boolean) {
  const out: Record<string, string> = {};
  for (const c of rubric) {
    const v = (values[c.key] ?? '').trim();
    const n = Number(v);
    if (v === '') {
      if (complete) out[c.key] = '请填写分数';
    } else if (!Number.isInteger(n) || n < 0 || n > c.max)
      out[c.key] = `应为 0 至 ${c.max} 之间的整数`;
  }
  return out;
}

const filled = (rubric: Criterion[], values: Values) =>
  Object.fromEntries(
    rubric
      .filter((c) => (values[c.key] ?? '').trim() !== '')
      .map((c) => [c.key, Number(values[c.key])]),
  );

/**
 * The score sheet: one box per criterion with its maximum, a running total. A draft is kept on
 * the server for this judge only (so it follows them to another browser); the submission goes
 * to the proposal's workflow, and ends the draft.
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
  const draftPath = `/api/competition-proposals/${proposalId}/score-draft/${phase}`;
  const [loaded, setLoaded] = useState(false);
  const [values, setValues] = useState<Values>({});
  const [comment, setComment] = useState('');
  const form = useFormState({ rename: lastSegment });
  const { errors: errs } = form;
  const error = form.problem;
  const [note, setNote] = useState<string | null>(null);
  // Which button's request runs: its label says so, and both wait for it.
  const [action, setAction] = useState<'save' | 'submit'>('save');
  const busy = form.busy ? action : null;
  const keys = useRef(decisionKeys());
  const total = rubric.reduce((a, c) => a + (Number(values[c.key]) || 0), 0);
  const max = rubric.reduce((a, c) => a + c.max, 0);
  const { submit: run } = form;

  useEffect(() => {
    let live = true;
    void run(() => api.get<{ draft: ScoreDraft | null }>(draftPath))
      .then((r) => {
        if (!live || !r?.draft) return;
        const { draft } = r;
        setValues(
          Object.fromEntries(Object.entries(draft.criteria).map(([k, v]) => [k, String(v)])),
        );
        setComment(draft.comment);
        setNote(`已载入您保存的评分草稿（${formatDateTime(draft.updatedAt)}）。`);
      })
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [draftPath, run]);

  const saveDraft = async () => {
    setNote(null);
    if (!form.check(checkValues(rubric, values, false))) return;
    setAction('save');
    const r = await form.submit(() =>
      api.put<{ draft: ScoreDraft }>(draftPath, { criteria: filled(rubric, values), comment }),
    );
    if (r)
      setNote(
        `草稿已保存（${formatDateTime(r.draft.updatedAt)}），仅您本人可见，提交前不计入评分。`,
      );
  };
  const [confirming, setConfirming] = useState(false);
  /** Checks the sheet, then asks: a submitted score counts and cannot be changed. */
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.check(checkValues(rubric, values, true))) setConfirming(true);
  };
  const send = async () => {
    setAction('submit');
    const sheet = { phase, criteria: filled(rubric, values), comment };
    const sent = await form.submit(async () => {
      await api.post(`/api/competition-proposals/${proposalId}/score`, sheet, keys.current(sheet));
      return true;
    });
    setConfirming(false);
    if (sent) onSubmitted();
  };
  if (!loaded) return <Loading text="正在读取评分草稿…" />;
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
                  inputMode="numeric"
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
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void saveDraft()}
            disabled={busy !== null}
          >
            {busy === 'save' ? '正在保存…' : '保存草稿'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {busy === 'submit' ? '正在提交…' : '提交评分'}
          </button>
        </div>
      </form>
      <ScoreConfirmDialog
        title="确认提交评分"
        open={confirming}
        busy={busy === 'submit'}
        subject="本项目"
        total={total}
        max={max}
        rule="评分提交后计入结果，不能再修改。"
        lines={rubric.map((c) => ({
          key: c.key,
          name: c.name,
          score: values[c.key] ?? '',
          max: c.max,
        }))}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      />
    </Card>
  );
}
