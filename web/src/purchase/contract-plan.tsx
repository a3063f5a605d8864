import type { FieldErrors } from '../forms/use-form-state';
import { Field } from '../components/ui';
import {
  type ContractDraft,
  type GateKind,
  type Milestone,
  type Tranche,
  withoutMilestone,
} from './contract-terms';

/** The contract's milestones and payment plan: rows added and removed, numbered by place. */

type Change = (f: (d: ContractDraft) => ContractDraft, field: string) => void;

export function MilestonesFields({
  d,
  e,
  change,
}: {
  d: ContractDraft;
  e: FieldErrors;
  change: Change;
}) {
  const milestones = d.milestones;
  const setMilestones = (f: (l: Milestone[]) => Milestone[]) =>
    change((x) => ({ ...x, milestones: f(x.milestones) }), 'milestones');
  return (
    <fieldset className="person">
      <legend>里程碑</legend>
      {milestones.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: milestones are numbered by their place.
        <div key={i} className="grid-3 list-row">
          <Field label={`里程碑${i + 1}名称`} required error={e[`milestones.${i}.title`]}>
            {(id, described) => (
              <input
                id={id}
                aria-describedby={described}
                value={m.title}
                onChange={(x) =>
                  setMilestones((l) =>
                    l.map((y, j) => (j === i ? { ...y, title: x.target.value } : y)),
                  )
                }
              />
            )}
          </Field>
          <Field label={`里程碑${i + 1}应完成日期`} required error={e[`milestones.${i}.dueDate`]}>
            {(id, described) => (
              <input
                id={id}
                type="date"
                aria-describedby={described}
                value={m.dueDate}
                onChange={(x) =>
                  setMilestones((l) =>
                    l.map((y, j) => (j === i ? { ...y, dueDate: x.target.value } : y)),
                  )
                }
              />
            )}
          </Field>
          {milestones.length > 1 && (
            <button
              type="button"
              className="link-btn"
              onClick={() => change((x) => withoutMilestone(x, i), 'milestones')}
            >
              删除里程碑{i + 1}
            </button>
          )}
        </div>
      ))}
      {e.milestones && <p className="error">{e.milestones}</p>}
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => setMilestones((l) => [...l, { title: '', dueDate: '' }])}
      >
        ＋ 增加里程碑
      </button>
    </fieldset>
  );
}

export function TranchesFields({
  d,
  e,
  change,
}: {
  d: ContractDraft;
  e: FieldErrors;
  change: Change;
}) {
  const { milestones, tranches } = d;
  const setTranches = (f: (l: Tranche[]) => Tranche[]) =>
    change((x) => ({ ...x, tranches: f(x.tranches) }), 'tranches');
  return (
    <fieldset className={`person ${e.tranches ? 'field-invalid' : ''}`}>
      <legend>付款计划</legend>
      {tranches.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: instalments are numbered by their place.
        <div key={i} className="grid-3 list-row">
          <Field label={`第${i + 1}期比例（%）`} required error={e[`tranches.${i}.percent`]}>
            {(id, described) => (
              <input
                id={id}
                inputMode="numeric"
                aria-describedby={described}
                value={t.percent}
                onChange={(x) =>
                  setTranches((l) =>
                    l.map((y, j) => (j === i ? { ...y, percent: x.target.value } : y)),
                  )
                }
              />
            )}
          </Field>
          <Field label={`第${i + 1}期支付条件`} required error={e[`tranches.${i}.gate`]}>
            {(id, described) => (
              <select
                id={id}
                aria-describedby={described}
                value={t.gate === 'milestone' ? `m${t.milestone}` : t.gate}
                onChange={(x) => {
                  const val = x.target.value;
                  setTranches((l) =>
                    l.map((y, j) =>
                      j !== i
                        ? y
                        : val.startsWith('m')
                          ? { ...y, gate: 'milestone', milestone: Number(val.slice(1)) }
                          : { ...y, gate: val as GateKind },
                    ),
                  );
                }}
              >
                <option value="signing">合同签订后</option>
                {milestones.map((m, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: milestones are numbered by their place.
                  <option key={j} value={`m${j}`}>
                    里程碑{j + 1}“{m.title || '未命名'}”验收后
                  </option>
                ))}
                <option value="final_evaluation">最终绩效评价合格后</option>
              </select>
            )}
          </Field>
          {tranches.length > 1 && (
            <button
              type="button"
              className="link-btn"
              onClick={() => setTranches((l) => l.filter((_, j) => j !== i))}
            >
              删除第{i + 1}期
            </button>
          )}
        </div>
      ))}
      {e.tranches && <p className="error">{e.tranches}</p>}
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() =>
          setTranches((l) => [...l, { percent: '', gate: 'final_evaluation', milestone: 0 }])
        }
      >
        ＋ 增加一期
      </button>
    </fieldset>
  );
}
