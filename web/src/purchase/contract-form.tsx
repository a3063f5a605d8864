import { type FormEvent, useRef, useState } from 'react';
import { REQUIRED_CLAUSES } from '../../../domain/purchase/contract-terms';
import { contractTermsSchema } from '../../../domain/purchase/contract-terms-schema';
import { api, decisionKeys } from '../api';
import { Dialog, Field, ProblemAlert, TextAreaField } from '../components/ui';
import { type FieldErrors, useFormState } from '../forms/use-form-state';
import { yuanToFen } from '../money';
import type { PurchaseView } from './types';

/**
 * 签订合同 as a form: the eight required clauses, the service dates (date pickers), the amount
 * and performance bond in 元, the milestones and the payment plan (each instalment tied to
 * signing, a milestone's acceptance or the final evaluation). The purchaser never sees an id:
 * milestones are numbered in order and the form gives them their codes.
 */

type GateKind = 'signing' | 'milestone' | 'final_evaluation';
interface Milestone {
  title: string;
  dueDate: string;
}
interface Tranche {
  percent: string;
  gate: GateKind;
  /** Index of the milestone whose acceptance releases it. */
  milestone: number;
}

const milestoneId = (i: number) => `M${i + 1}`;
const toYuan = (fen: number) => (fen / 100).toFixed(2);

function initialClauses(v: PurchaseView): Record<string, string> {
  return {
    serviceContent: v.item.serviceStandard,
    duration: '',
    quantity: '',
    quality: v.item.serviceStandard,
    price: '',
    settlement: '按付款计划分期结算',
    rightsAndDuties: '甲方监督考核，乙方按约提供服务，不得转包',
    breachLiability: '乙方违约或转包的，甲方有权解除合同并追回已付款项',
  };
}

export function ContractButton({ v, onDone }: { v: PurchaseView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        签订合同
      </button>
      <Dialog title="签订合同" open={open} onClose={() => setOpen(false)} wide>
        <ContractForm
          v={v}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onDone();
          }}
        />
      </Dialog>
    </>
  );
}

function ContractForm({
  v,
  onCancel,
  onDone,
}: {
  v: PurchaseView;
  onCancel: () => void;
  onDone: () => void;
}) {
  const form = useFormState({ prefixes: ['body.terms.'] });
  const e = form.errors;
  // Signing is a decision: the same terms sent again (after a 503) reuse the key.
  const keys = useRef(decisionKeys());
  const [clauses, setClausesRaw] = useState(() => initialClauses(v));
  const [startDate, setStartDateRaw] = useState('');
  const [endDate, setEndDateRaw] = useState('');
  const [justification, setJustificationRaw] = useState('');
  const [amount, setAmountRaw] = useState(toYuan(v.award?.amountFen ?? v.budgetFen));
  const [bond, setBondRaw] = useState('0.00');
  const [milestones, setMilestonesRaw] = useState<Milestone[]>([
    { title: '年度服务', dueDate: '' },
  ]);
  const [tranches, setTranchesRaw] = useState<Tranche[]>([
    { percent: '50', gate: 'signing', milestone: 0 },
    { percent: '30', gate: 'milestone', milestone: 0 },
    { percent: '20', gate: 'final_evaluation', milestone: 0 },
  ]);
  /** Each setter also forgets the errors shown for what it changes. */
  const forget =
    <A,>(set: (a: A) => void, field: string) =>
    (a: A) => {
      form.clearField(field);
      set(a);
    };
  const setClauses = forget(setClausesRaw, 'clauses');
  const setStartDate = forget(setStartDateRaw, 'startDate');
  const setEndDate = forget(setEndDateRaw, 'endDate');
  const setJustification = forget(setJustificationRaw, 'longTermJustification');
  const setAmount = forget(setAmountRaw, 'amountFen');
  const setBond = forget(setBondRaw, 'performanceBondFen');
  const setMilestones = forget(setMilestonesRaw, 'milestones');
  const setTranches = forget(setTranchesRaw, 'tranches');

  const terms = () => ({
    clauses,
    startDate,
    endDate,
    ...(justification.trim() ? { longTermJustification: justification.trim() } : {}),
    amountFen: yuanToFen(amount),
    performanceBondFen: yuanToFen(bond || '0'),
    milestones: milestones.map((m, i) => ({ id: milestoneId(i), ...m })),
    tranches: tranches.map((t) => ({
      percent: Number(t.percent),
      gate:
        t.gate === 'milestone'
          ? { kind: 'milestone' as const, milestoneId: milestoneId(t.milestone) }
          : { kind: t.gate },
    })),
  });

  /** What the browser can tell before sending: the schema's checks, amounts, the plan's sum. */
  const check = (): FieldErrors => {
    const out: FieldErrors = {};
    for (const [k, label] of Object.entries(REQUIRED_CLAUSES))
      if (!clauses[k]?.trim()) out[`clauses.${k}`] = `请填写${label}`;
    if (Number.isNaN(yuanToFen(amount)))
      out.amountFen = `「${amount}」不是有效的金额（元，最多两位小数）`;
    if (Number.isNaN(yuanToFen(bond || '0')))
      out.performanceBondFen = `「${bond}」不是有效的金额（元，最多两位小数）`;
    tranches.forEach((t, i) => {
      if (!/^\d+$/.test(t.percent.trim()))
        out[`tranches.${i}.percent`] = t.percent.trim() ? `「${t.percent}」不是整数` : '请填写';
    });
    const parsed = contractTermsSchema.safeParse(terms());
    if (!parsed.success) for (const i of parsed.error.issues) out[i.path.join('.')] ??= i.message;
    if (startDate && endDate && endDate < startDate) out.endDate = '结束日期早于开始日期';
    const sum = tranches.reduce((s, t) => s + (Number(t.percent) || 0), 0);
    if (sum !== 100) out.tranches = `各期比例合计应为100%，现为${sum}%`;
    return out;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!form.check(check())) return;
    const body = { terms: terms() };
    const r = await form.submit(() =>
      api.post(`/api/purchases/${v.projectId}/contract`, body, keys.current(body)),
    );
    if (r !== undefined) onDone();
  };

  const shown = Object.keys(e);
  return (
    <form className="dialog-body contract-form" onSubmit={submit} noValidate>
      <fieldset className="person">
        <legend>必备条款</legend>
        {Object.entries(REQUIRED_CLAUSES).map(([k, label]) => (
          <TextAreaField
            key={k}
            label={label}
            required
            rows={2}
            maxLength={4000}
            value={clauses[k] ?? ''}
            error={e[`clauses.${k}`]}
            onChange={(x) => setClauses((c) => ({ ...c, [k]: x }))}
          />
        ))}
      </fieldset>
      <fieldset className="person">
        <legend>期限与金额</legend>
        <div className="grid-2">
          <Field label="服务开始日期" required error={e.startDate}>
            {(id, d) => (
              <input
                id={id}
                type="date"
                aria-describedby={d}
                value={startDate}
                onChange={(x) => setStartDate(x.target.value)}
              />
            )}
          </Field>
          <Field label="服务结束日期" required error={e.endDate}>
            {(id, d) => (
              <input
                id={id}
                type="date"
                aria-describedby={d}
                value={endDate}
                onChange={(x) => setEndDate(x.target.value)}
              />
            )}
          </Field>
          <Field label="合同金额（元）" required error={e.amountFen} hint="不得超过预算">
            {(id, d) => (
              <input
                id={id}
                inputMode="decimal"
                aria-describedby={d}
                value={amount}
                onChange={(x) => setAmount(x.target.value)}
              />
            )}
          </Field>
          <Field label="履约保证金（元）" error={e.performanceBondFen}>
            {(id, d) => (
              <input
                id={id}
                inputMode="decimal"
                aria-describedby={d}
                value={bond}
                onChange={(x) => setBond(x.target.value)}
              />
            )}
          </Field>
        </div>
        <TextAreaField
          label="合同期限超过一年的理由"
          hint="预算有保障、服务稳定持续、价格波动小的，可签订不超过三年的合同"
          rows={2}
          maxLength={2000}
          value={justification}
          error={e.longTermJustification}
          onChange={setJustification}
        />
      </fieldset>
      <fieldset className="person">
        <legend>里程碑</legend>
        {milestones.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: milestones are numbered by their place.
          <div key={i} className="grid-3 list-row">
            <Field label={`里程碑${i + 1}名称`} required error={e[`milestones.${i}.title`]}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
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
              {(id, d) => (
                <input
                  id={id}
                  type="date"
                  aria-describedby={d}
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
                onClick={() => {
                  setMilestones((l) => l.filter((_, j) => j !== i));
                  setTranches((l) =>
                    l.map((t) => ({
                      ...t,
                      milestone:
                        t.milestone > i ? t.milestone - 1 : t.milestone === i ? 0 : t.milestone,
                    })),
                  );
                }}
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
      <fieldset className={`person ${e.tranches ? 'field-invalid' : ''}`}>
        <legend>付款计划</legend>
        {tranches.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: instalments are numbered by their place.
          <div key={i} className="grid-3 list-row">
            <Field label={`第${i + 1}期比例（%）`} required error={e[`tranches.${i}.percent`]}>
              {(id, d) => (
                <input
                  id={id}
                  inputMode="numeric"
                  aria-describedby={d}
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
              {(id, d) => (
                <select
                  id={id}
                  aria-describedby={d}
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
      {shown.length > 0 && !form.problem && (
        <p className="error" role="alert">
          有 {shown.length} 处需要修改，请查看标红的内容。
        </p>
      )}
      <ProblemAlert error={form.problem} fieldsShown={shown} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          取消
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          {form.busy ? '正在提交…' : '签订合同'}
        </button>
      </div>
    </form>
  );
}
