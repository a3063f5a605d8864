import { useEffect, useState } from 'react';
import type { DeficiencyItem } from '../../../domain/registration/completeness';
import { NON_ACCEPTANCE_LABEL, REFUSAL_GROUND_LABEL } from '../../../domain/registration/grounds';
import { api } from '../api';
import { ActionDialog, useDecision } from '../components/action-dialog';
import { Field } from '../components/ui';
import type { Account, RegistrationView } from '../types';
import { type ActionSpec, bodyOf, textLabelOf } from './action-specs';
import { ItemsEditor } from './items-editor';

/** The legal grounds of a refusal, or the cases of a non-acceptance: ticked, any number. */
function Grounds({
  spec,
  value,
  onChange,
}: {
  spec: ActionSpec;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const options =
    spec.form === 'reject'
      ? REFUSAL_GROUND_LABEL
      : spec.form === 'refuse'
        ? NON_ACCEPTANCE_LABEL
        : null;
  if (!options) return null;
  return (
    <fieldset className="person">
      <legend>{spec.form === 'reject' ? '法定理由（可多选）' : '不予受理的情形'}</legend>
      {Object.entries(options).map(([k, v]) => (
        <label key={k} className="check">
          <input
            type="checkbox"
            checked={value.includes(k)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, k] : value.filter((c) => c !== k))
            }
          />
          <span>{v}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The bureau head's answer to an extension request: an explicit yes or no. */
function ExtensionChoice({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  return (
    <fieldset className="person">
      <legend>批示</legend>
      {(
        [
          [true, '同意延长'],
          [false, '不同意延长'],
        ] as const
      ).map(([yes, label]) => (
        <label key={label} className="check">
          <input
            type="radio"
            name="approve"
            checked={value === yes}
            onChange={() => onChange(yes)}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The section head's choice of who handles the file: active reviewers and section heads. */
function Assignee({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<{ items: (Account & { active: boolean })[] }>(
        '/api/admin/accounts/lookup?role=reviewer&role=section_head',
      )
      .then((r) =>
        setAccounts(
          r.items.filter((a) => a.active && ['reviewer', 'section_head'].includes(a.role)),
        ),
      )
      .catch(setError);
  }, []);
  return (
    <Field label="承办人" error={error ? '承办人名单未能载入，请稍后再试' : undefined}>
      {(fid) => (
        <select id={fid} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">请选择</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName}（{a.roleLabel}）
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One decision on a registration in the shared action dialog, with the answers it asks for. */
export function DecisionDialog({
  id,
  spec,
  view,
  onClose,
  onDone,
}: {
  id: string;
  spec: ActionSpec;
  view: RegistrationView;
  onClose: () => void;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<string[]>([]);
  const [items, setItems] = useState<DeficiencyItem[]>(view.findings);
  const [days, setDays] = useState(10);
  const [approve, setApprove] = useState(true);
  const [assignee, setAssignee] = useState('');
  const decision = useDecision();
  const textLabel = textLabelOf(spec);
  const label = spec.label(view);

  const submit = async () => {
    const sent = bodyOf(spec, { text, choices, items, days, approve, assignee });
    const done = await decision.send(`/api/registrations/${id}/${spec.path}`, sent);
    if (done !== undefined) onDone();
  };

  return (
    <ActionDialog
      title={label}
      open
      onClose={onClose}
      onSubmit={submit}
      decision={decision}
      prompt={spec.prompt}
      tone={spec.tone}
      confirmLabel={`确认${label}`}
      fieldsShown={false}
    >
      {spec.form === 'items' && (
        <ItemsEditor suggested={view.findings} value={items} onChange={setItems} />
      )}
      <Grounds spec={spec} value={choices} onChange={setChoices} />
      {spec.form === 'extension' && <ExtensionChoice value={approve} onChange={setApprove} />}
      {spec.form === 'expert' && (
        <Field label="预计工作日">
          {(fid) => (
            <input
              id={fid}
              type="number"
              min={1}
              max={60}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
          )}
        </Field>
      )}
      {spec.form === 'assign' && <Assignee value={assignee} onChange={setAssignee} />}
      {textLabel && (
        <Field label={textLabel} required={spec.form !== 'items' || spec.path === 'return'}>
          {(fid) => (
            <textarea
              id={fid}
              name="reason"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
      )}
    </ActionDialog>
  );
}
