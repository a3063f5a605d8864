import type { ReactNode } from 'react';
import { type SettingMeta, settingMeta, TIME_UNIT_LABEL } from '../../../domain/policy-labels';
import { Field } from '../components/ui';
import {
  getAt,
  isDuration,
  key,
  newCode,
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
function errorAt(errors: Record<string, string>, path: Path, deep = true): string | undefined {
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

const optionalIn = (parent: SchemaNode, k: string, child: SchemaNode) =>
  !parent.required?.includes(k) && child.default === undefined;

function Setting(props: SettingProps) {
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

function LeafSetting({
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

function ListSetting(
  props: PolicyFormProps & { path: Path; node: SchemaNode; label: string; meta?: SettingMeta },
) {
  const { path, node, label, meta, value, errors, onValue, schema } = props;
  const items = resolve(schema, node.items ?? {});
  const list = (getAt(value, path) as unknown[] | undefined) ?? [];
  const error = errorAt(errors, path, items.type !== 'object');

  if (meta?.widget === 'tieBreak') return <TieBreak {...props} list={list as string[]} />;
  if (items.enum) {
    const chosen = new Set(list.map(String));
    return (
      <fieldset className={`setting-subgroup ${error ? 'field-invalid' : ''}`}>
        <legend>{label}</legend>
        <div className="check-grid">
          {items.enum.map((o) => (
            <label key={String(o)} className="check">
              <input
                type="checkbox"
                checked={chosen.has(String(o))}
                onChange={(e) =>
                  onValue(
                    path,
                    items.enum?.filter((x) => (x === o ? e.target.checked : chosen.has(String(x)))),
                  )
                }
              />
              <span>{meta?.options?.[String(o)] ?? String(o)}</span>
            </label>
          ))}
        </div>
        {error && <small className="error">{error}</small>}
      </fieldset>
    );
  }
  if (items.type === 'string')
    return (
      <Field label={label} hint={meta?.hint ?? '每行一项'} error={error}>
        {(id, d) => (
          <textarea
            id={id}
            rows={Math.min(8, Math.max(2, list.length + 1))}
            aria-describedby={d}
            value={(list as string[]).join('\n')}
            onChange={(e) =>
              onValue(
                path,
                e.target.value
                  .split('\n')
                  .map((s) => s.trim())
                  .filter((s, i, a) => s !== '' || i < a.length - 1),
              )
            }
            onBlur={() =>
              onValue(
                path,
                (list as string[]).filter((s) => s.trim() !== ''),
              )
            }
          />
        )}
      </Field>
    );
  if (items.type === 'integer' || items.type === 'number')
    return (
      <fieldset className={`setting-subgroup ${error ? 'field-invalid' : ''}`}>
        <legend>{label}</legend>
        <div className="setting-row">
          {list.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list of numbers has only places.
            <span key={i} className="setting-item">
              <span className="muted">第{i + 1}项</span>
              <LeafSetting
                {...props}
                path={[...path, i]}
                node={items}
                label={`${label}第${i + 1}项`}
                bare
              />
              {meta?.unit && <span className="unit">{meta.unit}</span>}
              <button
                type="button"
                className="link-btn"
                aria-label={`删除${label}第${i + 1}项`}
                onClick={() =>
                  onValue(
                    path,
                    list.filter((__, j) => j !== i),
                  )
                }
              >
                删除
              </button>
            </span>
          ))}
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => onValue(path, [...list, 0])}
          >
            ＋ 增加一项
          </button>
        </div>
        {meta?.hint && <small className="hint">{meta.hint}</small>}
        {error && <small className="error">{error}</small>}
      </fieldset>
    );
  return <TableSetting {...props} items={items} list={list as Record<string, unknown>[]} />;
}

/** A list of records (categories, criteria, grade lines, indicators) as an editable table. */
function TableSetting(
  props: PolicyFormProps & {
    path: Path;
    label: string;
    items: SchemaNode;
    list: Record<string, unknown>[];
  },
) {
  const { path, label, items, list, process, errors, onValue } = props;
  const cols = Object.entries(items.properties ?? {});
  const shown = cols.filter(([k, n]) => {
    const m = settingMeta(process, key([...path, 0, k]));
    return !m?.auto && resolve(props.schema, n).type !== 'array';
  });
  const nested = cols.filter(([, n]) => resolve(props.schema, n).type === 'array');
  const autos = cols.filter(([k]) => settingMeta(process, key([...path, 0, k]))?.auto);
  const blank = () => {
    const row: Record<string, unknown> = {};
    for (const [k, n] of cols) {
      const r = unNull(resolve(props.schema, n)).node;
      if (autos.some(([a]) => a === k)) row[k] = newCode(list.map((x) => String(x[k])));
      else if (r.type === 'string') row[k] = r.enum?.[0] ?? '';
      else if (r.type === 'integer' || r.type === 'number') {
        const m = settingMeta(process, key([...path, 0, k]));
        if (m?.options) row[k] = Number(Object.keys(m.options)[0]);
        else if (
          n.default !== undefined ||
          (items as { required?: string[] }).required?.includes(k)
        )
          row[k] = 0;
      }
    }
    return row;
  };
  const own = Object.entries(errors)
    .filter(([p]) => p === key(path) || /^\d+$/.test(p.slice(key(path).length + 1)))
    .map(([, m]) => m);
  return (
    <fieldset className={`setting-subgroup setting-table ${own.length ? 'field-invalid' : ''}`}>
      <legend>{label}</legend>
      {list.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows being edited are known by their place.
        <div key={i} className="setting-table-row">
          <span className="muted setting-row-no">{i + 1}</span>
          <div className="setting-row">
            {shown.map(([k, n]) => (
              <Setting
                key={k}
                {...props}
                path={[...path, i, k]}
                node={n}
                optional={optionalIn(items, k, n)}
              />
            ))}
            <button
              type="button"
              className="link-btn"
              aria-label={`删除${label}第${i + 1}行`}
              onClick={() =>
                onValue(
                  path,
                  list.filter((__, j) => j !== i),
                )
              }
            >
              删除
            </button>
          </div>
          {nested.map(([k, n]) => {
            const sub = (list[i]?.[k] as unknown[] | undefined) ?? [];
            const name = settingMeta(process, key([...path, i, k]))?.label ?? k;
            // An empty sub-list is one link, not an empty table (the indicator tree's leaves).
            return (
              <div key={k} className="setting-nested">
                {sub.length > 0 ? (
                  <Setting {...props} path={[...path, i, k]} node={n} />
                ) : (
                  <button
                    type="button"
                    className="link-btn"
                    onClick={() => {
                      const items = resolve(props.schema, resolve(props.schema, n).items ?? {});
                      const taken = Object.keys(items.properties ?? {}).find(
                        (c) => settingMeta(process, key([...path, i, k, 0, c]))?.auto,
                      );
                      onValue(
                        [...path, i, k],
                        [
                          {
                            ...(taken ? { [taken]: newCode([]) } : {}),
                            ...Object.fromEntries(
                              Object.entries(items.properties ?? {})
                                .filter(
                                  ([c, x]) =>
                                    c !== taken && resolve(props.schema, x).type !== 'array',
                                )
                                .map(([c, x]) => [
                                  c,
                                  resolve(props.schema, x).type === 'string' ? '' : 0,
                                ]),
                            ),
                          },
                        ],
                      );
                    }}
                  >
                    ＋ 增加{name}（第{i + 1}行）
                  </button>
                )}
              </div>
            );
          })}
        </div>
      ))}
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => onValue(path, [...list, blank()])}
      >
        ＋ 增加一行
      </button>
      {own.length > 0 && <small className="error">{own.join('；')}</small>}
    </fieldset>
  );
}

const TIE_RULES: Record<string, string> = {
  fewer_outliers: '离群评分较少者在前',
  earlier_submission: '申报较早者在前',
  lower_request: '申请金额较低者在前',
};

/** The competition's tie-break: an ordered choice among criteria and fixed rules. */
function TieBreak(props: PolicyFormProps & { path: Path; label: string; list: string[] }) {
  const { path, label, list, value, errors, onValue } = props;
  const rubric = (getAt(value, ['rubric']) as { key: string; name: string }[] | undefined) ?? [];
  const options: [string, string][] = [
    ...rubric.map((c): [string, string] => [`criterion:${c.key}`, `“${c.name}”得分较高者在前`]),
    ...Object.entries(TIE_RULES),
  ];
  const error = errorAt(errors, path);
  return (
    <fieldset className={`setting-subgroup ${error ? 'field-invalid' : ''}`}>
      <legend>{label}</legend>
      <ol className="setting-ordered">
        {list.map((k, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is what is edited here.
          <li key={i}>
            <select
              aria-label={`${label}第${i + 1}条`}
              value={k}
              onChange={(e) => onValue([...path, i], e.target.value)}
            >
              {options.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
              {!options.some(([v]) => v === k) && <option value={k}>（已删除的评分指标）</option>}
            </select>
            <button
              type="button"
              className="link-btn"
              onClick={() =>
                onValue(
                  path,
                  list.filter((_, j) => j !== i),
                )
              }
            >
              删除
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() =>
          onValue(path, [
            ...list,
            options.find(([v]) => !list.includes(v))?.[0] ?? 'earlier_submission',
          ])
        }
      >
        ＋ 增加一条
      </button>
      {error && <small className="error">{error}</small>}
    </fieldset>
  );
}
