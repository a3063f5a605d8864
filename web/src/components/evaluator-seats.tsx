import { useState } from 'react';
import { api } from '../api';
import { useLoad } from '../use-load';
import { Card, ProblemAlert } from './ui';

export interface Person {
  id: string;
  name: string;
}

/**
 * Who evaluates one project's performance (a funded proposal, a purchase under contract): only
 * the evaluators seated here see and evaluate it.
 */
export function EvaluatorSeats(props: {
  /** PUT target: …/evaluators or …/performance-evaluators. */
  path: string;
  seated: Person[];
  candidates: () => Promise<Person[]>;
  onDone: () => void;
}) {
  const { data: people, error } = useLoad(props.candidates, props.path);
  const [chosen, setChosen] = useState<Set<string>>(new Set(props.seated.map((p) => p.id)));
  const [saveError, setSaveError] = useState<unknown>(null);
  const save = async () => {
    setSaveError(null);
    try {
      await api.put(props.path, { evaluatorIds: [...chosen] });
      props.onDone();
    } catch (e) {
      setSaveError(e);
    }
  };
  return (
    <Card title="绩效评估人员">
      <p className="muted">只有指派的评估人员能查看本项目并录入评估结果。</p>
      <ProblemAlert error={error ?? saveError} />
      <div className="check-list">
        {(people ?? []).map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              checked={chosen.has(p.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(p.id);
                else next.delete(p.id);
                setChosen(next);
              }}
            />{' '}
            {p.name}
          </label>
        ))}
      </div>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => void save()}>
        保存指派
      </button>
    </Card>
  );
}
