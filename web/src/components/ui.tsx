import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ApiError } from '../api';

/** Small building blocks shared by every page. */

export function Card({
  title,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card ${className ?? ''}`}>
      {(title || actions) && (
        <header className="card-head">
          {title && <h2>{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <p className="loading" aria-live="polite">
      {text}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * A refusal or failure from the API: its title and reason, as the server put them. Field
 * problems are listed by field name, except those the form already shows beside their fields
 * (`fieldsShown`: all of them, or the paths shown, with `body.` stripped).
 */
export function ProblemAlert({
  error,
  fieldsShown,
}: {
  error: unknown;
  fieldsShown?: boolean | readonly string[];
}) {
  if (!error) return null;
  const e =
    error instanceof ApiError ? error : new ApiError(0, '出错了', String((error as Error).message));
  const rest =
    fieldsShown === true
      ? []
      : e.errors.filter(
          (i) =>
            !Array.isArray(fieldsShown) ||
            !fieldsShown.some((k) => i.path === `body.${k}` || i.path.endsWith(`.${k}`)),
        );
  const fieldProblem = e.errors.length > 0;
  return (
    <div className="alert alert-bad" role="alert">
      <strong>{fieldProblem ? '请修改标出的内容后再提交' : e.title}</strong>
      {rest.length === 0 && e.detail && e.detail !== e.title && <p>{e.detail}</p>}
      {rest.length > 0 && (
        <ul>
          {rest.map((i) => (
            <li key={i.path + i.message}>{i.label ? `${i.label}：${i.message}` : i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({ tone, children }: { tone: 'info' | 'warn' | 'ok'; children: ReactNode }) {
  return <div className={`alert alert-${tone}`}>{children}</div>;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** A labelled control with its hint and error underneath (error read out by screen readers). */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId();
  const described = error ? `${id}-err` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children(id, described)}
      {hint && !error && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-err`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}

/** A free-text answer (reason, facts, basis) in a Field: the shape every action form uses. */
export function TextAreaField({
  value,
  onChange,
  rows,
  maxLength,
  ...field
}: Omit<FieldProps, 'children'> & {
  value: string;
  onChange: (v: string) => void;
  rows: number;
  maxLength: number;
}) {
  return (
    <Field {...field}>
      {(id, d) => (
        <textarea
          id={id}
          rows={rows}
          maxLength={maxLength}
          value={value}
          aria-describedby={d}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A modal dialog on the native <dialog> element (focus trap and Esc come with it). */
export function Dialog({
  title,
  open,
  onClose,
  children,
  wide,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** For a long form (a contract): as wide as the screen allows, up to a page. */
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      onClose={onClose}
      aria-label={title}
    >
      <header className="dialog-head">
        <h2 className="dialog-title">{title}</h2>
        <button type="button" className="btn-close" onClick={onClose} aria-label="关闭">
          ×
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
