import { useState } from 'react';
import { REQUIRED_CLAUSES } from '../../../domain/purchase/contract-terms';
import { ActionDialog, useDecision } from '../components/action-dialog';
import { Field, TextAreaField } from '../components/ui';
import type { FieldErrors } from '../forms/use-form-state';
import { MilestonesFields, TranchesFields } from './contract-plan';
import { type ContractDraft, checkDraft, initialDraft, termsOf } from './contract-terms';
import type { PurchaseView } from './types';

/**
 * 签订合同 as a form: the eight required clauses, the service dates (date pickers), the amount
 * and performance bond in 元, the milestones and the payment plan (each instalment tied to
 * signing, a milestone's acceptance or the final evaluation). The purchaser never sees an id:
 * milestones are numbered in order and the form gives them their codes.
 */

type Set = <K extends keyof ContractDraft>(key: K, value: ContractDraft[K], field?: string) => void;

function ClauseFields({ d, e, set }: { d: ContractDraft; e: FieldErrors; set: Set }) {
  return (
    <fieldset className="person">
      <legend>必备条款</legend>
      {Object.entries(REQUIRED_CLAUSES).map(([k, label]) => (
        <TextAreaField
          key={k}
          label={label}
          required
          rows={2}
          maxLength={4000}
          value={d.clauses[k] ?? ''}
          error={e[`clauses.${k}`]}
          onChange={(x) => set('clauses', { ...d.clauses, [k]: x }, 'clauses')}
        />
      ))}
    </fieldset>
  );
}

function TermFields({ d, e, set }: { d: ContractDraft; e: FieldErrors; set: Set }) {
  return (
    <fieldset className="person">
      <legend>期限与金额</legend>
      <div className="grid-2">
        <Field label="服务开始日期" required error={e.startDate}>
          {(id, described) => (
            <input
              id={id}
              type="date"
              aria-describedby={described}
              value={d.startDate}
              onChange={(x) => set('startDate', x.target.value)}
            />
          )}
        </Field>
        <Field label="服务结束日期" required error={e.endDate}>
          {(id, described) => (
            <input
              id={id}
              type="date"
              aria-describedby={described}
              value={d.endDate}
              onChange={(x) => set('endDate', x.target.value)}
            />
          )}
        </Field>
        <Field label="合同金额（元）" required error={e.amountFen} hint="不得超过预算">
          {(id, described) => (
            <input
              id={id}
              inputMode="decimal"
              aria-describedby={described}
              value={d.amount}
              onChange={(x) => set('amount', x.target.value, 'amountFen')}
            />
          )}
        </Field>
        <Field label="履约保证金（元）" error={e.performanceBondFen}>
          {(id, described) => (
            <input
              id={id}
              inputMode="decimal"
              aria-describedby={described}
              value={d.bond}
              onChange={(x) => set('bond', x.target.value, 'performanceBondFen')}
            />
          )}
        </Field>
      </div>
      <TextAreaField
        label="合同期限超过一年的理由"
        hint="预算有保障、服务稳定持续、价格波动小的，可签订不超过三年的合同"
        rows={2}
        maxLength={2000}
        value={d.justification}
        error={e.longTermJustification}
        onChange={(x) => set('justification', x, 'longTermJustification')}
      />
    </fieldset>
  );
}

/** The contract's dialog, in the shared action dialog: the whole contract, checked first. */
export function ContractButton({ v, onDone }: { v: PurchaseView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [d, setDraft] = useState<ContractDraft>(() => initialDraft(v));
  // Signing is a decision: the same terms sent again (after a 503) reuse the key.
  const decision = useDecision({ prefixes: ['body.terms.'] });
  const e = decision.errors;
  /** Each change also forgets the errors shown for what it changes. */
  const change = (f: (x: ContractDraft) => ContractDraft, field: string) => {
    decision.clearField(field);
    setDraft(f);
  };
  const set: Set = (key, value, field = key) => change((x) => ({ ...x, [key]: value }), field);

  const submit = async () => {
    if (!decision.check(checkDraft(d))) return;
    const r = await decision.send(`/api/purchases/${v.projectId}/contract`, { terms: termsOf(d) });
    if (r === undefined) return;
    setOpen(false);
    onDone();
  };
  const shown = Object.keys(e);
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        签订合同
      </button>
      <ActionDialog
        title="签订合同"
        open={open}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        decision={decision}
        confirmLabel="签订合同"
        fieldsShown={shown}
        className="contract-form"
        wide
      >
        <ClauseFields d={d} e={e} set={set} />
        <TermFields d={d} e={e} set={set} />
        <MilestonesFields d={d} e={e} change={change} />
        <TranchesFields d={d} e={e} change={change} />
        {shown.length > 0 && !decision.problem && (
          <p className="error" role="alert">
            有 {shown.length} 处需要修改，请查看标红的内容。
          </p>
        )}
      </ActionDialog>
    </>
  );
}
