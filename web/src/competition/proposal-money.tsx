import { BUDGET_KIND_LABEL, BUDGET_KINDS } from '../../../domain/competition/policy';
import { yuanToFen } from '../components/action-dialog';
import { Card, Field } from '../components/ui';
import { yuan } from './labels';
import type { Line, ProposalValues, Setter, Shown } from './proposal-sections';

/** The proposal form's money: the budget lines, the amounts asked and co-funded, the account. */

export function BudgetCard({
  f,
  set,
  setF,
  lines,
  setLines,
  shown,
}: {
  f: ProposalValues;
  set: Setter;
  setF: (update: (x: ProposalValues) => ProposalValues) => void;
  lines: Line[];
  setLines: (l: Line[]) => void;
  shown: Shown;
}) {
  const sum = lines.reduce((a, l) => a + (yuanToFen(l.amount) || 0), 0);
  return (
    <Card title="预算">
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered.
        <div className="grid-3" key={i}>
          <Field label={`预算项${i + 1}`}>
            {(id) => (
              <input
                id={id}
                value={l.item}
                onChange={(e) =>
                  setLines(lines.map((x, j) => (j === i ? { ...x, item: e.target.value } : x)))
                }
              />
            )}
          </Field>
          <Field label="支出类别">
            {(id) => (
              <select
                id={id}
                value={l.kind}
                onChange={(e) =>
                  setLines(
                    lines.map((x, j) =>
                      j === i ? { ...x, kind: e.target.value as Line['kind'] } : x,
                    ),
                  )
                }
              >
                {BUDGET_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {BUDGET_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="金额（元）">
            {(id) => (
              <input
                id={id}
                inputMode="decimal"
                value={l.amount}
                onChange={(e) =>
                  setLines(lines.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))
                }
              />
            )}
          </Field>
        </div>
      ))}
      {shown.budgetLines && <p className="error">{shown.budgetLines}</p>}
      <p className="muted">明细合计：{yuan(sum)}</p>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => setLines([...lines, { item: '', kind: 'activity', amount: '' }])}
      >
        添加预算项
      </button>
      <div className="grid-2">
        <Field label="申请金额（元）" required error={shown.requestedFen}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              inputMode="decimal"
              value={f.requested}
              onChange={set('requested')}
            />
          )}
        </Field>
        <Field label="自筹配套（元）" error={shown.coFundingFen}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              inputMode="decimal"
              value={f.coFunding}
              onChange={set('coFunding')}
            />
          )}
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={f.other}
          onChange={(e) => setF((x) => ({ ...x, other: e.target.checked }))}
        />
        本项目已获得其他财政资金资助
      </label>
      {shown.otherGovernmentFunding && (
        <small className="error">{shown.otherGovernmentFunding}</small>
      )}
    </Card>
  );
}

export function BankCard({ f, set, shown }: { f: ProposalValues; set: Setter; shown: Shown }) {
  return (
    <Card title="收款账户（本单位对公账户）">
      <Field label="开户银行" required error={shown['bankAccount.bank']}>
        {(id) => <input id={id} value={f.bank} onChange={set('bank')} />}
      </Field>
      <div className="grid-2">
        <Field
          label="户名"
          required
          error={shown['bankAccount.accountName']}
          hint="须与单位名称一致"
        >
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={f.accountName}
              onChange={set('accountName')}
            />
          )}
        </Field>
        <Field label="账号" required error={shown['bankAccount.accountNo']}>
          {(id) => (
            <input id={id} inputMode="numeric" value={f.accountNo} onChange={set('accountNo')} />
          )}
        </Field>
      </div>
    </Card>
  );
}
