import { errorAt, type PolicyFormProps } from './policy-form';
import { getAt, type Path } from './policy-values';

const TIE_RULES: Record<string, string> = {
  fewer_outliers: '离群评分较少者在前',
  earlier_submission: '申报较早者在前',
  lower_request: '申请金额较低者在前',
};

/** The competition's tie-break: an ordered choice among criteria and fixed rules. */
export function TieBreak(props: PolicyFormProps & { path: Path; label: string; list: string[] }) {
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
