import { Field } from '../components/ui';
import { type Draft, getIn } from './draft';

/** Controls bound to a path of the draft; each shows its own error next to it. */
export interface FormBinding {
  draft: Draft;
  set(path: string, value: unknown): void;
  errors: Record<string, string>;
}

interface Common {
  f: FormBinding;
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
}

export function TextInput({
  f,
  path,
  label,
  hint,
  required,
  type = 'text',
  multiline,
  placeholder,
}: Common & { type?: string; multiline?: boolean; placeholder?: string }) {
  const value = (getIn(f.draft, path) as string | undefined) ?? '';
  return (
    <Field label={label} hint={hint} required={required} error={f.errors[path]}>
      {(id, describedBy) =>
        multiline ? (
          <textarea
            id={id}
            name={path}
            rows={3}
            value={value}
            placeholder={placeholder}
            aria-invalid={Boolean(f.errors[path])}
            aria-describedby={describedBy}
            onChange={(e) => f.set(path, e.target.value)}
          />
        ) : (
          <input
            id={id}
            name={path}
            type={type}
            value={value}
            placeholder={placeholder}
            aria-invalid={Boolean(f.errors[path])}
            aria-describedby={describedBy}
            onChange={(e) =>
              f.set(
                path,
                type === 'tel' && e.target.value === '' && !required ? undefined : e.target.value,
              )
            }
          />
        )
      }
    </Field>
  );
}

export function NumberInput({ f, path, label, hint, required, unit }: Common & { unit?: string }) {
  const value = getIn(f.draft, path) as number | undefined;
  return (
    <Field
      label={unit ? `${label}（${unit}）` : label}
      hint={hint}
      required={required}
      error={f.errors[path]}
    >
      {(id, describedBy) => (
        <input
          id={id}
          name={path}
          type="number"
          inputMode="decimal"
          min={0}
          value={value === undefined || Number.isNaN(value) ? '' : String(value)}
          aria-invalid={Boolean(f.errors[path])}
          aria-describedby={describedBy}
          onChange={(e) => f.set(path, e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

export function SelectInput({
  f,
  path,
  label,
  hint,
  required,
  options,
}: Common & { options: Record<string, string> }) {
  const value = (getIn(f.draft, path) as string | undefined) ?? '';
  return (
    <Field label={label} hint={hint} required={required} error={f.errors[path]}>
      {(id, describedBy) => (
        <select
          id={id}
          name={path}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => f.set(path, e.target.value === '' ? undefined : e.target.value)}
        >
          {!required && <option value="">请选择</option>}
          {Object.entries(options).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckInput({ f, path, label }: { f: FormBinding; path: string; label: string }) {
  const checked = Boolean(getIn(f.draft, path));
  return (
    <div className={`check ${f.errors[path] ? 'field-invalid' : ''}`}>
      <label>
        <input
          type="checkbox"
          name={path}
          checked={checked}
          onChange={(e) => f.set(path, e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {f.errors[path] && <small className="error">{f.errors[path]}</small>}
    </div>
  );
}

const ID_TYPES = { resident_id: '居民身份证', passport: '护照', other: '其他证件' };

export function PersonFields({ f, path, title }: { f: FormBinding; path: string; title: string }) {
  return (
    <fieldset className="person">
      <legend>{title}</legend>
      <div className="grid-2">
        <TextInput f={f} path={`${path}.name`} label="姓名" required />
        <TextInput f={f} path={`${path}.position`} label="拟任职务" required />
        <SelectInput f={f} path={`${path}.idType`} label="证件类型" options={ID_TYPES} required />
        <TextInput f={f} path={`${path}.idNumber`} label="证件号码" required />
        <TextInput f={f} path={`${path}.phone`} label="联系电话" type="tel" />
      </div>
      <CheckInput f={f} path={`${path}.stateFunctionary`} label="现任国家机关工作人员" />
      <CheckInput
        f={f}
        path={`${path}.legalRepresentativeElsewhere`}
        label="已担任其他社会团体的法定代表人"
      />
    </fieldset>
  );
}
