import { type SettingMeta, settingMeta } from '../../../domain/policy-labels';
import { Field } from '../components/ui';
import { TieBreak } from './tie-break';
import { errorAt, LeafSetting, optionalIn, type PolicyFormProps, Setting } from './policy-form';
import { getAt, key, newCode, type Path, resolve, type SchemaNode, unNull } from './policy-values';

/**
 * The lists of a policy: choices as checkboxes, strings as lines, numbers as a row, records as
 * a table (whose cells are settings again, hence the two modules call each other); the
 * competition's ordered tie-break has its own module.
 */

export function ListSetting(
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

type TableProps = PolicyFormProps & {
  path: Path;
  label: string;
  items: SchemaNode;
  list: Record<string, unknown>[];
};

/** A new row of a table: a fresh code where the code is automatic, else the first choice or 0. */
function blankRow({ path, items, list, process, schema }: TableProps) {
  const row: Record<string, unknown> = {};
  for (const [k, n] of Object.entries(items.properties ?? {})) {
    const r = unNull(resolve(schema, n)).node;
    const m = settingMeta(process, key([...path, 0, k]));
    if (m?.auto) row[k] = newCode(list.map((x) => String(x[k])));
    else if (r.type === 'string') row[k] = r.enum?.[0] ?? '';
    else if (r.type === 'integer' || r.type === 'number') {
      if (m?.options) row[k] = Number(Object.keys(m.options)[0]);
      else if (n.default !== undefined || (items as { required?: string[] }).required?.includes(k))
        row[k] = 0;
    }
  }
  return row;
}

/** The first row of a record's empty sub-list (an indicator's first child). */
function firstNestedRow({ process, schema }: PolicyFormProps, at: Path, n: SchemaNode) {
  const items = resolve(schema, resolve(schema, n).items ?? {});
  const taken = Object.keys(items.properties ?? {}).find(
    (c) => settingMeta(process, key([...at, 0, c]))?.auto,
  );
  return {
    ...(taken ? { [taken]: newCode([]) } : {}),
    ...Object.fromEntries(
      Object.entries(items.properties ?? {})
        .filter(([c, x]) => c !== taken && resolve(schema, x).type !== 'array')
        .map(([c, x]) => [c, resolve(schema, x).type === 'string' ? '' : 0]),
    ),
  };
}

/** A list of records (categories, criteria, grade lines, indicators) as an editable table. */
function TableSetting(props: TableProps) {
  const { path, label, items, list, process, errors, onValue } = props;
  const cols = Object.entries(items.properties ?? {});
  const shown = cols.filter(([k, n]) => {
    const m = settingMeta(process, key([...path, 0, k]));
    return !m?.auto && resolve(props.schema, n).type !== 'array';
  });
  const nested = cols.filter(([, n]) => resolve(props.schema, n).type === 'array');
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
                    onClick={() =>
                      onValue([...path, i, k], [firstNestedRow(props, [...path, i, k], n)])
                    }
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
        onClick={() => onValue(path, [...list, blankRow(props)])}
      >
        ＋ 增加一行
      </button>
      {own.length > 0 && <small className="error">{own.join('；')}</small>}
    </fieldset>
  );
}
