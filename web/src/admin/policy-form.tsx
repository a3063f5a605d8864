import type { ReactNode } from 'react';
import { type SettingMeta, settingMeta, TIME_UNIT_LABEL } from '../../../domain/policy-labels';
import { Field } from '../components/ui';
import { ListSetting } from './policy-lists';
import {
  getAt,
  isDuration,
  key,
  numberText,
  type Path,
  parseNumber,
  resolve,
  type SchemaNode,
  unNull,
} from './policy-values';

/**
 * Every setting of a process as a form control, read from the policy's JSON Schema, so a
 * setting added to a policy appears here by itself: durations as number and unit, amounts in
 * 元, choices as Chinese options, lists as lines, tables or checkboxes. Names come from
 * domain/policy-labels.ts.
 */
export interface PolicyFormProps {
  process: string;
  schema: SchemaNode;
  value: unknown;
  texts: Record<string, string>;
  errors: Record<string, string>;
  onValue(path: Path, v: unknown): void;
  /** A number typed: the text to keep showing and what it means (or why it means nothing). */
  onText(path: Path, text: string, parsed: ReturnType<typeof parseNumber>): void;
}

/** The errors at `path` and below it (a duration's amount, a list's items). */
export function errorAt(
  errors: Record<string, string>,
  path: Path,
  deep = true,
): string | undefined {
  const k = key(path);
  const found = Object.entries(errors)
    .filter(([p]) => p === k || (deep && p.startsWith(`${k}.`)))
    .map(([, m]) => m);
  return found.length ? [...new Set(found)].join('；') : undefined;
}

const labelOf = (path: Path, meta: SettingMeta | undefined) =>
  meta?.label ?? `未命名的设置（${key(path)}）`;

export function PolicyForm(props: PolicyFormProps) {
  const root = props.schema;
  return (
    <div className="policy-form setting-grid">
      {Object.entries(root.properties ?? {}).map(([k, n]) => (
        <Setting key={k} {...props} path={[k]} node={n} top />
      ))}
    </div>
  );
}

type SettingProps = PolicyFormProps & {
  path: Path;
  node: SchemaNode;
  top?: boolean;
  bare?: boolean;
  /** May be left empty (not required, no default). */
  optional?: boolean;
};

export const optionalIn = (parent: SchemaNode, k: string, child: SchemaNode) =>
  !parent.required?.includes(k) && child.default === undefined;

export function Setting(props: SettingProps) {
  const { process, path, schema, value } = props;
  const { node, nullable } = unNull(resolve(schema, props.node));
  const meta = settingMeta(process, key(path));
  const label = labelOf(path, meta);
  const current = getAt(value, path);

  if (nullable) {
    const off = current === null;
    const fallback =
      props.node.default ?? (isDuration(node) ? { amount: 1, unit: 'workingDays' } : 0);
    return (
      <div className="setting-nullable">
        <label className="check">
          <input
            type="checkbox"
            checked={off}
            onChange={(e) => props.onValue(path, e.target.checked ? null : (fallback ?? 0))}
          />
          <span>{label}：不设</span>
        </label>
        {!off && <Setting {...props} node={node} />}
      </div>
    );
  }
  if (isDuration(node)) return <DurationSetting {...props} label={label} />;
  if (node.type === 'object') {
    const children = Object.entries(node.properties ?? {}).map(([k, n]) => (
      <Setting
        key={k}
        {...props}
        path={[...path, k]}
        node={n}
        top={false}
        optional={optionalIn(node, k, n)}
      />
    ));
    return (
      <fieldset className={props.top ? 'setting-group' : 'setting-subgroup'}>
        <legend>{label}</legend>
        <div className="setting-grid">{children}</div>
      </fieldset>
    );
  }
  if (node.type === 'array')
    return <ListSetting {...props} node={node} label={label} meta={meta} />;
  return <LeafSetting {...props} node={node} label={label} meta={meta} />;
}

export function LeafSetting({
  path,
  node,
  label,
  meta,
  value,
  texts,
  errors,
  onValue,
  onText,
  bare,
  optional,
}: SettingProps & { label: string; meta?: SettingMeta }) {
  const current = getAt(value, path);
  const error = errorAt(errors, path);
  const wrap = (control: (id: string, d?: string) => ReactNode) =>
    bare ? (
      control(`s-${key(path)}`)
    ) : (
      <Field label={label} hint={meta?.hint} error={error}>
        {control}
      </Field>
    );
  if (node.type === 'boolean')
    return (
      <div className={`field ${error ? 'field-invalid' : ''}`}>
        <label className="check">
          <input
            type="checkbox"
            aria-label={bare ? label : undefined}
            checked={current === true}
            onChange={(e) => onValue(path, e.target.checked)}
          />
          <span>{bare ? '' : label}</span>
        </label>
        {meta?.hint && !bare && <small className="hint">{meta.hint}</small>}
        {error && !bare && <small className="error">{error}</small>}
      </div>
    );
  if (node.enum || meta?.options) {
    const opts = node.enum ?? Object.keys(meta?.options ?? {});
    return wrap((id, d) => (
      <select
        id={id}
        aria-label={bare ? label : undefined}
        aria-describedby={d}
        value={String(current ?? '')}
        onChange={(e) => {
          const raw = e.target.value;
          onValue(path, node.type === 'integer' || node.type === 'number' ? Number(raw) : raw);
        }}
      >
        {opts.map((o) => (
          <option key={String(o)} value={String(o)}>
            {meta?.options?.[String(o)] ?? String(o)}
          </option>
        ))}
      </select>
    ));
  }
  if (node.type === 'integer' || node.type === 'number') {
    const unit = meta?.money ? '元' : meta?.unit;
    return wrap((id, d) => (
      <span className="input-unit">
        <input
          id={id}
          aria-label={bare ? label : undefined}
          aria-describedby={d}
          aria-invalid={error ? true : undefined}
          inputMode="decimal"
          value={texts[key(path)] ?? numberText(meta, current)}
          onChange={(e) =>
            onText(
              path,
              e.target.value,
              parseNumber(meta, node.type === 'integer', e.target.value, optional),
            )
          }
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
    ));
  }
  return wrap((id, d) => (
    <input
      id={id}
      aria-label={bare ? label : undefined}
      aria-describedby={d}
      value={String(current ?? '')}
      onChange={(e) => onValue(path, e.target.value)}
    />
  ));
}

function DurationSetting({
  path,
  value,
  texts,
  errors,
  onValue,
  onText,
  label,
  process,
}: PolicyFormProps & { path: Path; label: string }) {
  const d = (getAt(value, path) ?? { amount: 0, unit: 'workingDays' }) as {
    amount: number;
    unit: string;
  };
  const meta = settingMeta(process, key(path));
  return (
    <Field label={label} hint={meta?.hint} error={errorAt(errors, path)}>
      {(id, described) => (
        <span className="input-unit">
          <input
            id={id}
            aria-describedby={described}
            inputMode="numeric"
            value={texts[key([...path, 'amount'])] ?? String(d.amount)}
            onChange={(e) =>
              onText(
                [...path, 'amount'],
                e.target.value,
                parseNumber(undefined, true, e.target.value),
              )
            }
          />
          <select
            aria-label={`${label}的单位`}
            value={d.unit}
            onChange={(e) => onValue([...path, 'unit'], e.target.value)}
          >
            {Object.entries(TIME_UNIT_LABEL)
              // Seconds and minutes exist for tests; an official sets days and months.
              .filter(([u]) => !['hours', 'minutes', 'seconds'].includes(u) || u === d.unit)
              .map(([u, l]) => (
                <option key={u} value={u}>
                  {l}
                </option>
              ))}
          </select>
        </span>
      )}
    </Field>
  );
}
