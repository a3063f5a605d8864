import { useEffect } from 'react';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { api } from '../api';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Empty, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { actionLabel, statusTone } from '../labels';
import { Link } from '../router';
import { useSession } from '../session';
import type { RegistrationDetail, RegistrationView } from '../types';
import { useLoad } from '../use-load';
import { ActionBar } from './actions';
import { NoticeItems } from './notice-items';
import { DecisionCard, FileDocuments } from './registration-record';

const STAGES = ['提交申请', '受理审查', '初审', '复审', '办结'];

function stageOf(v: RegistrationView): number {
  switch (v.status) {
    case 'submitted':
    case 'correction_required':
      return 1;
    case 'first_review':
    case 'returned':
    case 'preparing':
      return 2;
    case 'second_review':
      return 3;
    default:
      return 4;
  }
}

function Progress({ view }: { view: RegistrationView }) {
  const at = stageOf(view);
  return (
    <ol className="progress" aria-label="办理进度">
      {STAGES.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'current' : undefined}>
          <span className="dot" aria-hidden="true" />
          <span>{s}</span>
        </li>
      ))}
    </ol>
  );
}

/** Whom an assignment named (the audit record keeps it in its details). */
function assigneeOf(t: RegistrationView['trail'][number]): string | undefined {
  const a = t.details?.assignee as { name?: string } | undefined;
  return a?.name;
}

/** One file: status, deadline, notice, decision, documents, history and the actions open now. */
export function RegistrationPage({ id }: { id: string }) {
  const { account } = useSession();
  const { data, error, reload } = useLoad(
    () => api.get<RegistrationDetail>(`/api/registrations/${id}`),
    id,
  );
  // While the workflow is still producing (its first step, the certificate), ask again shortly.
  const pending =
    data !== null &&
    (!data.view || (data.view.decision?.outcome === 'approved' && !data.view.certificateFileId));
  useEffect(() => {
    if (!pending) return;
    const t = setTimeout(reload, 1500);
    return () => clearTimeout(t);
  });
  if (error) return <ProblemAlert error={error} />;
  if (!data || !account) return <Loading />;
  const { registration: r, view, application } = data;
  const applicant = account.role === 'applicant';
  const openNotice =
    view && (view.status === 'correction_required' || view.status === 'returned')
      ? view.notices.at(-1)
      : undefined;

  return (
    <div className="file-page">
      <div className="file-head">
        <div>
          <p className="crumb">
            <Link to={applicant ? '/my' : '/inbox'}>{applicant ? '我的申请' : '我的待办'}</Link> ›
            申请详情
          </p>
          <h1 className="page-title">{r.name}</h1>
          <p className="muted">
            申请编号 {r.applicationNo}
            {r.receiptNo && ` · 受理通知书 ${r.receiptNo}`} ·{' '}
            {LEGAL_FORM_LABEL[r.legalForm as 'foundation']} ·{' '}
            {CATEGORY_LABEL[r.category as 'public_welfare']} · 提交于 {formatDateTime(r.filedAt)}
          </p>
        </div>
        <div className="file-status">
          <Badge tone={statusTone(view?.status ?? r.status)}>{view?.statusLabel ?? r.step}</Badge>
          {view?.deadlines[0] && (
            <span className={`head-deadline ${view.deadlines[0].state}`}>
              {view.deadlines[0].label}：
              <strong>
                {view.deadlines[0].dueAt ? formatDate(view.deadlines[0].dueAt) : '暂停计时'}
              </strong>
            </span>
          )}
          <TemporalLink href={r.temporalUrl} />
        </div>
      </div>

      {!view ? (
        <Notice tone="info">流程正在启动，请稍后刷新。</Notice>
      ) : (
        <>
          <Progress view={view} />
          {!applicant &&
            view.warnings.map((w) => (
              <Notice key={w} tone="warn">
                {w}
              </Notice>
            ))}
          <div className="file-grid">
            <div className="file-main">
              {openNotice && (
                <Card title={`补正通知（第${openNotice.no}次）`} className="card-warn">
                  <p>
                    {formatDate(openNotice.issuedAt)}，{openNotice.issuedBy.name}
                    出具一次性补正通知，请按以下 {openNotice.items.length} 项补正：
                  </p>
                  <NoticeItems items={openNotice.items} />
                  {openNotice.note && <p className="muted">说明：{openNotice.note}</p>}
                  {openNotice.fileId && (
                    <a
                      className="btn btn-secondary btn-sm"
                      href={`/api/registrations/${id}/files/${openNotice.fileId}`}
                    >
                      下载补正通知书
                    </a>
                  )}
                  {applicant && view.allowedActions.includes('resubmit') && (
                    <div className="form-actions">
                      <Link className="btn btn-primary" to={`/registrations/${id}/correct`}>
                        补正材料并重新提交
                      </Link>
                    </div>
                  )}
                </Card>
              )}
              {applicant && view.allowedActions.includes('submitFounding') && (
                <Card title="筹备完成">
                  <Link className="btn btn-primary" to={`/registrations/${id}/founding`}>
                    申请成立登记
                  </Link>
                </Card>
              )}
              {view.decision && <DecisionCard id={id} view={view} />}
              {!applicant && <ActionBar id={id} view={view} account={account} onDone={reload} />}
              {!applicant && view.status === 'submitted' && view.findings.length > 0 && (
                <Card title="系统核查发现的问题">
                  <NoticeItems items={view.findings} />
                </Card>
              )}
              <Card title="办理记录">
                <ol className="timeline">
                  {view.trail.map((t) => (
                    <li key={t.seq}>
                      <time dateTime={t.at}>{formatDateTime(t.at)}</time>
                      <div>
                        <strong>{actionLabel(t.action)}</strong>
                        <span className="muted"> · {t.actor.name}</span>
                        {assigneeOf(t) && <p>承办人：{assigneeOf(t)}</p>}
                        {t.reason && <p>{t.reason}</p>}
                        {t.legalBasis && <small className="muted">依据：{t.legalBasis}</small>}
                      </div>
                    </li>
                  ))}
                </ol>
              </Card>
            </div>
            <aside className="file-side">
              <Card title="当前期限">
                {view.deadlines.length === 0 ? (
                  <Empty>当前没有计时中的期限。</Empty>
                ) : (
                  <ul className="deadlines">
                    {view.deadlines.map((d) => (
                      <li key={d.kind} className={`deadline deadline-${d.state}`}>
                        <span className="deadline-label">{d.label}</span>
                        <strong>{d.dueAt ? formatDate(d.dueAt) : '暂停计时'}</strong>
                        <small className="muted">
                          时限 {d.limit}
                          {d.state === 'overdue' && ' · 已逾期'}
                          {d.provisional && ' · 暂算'}
                        </small>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              {applicant && view.allowedActions.includes('withdraw') && (
                <Card title="其他事项">
                  <ActionBar id={id} view={view} account={account} onDone={reload} />
                </Card>
              )}
              <FileDocuments id={id} view={view} application={application} />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
