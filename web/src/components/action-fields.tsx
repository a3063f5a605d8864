import type { ReactNode } from 'react';
import type { FieldErrors } from '../forms/use-form-state';
import { Field } from './ui';

/** One answer an action asks for: its reason, an amount, a choice… always kept as text. */
export interface ActionField {
  name: string;
  label: string;
  kind?:
    | 'text'
    | 'textarea'
    | 'number'
    | 'yuan'
    | 'date'
    | 'datetime'
    | 'select'
    | 'checkbox'
    /** One of `options`, none chosen at first: an explicit choice. */
    | 'radio'
    /** Any of `options`, ticked; the value is the chosen keys joined by commas. */
    | 'multi';
  options?: [string, string][];
  required?: boolean;
  hint?: string;
  initial?: string;
}

export type ActionValues = Record<string, string>;

/** The answers before anything is typed: each field's initial value, or nothing. */
export const initialValues = (fields: readonly ActionField[]): ActionValues =>
  Object.fromEntries(fields.map((f) => [f.name, f.initial ?? '']));

/** Required answers missing, asked for before anything is sent. */
export function missingAnswers(fields: readonly ActionField[], values: ActionValues): FieldErrors {
  return Object.fromEntries(
    fields
      .filter((f) => f.required && !(values[f.name] ?? '').trim())
      .map((f) => [
        f.name,
        ['radio', 'select', 'multi'].includes(f.kind ?? '') ? '请选择' : '请填写',
      ]),
  );
}

type Control = (props: {
  f: ActionField;
  id: string;
  described: string | undefined;
  value: string;
  set: (v: string) => void;
}) => ReactNode;

const Choices: Control = ({ f, id, described, value, set }) => {
  const multi = f.kind === 'multi';
  const chosen = value.split(',').filter(Boolean);
  const pick = (k: string, on: boolean) =>
    set(
      (f.options ?? [])
        .map(([o]) => o)
        .filter((o) => (o === k ? on : chosen.includes(o)))
        .join(','),
    );
  return (
    <div
      className={multi ? 'check-grid' : 'radio-group'}
      role={multi ? undefined : 'radiogroup'}
      aria-describedby={described}
    >
      {(f.options ?? []).map(([k, v]) =>
        multi ? (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(k)}
              onChange={(e) => pick(k, e.target.checked)}
            />
            <span>{v}</span>
          </label>
        ) : (
          <label key={k} className="check">
            <input
              type="radio"
              name={`${id}-${f.name}`}
              value={k}
              checked={value === k}
              onChange={() => set(k)}
            />
            <span>{v}</span>
          </label>
        ),
      )}
    </div>
  );
};

const Control: Control = (props) => {
  const { f, id, described, value, set } = props;
  switch (f.kind) {
    case 'textarea':
      return (
        <textarea
          id={id}
          rows={3}
          aria-describedby={described}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      );
    case 'select':
      return (
        <select
          id={id}
          aria-describedby={described}
          value={value}
          onChange={(e) => set(e.target.value)}
        >
          {(f.options ?? []).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      );
    case 'multi':
    case 'radio':
      return <Choices {...props} />;
    case 'checkbox':
      return (
        <input
          id={id}
          type="checkbox"
          checked={value === 'true'}
          onChange={(e) => set(e.target.checked ? 'true' : '')}
        />
      );
    default:
      return (
        <input
          id={id}
          aria-describedby={described}
          type={f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : 'text'}
          inputMode={f.kind === 'number' || f.kind === 'yuan' ? 'decimal' : undefined}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      );
  }
};

/** The fields of an action's dialog, each with its label, hint and error. */
export function ActionFields({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: readonly ActionField[];
  values: ActionValues;
  errors: FieldErrors;
  onChange: (name: string, value: string) => void;
}) {
  return (
    <>
      {fields.map((f) => (
        <Field
          key={f.name}
          label={f.label}
          required={f.required}
          hint={f.hint}
          error={errors[f.name]}
        >
          {(id, described) => (
            <Control
              f={f}
              id={id}
              described={described}
              value={values[f.name] ?? ''}
              set={(v) => onChange(f.name, v)}
            />
          )}
        </Field>
      ))}
    </>
  );
}
