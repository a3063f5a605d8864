import { type FormEvent, useCallback, useRef, useState } from 'react';
import { ApiError, api, decisionKeys } from '../api';
import { ScoreConfirmDialog } from '../components/score-confirm-dialog';
import { Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { useLoad } from '../use-load';
import {
  BONUS,
  checkSheet,
  placeServerProblems,
  type SheetErrors,
  type SheetValues,
  sheetBody,
  sumOf,
} from './sheet-problems';
import type { IndicatorNode, SheetAnswer } from './types';

/** A 422 of the sheet: its findings beside the indicators they name, the rest above the buttons. */
function placed(e: ApiError, indicators: IndicatorNode[]) {
  const p = placeServerProblems(e.detail, indicators);
  return {
    errors: p.errors,
    problem:
      p.rest.length || !Object.keys(p.errors).length
        ? new ApiError(422, e.title, p.rest.join('；') || e.detail)
        : new ApiError(422, e.title, '请按各项下方的说明修改后再试。'),
  };
}

const valuesOf = (a: SheetAnswer): SheetValues => ({
  scores: Object.fromEntries(Object.entries(a.sheet?.scores ?? {}).map(([k, v]) => [k, String(v)])),
  // An empty bonus field means none while editing; a submitted sheet shows its 0.
  bonus: a.sheet && (a.sheet.bonus > 0 || a.status === 'submitted') ? String(a.sheet.bonus) : '',
});

/**
 * The score sheet built from the indicator tree the API gives: a number per leaf (groups are
 * their sums), bonus points, a draft that can be saved any number of times, and one submission.
 */
export function ScoreSheet({ fileId, onSubmitted }: { fileId: string; onSubmitted: () => void }) {
  const { data, error, reload } = useLoad(
    () => api.get<SheetAnswer>(`/api/evaluation/files/${fileId}/score-sheet`),
    `sheet-${fileId}`,
  );
  if (!data) return error ? <ProblemAlert error={error} /> : <Loading />;
  return (
    <SheetForm
      key={data.status}
      answer={data}
      fileId={fileId}
      onSubmitted={() => {
        reload();
        onSubmitted();
      }}
    />
  );
}

function SheetForm({
  answer,
  fileId,
  onSubmitted,
}: {
  answer: SheetAnswer;
  fileId: string;
  onSubmitted: () => void;
}) {
  const [values, setValues] = useState<SheetValues>(() => valuesOf(answer));
  const { indicators } = answer;
  const place = useCallback(
    (e: unknown) => (e instanceof ApiError && e.status === 422 ? placed(e, indicators) : undefined),
    [indicators],
  );
  const form = useFormState({ place });
  const { busy, problem, errors } = form;
  const [saved, setSaved] = useState<string | null>(null);
  const keys = useRef(decisionKeys());
  const [confirming, setConfirming] = useState(false);
  const readOnly = answer.status === 'submitted';

  const setScore = (code: string, text: string) => {
    setValues((v) => ({ ...v, scores: { ...v.scores, [code]: text } }));
    form.clearField(code);
    setSaved(null);
  };

  /** Client check first; a 422 from the server is put next to the fields it names. */
  async function send(kind: 'draft' | 'submit') {
    setSaved(null);
    if (!form.check(checkSheet(values, answer.indicators, answer.bonusMax))) return false;
    const sheet = sheetBody(values);
    const sent = await form.submit(async () => {
      if (kind === 'draft') await api.put(`/api/evaluation/files/${fileId}/score-sheet`, sheet);
      else
        await api.post(`/api/evaluation/files/${fileId}/submit-sheet`, sheet, keys.current(sheet));
      return true;
    });
    if (!sent) return false;
    if (kind === 'draft') setSaved('草稿已保存，提交前可以继续修改。');
    else onSubmitted();
    return true;
  }

  const draft = (e: FormEvent) => {
    e.preventDefault();
    void send('draft');
  };
  const total = sumOf(values);

  return (
    <Card title="评分表" actions={<span className="sheet-total">合计 {total ?? '—'} 分</span>}>
      {readOnly && (
        <Notice tone="ok">
          评分表已提交，不能再修改。{answer.total !== null && <>总分 {answer.total} 分。</>}
        </Notice>
      )}
      <form onSubmit={draft} noValidate className="score-sheet">
        <Indicators
          nodes={answer.indicators}
          values={values}
          errors={errors}
          readOnly={readOnly}
          onChange={setScore}
        />
        <Field
          label={`加分（0 至 ${answer.bonusMax} 分）`}
          error={errors[BONUS]}
          hint={readOnly ? undefined : '没有加分项时留空'}
        >
          {(id, described) => (
            <input
              id={id}
              type="number"
              inputMode="decimal"
              min={0}
              max={answer.bonusMax}
              step="any"
              className="score-input"
              value={values.bonus}
              readOnly={readOnly}
              aria-describedby={described}
              aria-invalid={Boolean(errors[BONUS])}
              onChange={(e) => {
                const text = e.target.value;
                setValues((v) => ({ ...v, bonus: text }));
                form.clearField(BONUS);
              }}
            />
          )}
        </Field>
        <ProblemAlert error={problem} fieldsShown />
        {saved && <Notice tone="ok">{saved}</Notice>}
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary" disabled={busy}>
              保存草稿
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => {
                if (form.check(checkSheet(values, answer.indicators, answer.bonusMax)))
                  setConfirming(true);
              }}
            >
              提交评分表
            </button>
          </div>
        )}
      </form>
      <ScoreConfirmDialog
        title="提交评分表"
        open={confirming}
        busy={busy}
        subject="本表"
        total={total}
        rule="评分表只能提交一次，提交后不能再修改，确认提交吗？"
        onConfirm={() => void send('submit').then(() => setConfirming(false))}
        onCancel={() => setConfirming(false)}
      />
    </Card>
  );
}

/** Groups as headed blocks with their sum; leaves as number fields limited to their maximum. */
function Indicators({
  nodes,
  values,
  errors,
  readOnly,
  onChange,
}: {
  nodes: IndicatorNode[];
  values: SheetValues;
  errors: SheetErrors;
  readOnly: boolean;
  onChange: (code: string, text: string) => void;
}) {
  return (
    <div className="indicators">
      {nodes.map((n) =>
        n.children?.length ? (
          <fieldset key={n.code} className="indicator-group">
            <legend>
              {n.name}（满分 {n.max} 分）
            </legend>
            <Indicators
              nodes={n.children}
              values={values}
              errors={errors}
              readOnly={readOnly}
              onChange={onChange}
            />
          </fieldset>
        ) : (
          <Field key={n.code} label={`${n.name}（满分 ${n.max} 分）`} error={errors[n.code]}>
            {(id, described) => (
              <input
                id={id}
                type="number"
                inputMode="decimal"
                min={0}
                max={n.max}
                step="any"
                className="score-input"
                value={values.scores[n.code] ?? ''}
                readOnly={readOnly}
                aria-describedby={described}
                aria-invalid={Boolean(errors[n.code])}
                onChange={(e) => onChange(n.code, e.target.value)}
              />
            )}
          </Field>
        ),
      )}
    </div>
  );
}
