import { DOCUMENT_LABEL } from '../../../domain/registration/documents';
import { REFUSAL_GROUND_LABEL } from '../../../domain/registration/grounds';
import { Card, Empty } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { Link } from '../router';
import type { RegistrationDetail, RegistrationView } from '../types';

const OUTCOME: Record<string, string> = {
  approved: '准予登记',
  rejected: '不予登记',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
  lapsed: '逾期终止',
};

/** The decision: outcome, who and when, the grounds and basis, the certificate. */
export function DecisionCard({ id, view }: { id: string; view: RegistrationView }) {
  if (!view.decision) return null;
  return (
    <Card
      title="办理结果"
      className={view.decision.outcome === 'approved' ? 'card-ok' : 'card-bad'}
    >
      <p className="decision-outcome">{OUTCOME[view.decision.outcome] ?? view.decision.outcome}</p>
      <p>
        <Link to={`/registrations/${id}/decision/print`}>打印决定</Link>
      </p>
      <dl className="summary">
        <dt>决定时间</dt>
        <dd>{formatDateTime(view.decision.at)}</dd>
        <dt>决定人</dt>
        <dd>{view.decision.by.name}</dd>
        {view.decision.grounds && view.decision.grounds.length > 0 && (
          <>
            <dt>法定理由</dt>
            <dd>{view.decision.grounds.map((g) => REFUSAL_GROUND_LABEL[g]).join('；')}</dd>
          </>
        )}
        <dt>说明</dt>
        <dd>{view.decision.reason}</dd>
        <dt>依据</dt>
        <dd>{view.decision.legalBasis}</dd>
        {view.creditCode && (
          <>
            <dt>统一社会信用代码</dt>
            <dd className="mono">{view.creditCode}</dd>
          </>
        )}
      </dl>
      {view.certificateFileId && (
        <a className="btn btn-primary" href={`/api/registrations/${id}/certificate`} download>
          下载登记证书（PDF）
        </a>
      )}
    </Card>
  );
}

/** The bureau's documents and the application's materials and content. */
export function FileDocuments({
  id,
  view,
  application,
}: {
  id: string;
  view: RegistrationView;
  application: RegistrationDetail['application'];
}) {
  return (
    <>
      <Card title="本局出具的文书">
        {view.documents.length === 0 ? (
          <Empty>暂无。</Empty>
        ) : (
          <ul className="files">
            {view.documents.map((d) => (
              <li key={d.fileId}>
                <a href={`/api/registrations/${id}/files/${d.fileId}`}>{d.title}</a>
                <small className="muted">
                  {d.docNo} · {formatDate(d.issuedAt)}
                </small>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="申请材料">
        {!application || application.documents.length === 0 ? (
          <Empty>未上传材料。</Empty>
        ) : (
          <ul className="files">
            {application.documents.map((d) => (
              <li key={d.fileId}>
                <a href={`/api/files/${d.fileId}`}>{DOCUMENT_LABEL[d.type]}</a>
                <small className="muted">{d.fileName}</small>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {application && (
        <Card title="申请内容">
          <dl className="summary summary-compact">
            <dt>宗旨</dt>
            <dd>{application.purpose}</dd>
            <dt>业务范围</dt>
            <dd>{application.businessScope}</dd>
            <dt>住所</dt>
            <dd>{application.domicile}</dd>
            <dt>法定代表人</dt>
            <dd>{application.legalRepresentative.name}</dd>
            <dt>资金</dt>
            <dd>{application.funds.amount.toLocaleString('zh-CN')} 元</dd>
            <dt>联系人</dt>
            <dd>
              {application.contact.name} {application.contact.phone}
            </dd>
          </dl>
        </Card>
      )}
    </>
  );
}
