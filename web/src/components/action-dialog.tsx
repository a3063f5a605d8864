import { type FormEvent, type ReactNode, useCallback, useRef, useState } from 'react';
import { api, decisionKeys } from '../api';
import { type FieldErrors, useFormState } from '../forms/use-form-state';
import {
  type ActionField,
  ActionFields,
  type ActionValues,
  initialValues,
  missingAnswers,
} from './action-fields';
import { Dialog, ProblemAlert } from './ui';

/**
 * The one way the web takes a decision: a button, a dialog asking for what the API wants (its
 * reason, an amount…, or only a confirmation), busy while it is sent, and the workflow's last
 * word in the dialog: a refusal (409) with its reason, field problems (422) beside their fields.
 */

export type { ActionField, ActionValues };
export { yuanToFen } from '../money';

export type Tone = 'primary' | 'danger';

/**
 * One decision's sending: the form's state (busy, problem, field errors) and one idempotency
 * key per answer, so a retry after a lost reply is not a second decision.
 */
export function useDecision(opts: Parameters<typeof useFormState>[0] = {}) {
  const form = useFormState(opts);
  const keys = useRef(decisionKeys());
  /** Sends the decision; its answer when it went through (an empty answer too), else nothing. */
  const send = useCallback(
    async <T,>(path: string, body: unknown): Promise<{ answer: T } | undefined> => {
      const r = await form.submit(async () => ({
        answer: await api.post<T>(path, body, keys.current(body)),
      }));
      if (r !== undefined) keys.current = decisionKeys();
      return r;
    },
    [form.submit],
  );
  return { ...form, send };
}

export type Decision = ReturnType<typeof useDecision>;

const buttonClass = (tone?: Tone) =>
  tone === 'danger'
    ? 'btn btn-danger-outline'
    : tone === 'primary'
      ? 'btn btn-primary'
      : 'btn btn-secondary';

/** The dialog of a decision: what it does, what it asks for, the problem, cancel and confirm. */
export function ActionDialog({
  title,
  open,
  onClose,
  onSubmit,
  decision,
  prompt,
  tone,
  confirmLabel = '确定',
  cancelLabel = '取消',
  fieldsShown = true,
  wide,
  className,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  decision: Pick<Decision, 'busy' | 'problem'>;
  prompt?: ReactNode;
  tone?: Tone;
  confirmLabel?: string;
  cancelLabel?: string;
  /** The field problems shown beside their fields (all by default). */
  fieldsShown?: boolean | readonly string[];
  wide?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Dialog title={title} open={open} onClose={onClose} wide={wide}>
      <form className={`dialog-body ${className ?? ''}`} onSubmit={submit} noValidate>
        {prompt && <p>{prompt}</p>}
        {children}
        <ProblemAlert error={decision.problem} fieldsShown={fieldsShown} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            className={tone === 'danger' ? 'btn btn-danger' : 'btn btn-primary'}
            disabled={decision.busy}
          >
            {decision.busy ? '正在提交…' : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A decision as a button that opens its dialog; `onDone` hears the API's answer. */
export function ActionButton<T>({
  label,
  title,
  path,
  fields = [],
  body,
  check,
  tone,
  prompt,
  confirmLabel,
  children,
  onDone,
}: {
  label: string;
  title?: string;
  path: string;
  fields?: ActionField[];
  body?: (v: ActionValues) => unknown;
  /** Problems found in the browser in what would be sent (a shared schema's findings). */
  check?: (sent: unknown) => FieldErrors;
  tone?: Tone;
  prompt?: ReactNode;
  confirmLabel?: string;
  /** What the dialog says besides its prompt (the subject, the rules). */
  children?: ReactNode;
  onDone: (result: T) => void;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ActionValues>(() => initialValues(fields));
  const decision = useDecision();

  const submit = async () => {
    const sent = body ? body(values) : values;
    if (!decision.check({ ...missingAnswers(fields, values), ...check?.(sent) })) return;
    const r = await decision.send<T>(path, sent);
    if (r === undefined) return;
    setOpen(false);
    setValues(initialValues(fields));
    onDone(r.answer);
  };
  return (
    <>
      <button
        type="button"
        className={buttonClass(tone)}
        onClick={() => {
          decision.reset();
          setOpen(true);
        }}
      >
        {label}
      </button>
      <ActionDialog
        title={title ?? label}
        open={open}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        decision={decision}
        prompt={prompt}
        tone={tone}
        confirmLabel={confirmLabel}
        fieldsShown={fields.map((f) => f.name).filter((k) => decision.errors[k])}
      >
        {children}
        <ActionFields
          fields={fields}
          values={values}
          errors={decision.errors}
          onChange={(name, v) => setValues((x) => ({ ...x, [name]: v }))}
        />
      </ActionDialog>
    </>
  );
}

export { buttonClass as actionButtonClass };
