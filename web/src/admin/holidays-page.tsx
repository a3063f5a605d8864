import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { DateListField } from '../forms/date-list-field';
import { useFormState } from '../forms/use-form-state';
import { useLoad } from '../use-load';

interface HolidayYear {
  year: number;
  daysOff: string[];
  makeupWorkdays: string[];
  source: string;
}

/** Per-path errors of a list ('daysOff.3') gathered under the list's own field. */
function listErrors(errors: Record<string, string>, key: string): string | undefined {
  const list = Object.entries(errors).filter(([k]) => k === key || k.startsWith(`${key}.`));
  return list.length ? list.map(([, v]) => v).join('；') : undefined;
}

/** The State Council's holiday notice of each year: working days count on it. */
export function HolidaysPage() {
  const years = useLoad(
    () => api.get<{ items: HolidayYear[] }>('/api/admin/holiday-calendars'),
    'years',
  );
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [daysOff, setDaysOff] = useState<string[]>([]);
  const [makeup, setMakeup] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const form = useFormState();
  const errors = form.errors;
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const r = await form.submit(() =>
      api.put<{ year: number; recalculated: number }>(`/api/admin/holiday-calendars/${year}`, {
        year: Number(year),
        daysOff,
        makeupWorkdays: makeup,
        source: source.trim(),
      }),
    );
    if (!r) return;
    setSaved(`${r.year}年节假日已载入，${r.recalculated} 件在办申请已按新日历重算期限。`);
    years.reload();
  };

  return (
    <div>
      <h1 className="page-title">节假日安排</h1>
      <Card title="已载入的年度">
        <ProblemAlert error={years.error} />
        {!years.data ? (
          <Loading />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>年度</th>
                  <th>放假天数</th>
                  <th>调休上班日</th>
                  <th>来源</th>
                </tr>
              </thead>
              <tbody>
                {years.data.items.map((y) => (
                  <tr key={y.year}>
                    <td data-label="年度" className="nowrap">
                      {y.year}年
                    </td>
                    <td data-label="放假天数">{y.daysOff.length} 天</td>
                    <td data-label="调休上班日">{y.makeupWorkdays.join('、') || '无'}</td>
                    <td data-label="来源" className="break">
                      {y.source}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="载入或更正一年">
        <p className="muted">
          按国务院办公厅的放假通知填写。未载入的年度按周一至周五暂算期限，并标注“暂算”；载入后在办申请随即重算。
        </p>
        <form onSubmit={submit} noValidate>
          {saved && <Notice tone="ok">{saved}</Notice>}
          <ProblemAlert error={form.problem} fieldsShown />
          <Field label="年度" required error={errors.year}>
            {(id) => (
              <input id={id} type="number" value={year} onChange={(e) => setYear(e.target.value)} />
            )}
          </Field>
          <DateListField
            label="放假日期"
            range
            hint="每个假期选第一天和最后一天后添加，含假期中的周末"
            value={daysOff}
            onChange={setDaysOff}
            error={listErrors(errors, 'daysOff')}
          />
          <DateListField
            label="调休上班日期"
            hint="周六或周日"
            value={makeup}
            onChange={setMakeup}
            error={listErrors(errors, 'makeupWorkdays')}
          />
          <Field label="来源（通知文号或网址）" required error={errors.source}>
            {(id) => <input id={id} value={source} onChange={(e) => setSource(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.busy}>
              {form.busy ? '正在载入…' : '载入'}
            </button>
          </div>
        </form>
      </Card>
    </div>
  );
}
