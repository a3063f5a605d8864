import { type FormEvent, useState } from 'react';
import { ZOpenCampaignRequest } from '../../../domain/evaluation/requests';
import { api } from '../api';
import { Card, Field, Loading, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { Link, navigate } from '../router';
import type { Account } from '../types';
import { useLoad } from '../use-load';
import { formErrors } from './form-errors';
import type { Campaign } from './types';

const localInput = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** A datetime-local value as an instant, or '' (the schema names it) when the field is empty. */
const toInstant = (v: string) => (v ? new Date(v).toISOString() : '');

/**
 * The administrator opens a year's campaign: the notice goes out now, the application window is
 * chosen here, and both committees are picked from the committee-member accounts.
 */
export function CampaignFormPage() {
  const accounts = useLoad(
    () =>
      api.get<{ items: (Account & { active: boolean })[] }>(
        '/api/admin/accounts/lookup?role=committee_member',
      ),
    'accounts-committee',
  );
  const members = (accounts.data?.items ?? []).filter(
    (a) => a.role === 'committee_member' && a.active,
  );
  const year = new Date().getFullYear();
  const [f, setF] = useState({
    year: String(year),
    title: `${year}年度社会组织等级评估`,
    opens: localInput(new Date()),
    closes: localInput(new Date(Date.now() + 30 * 86_400_000)),
  });
  const [committee, setCommittee] = useState<string[]>([]);
  const [review, setReview] = useState<string[]>([]);
  const form = useFormState();
  const { busy, problem, errors } = form;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      year: f.year.trim() === '' ? Number.NaN : Number(f.year),
      title: f.title,
      windowOpensAt: toInstant(f.opens),
      windowClosesAt: toInstant(f.closes),
      committeeIds: committee,
      reviewCommitteeIds: review,
    };
    const errs = formErrors(ZOpenCampaignRequest.safeParse(body));
    if (!errs.windowClosesAt && body.windowClosesAt <= body.windowOpensAt && body.windowOpensAt)
      errs.windowClosesAt = '申报截止时间须晚于开始时间';
    if (!form.check(errs)) return;
    const c = await form.submit(() => api.post<Campaign>('/api/evaluation/campaigns', body));
    if (c) navigate(`/evaluation/campaigns/${c.id}`);
  };

  const picker = (
    label: string,
    hint: string,
    value: string[],
    setValue: (v: string[]) => void,
    key: string,
  ) => (
    <fieldset className={`person member-picker ${errors[key] ? 'field-invalid' : ''}`}>
      <legend>
        {label}（已选 {value.length} 人）
      </legend>
      <p className="hint">{hint}</p>
      {members.length === 0 && <p className="muted">还没有评估委员会委员账号。</p>}
      <div className="member-grid">
        {members.map((m) => (
          <label key={m.id} className="check">
            <input
              type="checkbox"
              checked={value.includes(m.id)}
              onChange={(e) => {
                setValue(e.target.checked ? [...value, m.id] : value.filter((x) => x !== m.id));
                form.clearField(key);
              }}
            />
            <span>
              {m.displayName} <small className="muted">{m.username}</small>
            </span>
          </label>
        ))}
      </div>
      {errors[key] && <small className="error">{errors[key]}</small>}
    </fieldset>
  );

  return (
    <div className="narrow">
      <p className="crumb">
        <Link to="/evaluation">等级评估</Link> › 发布评估通知
      </p>
      <h1 className="page-title">发布评估通知</h1>
      <p className="muted">
        发布后即通知各社会组织；申报期内组织在线申报，截止后逐一进行资格审查并分配评估专家。评分标准、
        等级分数线和公示期按评估规则执行。
      </p>
      <form onSubmit={submit} noValidate>
        <Card title="评估活动">
          <div className="grid-2">
            <Field label="年度" required error={errors.year}>
              {(id, d) => (
                <input
                  id={id}
                  inputMode="numeric"
                  value={f.year}
                  aria-describedby={d}
                  onChange={set('year')}
                />
              )}
            </Field>
            <Field label="评估活动名称" required error={errors.title}>
              {(id, d) => (
                <input id={id} value={f.title} aria-describedby={d} onChange={set('title')} />
              )}
            </Field>
            <Field label="申报开始" required error={errors.windowOpensAt}>
              {(id, d) => (
                <input
                  id={id}
                  type="datetime-local"
                  value={f.opens}
                  aria-describedby={d}
                  onChange={set('opens')}
                />
              )}
            </Field>
            <Field label="申报截止" required error={errors.windowClosesAt}>
              {(id, d) => (
                <input
                  id={id}
                  type="datetime-local"
                  value={f.closes}
                  aria-describedby={d}
                  onChange={set('closes')}
                />
              )}
            </Field>
          </div>
        </Card>
        <Card title="评审组织">
          {!accounts.data ? (
            accounts.error ? (
              <ProblemAlert error={accounts.error} />
            ) : (
              <Loading />
            )
          ) : (
            <>
              {picker(
                '评估委员会',
                '一般 7 至 25 人；表决须三分之二以上委员出席，赞成票超过全体委员半数方为通过。',
                committee,
                setCommittee,
                'committeeIds',
              )}
              {picker(
                '复核委员会',
                '一般 5 至 9 人，负责审议公示期内的异议和复核申请。',
                review,
                setReview,
                'reviewCommitteeIds',
              )}
            </>
          )}
        </Card>
        <ProblemAlert error={problem} fieldsShown />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '正在发布…' : '发布通知并开启评估'}
          </button>
        </div>
      </form>
    </div>
  );
}
