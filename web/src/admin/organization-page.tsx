import { type FormEvent, type ReactNode, useState } from 'react';
import type { OrganizationProfile } from '../../../domain/organization/profile';
import { INSPECTION_LABEL } from '../../../domain/organization/profile';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { api, fieldErrors } from '../api';
import { Badge, Card, Loading, Notice, ProblemAlert, TextAreaField } from '../components/ui';
import { OrganizationGrades } from '../evaluation/grade-card';
import { formatDate } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { BudgetFundingCard } from './budget-funding-card';
import { ORG_STATUS } from './organizations-page';

/**
 * One organisation's profile for officials: identity, inspections, penalties, list flags, the
 * Party organisation (recorded by administrators and section heads) and the grades (the
 * administrator cancels a grade or records a returned certificate here).
 */
export function OrganizationPage({ id }: { id: string }) {
  const { account } = useSession();
  const { data, error, reload } = useLoad(
    () => api.get<OrganizationProfile>(`/api/organizations/${id}`),
    `organization-${id}`,
  );
  if (error) return <ProblemAlert error={error} />;
  if (!data || !account) return <Loading />;
  const keeper = account.role === 'administrator' || account.role === 'section_head';
  const admin = account.role === 'administrator';
  const row = (label: string, value: ReactNode) => (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="file-page">
      <div className="file-head">
        <div>
          <p className="crumb">
            <Link to="/admin/organizations">组织档案</Link> › {data.name}
          </p>
          <h1 className="page-title">{data.name}</h1>
          <p className="muted mono">{data.creditCode ?? '—'}</p>
        </div>
        <div className="file-status">
          <Badge tone={data.status === 'registered' ? 'ok' : 'muted'}>
            {ORG_STATUS[data.status] ?? data.status}
          </Badge>
        </div>
      </div>
      <div className="file-grid">
        <div className="file-main">
          <OrganizationGrades organizationId={id} manage={admin} withStatus={admin} />
          <Card title="年检与处罚">
            <dl className="summary">
              {row(
                '年检',
                data.inspections.length === 0
                  ? '—'
                  : data.inspections
                      .map((i) => `${i.year}年度 ${INSPECTION_LABEL[i.result]}`)
                      .join('，'),
              )}
              {row(
                '行政处罚',
                data.penalties.length === 0
                  ? '无'
                  : data.penalties
                      .map(
                        (p) =>
                          `${formatDate(p.decidedOn)} ${p.kind}（${p.decisionNo}）${
                            p.executedOn ? '已执行完毕' : '尚未执行完毕'
                          }`,
                      )
                      .join('；'),
              )}
              {row(
                '活动异常名录',
                data.abnormalListedOn ? `${formatDate(data.abnormalListedOn)} 列入` : '未列入',
              )}
              {row(
                '严重违法失信名单',
                data.dishonestListedOn ? `${formatDate(data.dishonestListedOn)} 列入` : '未列入',
              )}
              {row(
                '立案调查',
                data.underInvestigationSince
                  ? `${formatDate(data.underInvestigationSince)} 起`
                  : '无',
              )}
            </dl>
          </Card>
        </div>
        <aside className="file-side">
          <Card title="基本情况">
            <dl className="summary">
              {row('组织类型', data.legalForm ? LEGAL_FORM_LABEL[data.legalForm] : '—')}
              {row(
                '业务类别',
                data.category
                  ? (CATEGORY_LABEL[data.category as keyof typeof CATEGORY_LABEL] ?? data.category)
                  : '—',
              )}
              {row('登记日期', formatDate(data.registeredOn))}
            </dl>
          </Card>
          <PartyOrganizationCard profile={data} keeper={keeper} onDone={reload} />
          <BudgetFundingCard profile={data} keeper={keeper} onDone={reload} />
        </aside>
      </div>
    </div>
  );
}

/** §4.5 rule 4: whether the organisation has a Party organisation (党组织), with the basis. */
function PartyOrganizationCard({
  profile,
  keeper,
  onDone,
}: {
  profile: OrganizationProfile;
  keeper: boolean;
  onDone: () => void;
}) {
  const p = profile.partyOrganization ?? null;
  const [open, setOpen] = useState(false);
  const [present, setPresent] = useState<'' | 'yes' | 'no'>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!present) errs.present = '请选择是否已建立党组织';
    if (reason.trim().length < 2) errs.reason = '请说明依据';
    setErrors(errs);
    setProblem(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.put(`/api/admin/organizations/${profile.id}/party-organization`, {
        present: present === 'yes',
        reason: reason.trim(),
      });
      setOpen(false);
      setPresent('');
      setReason('');
      onDone();
    } catch (err) {
      setErrors(fieldErrors(err));
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="党组织">
      <p>
        {p === null
          ? '尚未登记'
          : `${p.present ? '已建立党组织' : '未建立党组织'}（${formatDate(p.recordedOn)} 登记）`}
      </p>
      {keeper &&
        (!open ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen(true)}>
            登记党组织情况
          </button>
        ) : (
          <form onSubmit={submit} noValidate>
            <fieldset className={`declaration ${errors.present ? 'field-invalid' : ''}`}>
              <legend>是否已建立党组织</legend>
              <label className="check">
                <input
                  type="radio"
                  name="party-present"
                  checked={present === 'yes'}
                  onChange={() => setPresent('yes')}
                />{' '}
                已建立
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="party-present"
                  checked={present === 'no'}
                  onChange={() => setPresent('no')}
                />{' '}
                未建立
              </label>
              {errors.present && <small className="error">{errors.present}</small>}
            </fieldset>
            <TextAreaField
              label="依据"
              required
              error={errors.reason}
              hint="如上级党组织的批复文号、核查记录。"
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
      {p === null && !keeper && <Notice tone="info">由登记管理机关登记。</Notice>}
    </Card>
  );
}
