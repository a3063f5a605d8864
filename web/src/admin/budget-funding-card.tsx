import { type FormEvent, useState } from 'react';
import type { OrganizationProfile } from '../../../domain/organization/profile';
import { api } from '../api';
import { Card, Field, ProblemAlert, TextAreaField } from '../components/ui';
import { useFormState } from '../forms/use-form-state';

/**
 * 102号 art. 8: an organisation staffed with institution posts and funded by the budget may
 * not undertake purchased services. Administrators and section heads record it with its basis.
 */
export function BudgetFundingCard({
  profile,
  keeper,
  onDone,
}: {
  profile: OrganizationProfile;
  keeper: boolean;
  onDone: () => void;
}) {
  const funded = profile.budgetFundedStaffing ?? null;
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormState();
  const { busy, problem, errors: errs } = form;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit(async () => {
      await api.put(`/api/admin/organizations/${profile.id}/budget-funding`, {
        budgetFunded: value === 'yes' ? true : value === 'no' ? false : undefined,
        reason: reason.trim(),
      });
      return true;
    });
    if (!saved) return;
    setOpen(false);
    onDone();
  }

  return (
    <Card title="编制与经费">
      <p>
        {funded === null
          ? '尚未登记'
          : funded
            ? '使用事业编制且由财政拨款保障：不得承接政府购买服务'
            : '不使用事业编制或不由财政拨款保障'}
      </p>
      {keeper &&
        (!open ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen(true)}>
            登记编制与经费情况
          </button>
        ) : (
          <form onSubmit={submit} noValidate>
            <Field label="是否使用事业编制且由财政拨款保障" required error={errs.budgetFunded}>
              {(id, d) => (
                <select
                  id={id}
                  aria-describedby={d}
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                >
                  <option value="">请选择</option>
                  <option value="yes">是</option>
                  <option value="no">否</option>
                </select>
              )}
            </Field>
            <TextAreaField
              label="依据"
              required
              error={errs.reason}
              hint="如机构编制部门的批复、财政预算文件。"
              rows={2}
              maxLength={500}
              value={reason}
              onChange={setReason}
            />
            <ProblemAlert error={problem} fieldsShown />
            <div className="form-actions">
              <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
                取消
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? '正在提交…' : '登记'}
              </button>
            </div>
          </form>
        ))}
    </Card>
  );
}
