import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { Card, Field, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { useLoad } from '../use-load';

/** A judge registers links to applicant organisations before panels are drawn. */
export function ConflictsCard({ roundId }: { roundId: string }) {
  const { data } = useLoad(
    () => api.get<{ id: string; name: string }[]>(`/api/competitions/${roundId}/applicants`),
    `applicants-${roundId}`,
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const form = useFormState();
  const error = form.problem;
  const [done, setDone] = useState<number | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await form.submit(() =>
      api.post<{ declared: number }>(`/api/competitions/${roundId}/conflicts`, {
        organizationIds: chosen,
        reason,
      }),
    );
    if (!r) return;
    setDone(r.declared);
    setChosen([]);
  };
  if (!data || data.length === 0) return null;
  return (
    <Card title="与申报单位的利益关联">
      <p className="muted">
        如与下列单位存在任职、亲属、经济往来等关联，请勾选并说明，分配评审时您将回避。
      </p>
      <form onSubmit={submit} noValidate>
        {data.map((o) => (
          <label key={o.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(o.id)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))
              }
            />
            {o.name}
          </label>
        ))}
        <Field label="关联说明">
          {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <ProblemAlert error={error} />
        {done !== null && <Notice tone="ok">已登记 {done} 个单位的利益关联。</Notice>}
        <button type="submit" className="btn btn-secondary" disabled={chosen.length === 0}>
          登记利益关联
        </button>
      </form>
    </Card>
  );
}
