import { type FormEvent, useRef, useState } from 'react';
import { api, decisionKeys, fieldErrors } from '../api';
import { Dialog, Field, ProblemAlert } from './ui';

/**
 * One decision as a button and a dialog asking for what the API wants (its reason, an amount…).
 * The workflow has the last word: a refusal (409) or a field problem (422) is shown in the dialog.
 */
export interface ActionField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'number' | 'yuan' | 'date' | 'datetime' | 'select' | 'checkbox';
  options?: [string, string][];
  required?: boolean;
  hint?: string;
  initial?: string;
}

export type ActionValues = Record<string, string>;

export { yuanToFen } from '../money';

export function ActionButton<T>({
  label,
  title,
  path,
  fields = [],
  body,
  tone,
  prompt,
  onDone,
}: {
  label: string;
  title?: string;
  path: string;
  fields?: ActionField[];
  body?: (v: ActionValues) => unknown;
  tone?: 'primary' | 'danger';
  prompt?: string;
  onDone: (result: T) => void;
}) {
  const [open, setOpen] = useState(false);
  const initial = () =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? '' : '')]));
  const [values, setValues] = useState<ActionValues>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const keys = useRef(decisionKeys());
  const errs = fieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const sent = body ? body(values) : values;
      const r = await api.post<T>(path, sent, keys.current(sent));
      keys.current = decisionKeys();
      setOpen(false);
      setValues(initial());
      onDone(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const set = (name: string, v: string) => setValues((x) => ({ ...x, [name]: v }));
  const cls =
    tone === 'danger'
      ? 'btn btn-danger-outline'
      : tone === 'primary'
        ? 'btn btn-primary'
        : 'btn btn-secondary';
  return (
    <>
      <button type="button" className={cls} onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog title={title ?? label} open={open} onClose={() => setOpen(false)}>
        <form className="dialog-body" onSubmit={submit} noValidate>
          {prompt && <p>{prompt}</p>}
          {fields.map((f) => (
            <Field
              key={f.name}
              label={f.label}
              required={f.required}
              hint={f.hint}
              error={errs[f.name]}
            >
              {(id, described) =>
                f.kind === 'textarea' ? (
                  <textarea
                    id={id}
                    rows={3}
                    aria-describedby={described}
                    value={values[f.name] ?? ''}
                    onChange={(e) => set(f.name, e.target.value)}
                  />
                ) : f.kind === 'select' ? (
                  <select
                    id={id}
                    aria-describedby={described}
                    value={values[f.name] ?? ''}
                    onChange={(e) => set(f.name, e.target.value)}
                  >
                    {(f.options ?? []).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                ) : f.kind === 'checkbox' ? (
                  <input
                    id={id}
                    type="checkbox"
                    checked={values[f.name] === 'true'}
                    onChange={(e) => set(f.name, e.target.checked ? 'true' : '')}
                  />
                ) : (
                  <input
                    id={id}
                    aria-describedby={described}
                    type={
                      f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : 'text'
                    }
                    inputMode={f.kind === 'number' || f.kind === 'yuan' ? 'decimal' : undefined}
                    value={values[f.name] ?? ''}
                    onChange={(e) => set(f.name, e.target.value)}
                  />
                )
              }
            </Field>
          ))}
          <ProblemAlert
            error={error}
            fieldsShown={Object.keys(errs).some((k) => fields.some((f) => f.name === k))}
          />
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
              取消
            </button>
            <button
              type="submit"
              className={tone === 'danger' ? 'btn btn-danger' : 'btn btn-primary'}
              disabled={busy}
            >
              {busy ? '正在提交…' : '确定'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
