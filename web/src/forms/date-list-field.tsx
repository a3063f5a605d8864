import { useId, useState } from 'react';
import { addCalendarDays } from '../../../domain/calendar';
import { formatDate } from '../format';

/**
 * A list of days chosen with date pickers: one day, or a run of days (a holiday from its first to
 * its last day) added at once; each shown as people read it and removable. Nothing is typed.
 */
export function DateListField({
  label,
  hint,
  value,
  onChange,
  error,
  range = false,
}: {
  label: string;
  hint?: string;
  value: string[];
  onChange: (days: string[]) => void;
  error?: string;
  /** Offer "to" as well, for runs of days. */
  range?: boolean;
}) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const add = () => {
    if (!from) return;
    const days: string[] = [];
    const last = range && to && to >= from ? to : from;
    for (let d = from; d <= last && days.length < 60; d = addCalendarDays(d, 1)) days.push(d);
    onChange([...new Set([...value, ...days])].sort());
    setFrom('');
    setTo('');
  };
  return (
    <fieldset className={`setting-subgroup ${error ? 'field-invalid' : ''}`}>
      <legend>{label}</legend>
      <div className="date-list-add">
        <label htmlFor={`${id}-from`}>{range ? '从' : '日期'}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        {range && (
          <>
            <label htmlFor={`${id}-to`}>至</label>
            <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </>
        )}
        <button type="button" className="btn btn-secondary btn-sm" onClick={add} disabled={!from}>
          添加{label}
        </button>
      </div>
      {value.length === 0 ? (
        <p className="muted">尚未添加。</p>
      ) : (
        <ul className="date-chips">
          {value.map((d) => (
            <li key={d}>
              {formatDate(`${d}T00:00:00+08:00`)}
              <button
                type="button"
                className="link-btn"
                aria-label={`删除 ${formatDate(`${d}T00:00:00+08:00`)}`}
                onClick={() => onChange(value.filter((x) => x !== d))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {hint && !error && <small className="hint">{hint}</small>}
      {error && <small className="error">{error}</small>}
    </fieldset>
  );
}
