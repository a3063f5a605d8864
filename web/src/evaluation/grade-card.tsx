import { ApiError, api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Badge, Card, Empty, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { isOffered } from '../offers';
import { useLoad } from '../use-load';
import { AWARDING, GRADE_STATUS, levelLabel } from './labels';
import type { GradeRecord, GradeStatusView } from './types';

/**
 * An organisation's grades: the one its grade workflow manages now (expiry, a downgraded
 * grade's certificate to return) and the history. The administrator cancels a grade with its
 * reason and records the return of a downgraded grade's certificate and plaque here.
 */
export function OrganizationGrades({
  organizationId,
  manage,
  withStatus = true,
}: {
  organizationId: string;
  manage: boolean;
  /** The grade workflow's view is read by the administrator, the agency and the organisation. */
  withStatus?: boolean;
}) {
  const history = useLoad(
    () => api.get<{ items: GradeRecord[] }>(`/api/organizations/${organizationId}/grades`),
    `organization-grades-${organizationId}`,
  );
  const current = useLoad(async () => {
    if (!withStatus) return null;
    try {
      return await api.get<GradeStatusView>(
        `/api/evaluation/organizations/${organizationId}/grade`,
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, `organization-grade-${organizationId}-${withStatus}`);
  const reload = () => {
    current.reload();
    history.reload();
  };
  const g = current.data;
  return (
    <>
      {withStatus && (
        <Card title="评估等级">
          <ProblemAlert error={current.error} />
          {current.data === null && !current.error ? (
            history.data ? (
              <Empty>目前没有有效的评估等级。</Empty>
            ) : (
              <Loading />
            )
          ) : !g ? null : (
            <>
              <GradeSummary g={g} />
              {manage && <GradeActions g={g} organizationId={organizationId} onDone={reload} />}
            </>
          )}
        </Card>
      )}
      <GradeHistory history={history} />
    </>
  );
}

/** The grade in force: level, status, validity, the certificate to return. */
function GradeSummary({ g }: { g: GradeStatusView }) {
  return (
    <dl className="summary">
      <div className="summary-row">
        <dt>当前等级</dt>
        <dd>
          <strong className="score-figure">{g.grade ? levelLabel(g.grade.level) : '—'}</strong>{' '}
          <Badge tone={GRADE_STATUS[g.status]?.tone ?? 'muted'}>
            {GRADE_STATUS[g.status]?.label ?? g.status}
          </Badge>
        </dd>
      </div>
      {g.grade && (
        <div className="summary-row">
          <dt>有效期</dt>
          <dd>
            {formatDate(g.grade.awardedOn)} 至 {formatDate(g.grade.expiresOn)}
          </dd>
        </div>
      )}
      {g.certificateDue && (
        <div className="summary-row">
          <dt>原证书和牌匾</dt>
          <dd>
            等级降低后应于 <strong>{formatDateTime(g.certificateDue.at)}</strong> 前交回
          </dd>
        </div>
      )}
      {g.certificateVoided && (
        <div className="summary-row">
          <dt>原证书和牌匾</dt>
          <dd>逾期未交回，已公告作废</dd>
        </div>
      )}
    </dl>
  );
}

/** The administrator's decisions on a grade in force: those its workflow offers now. */
function GradeActions({
  g,
  organizationId,
  onDone: reload,
}: {
  g: GradeStatusView;
  organizationId: string;
  onDone: () => void;
}) {
  const base = `/api/evaluation/organizations/${organizationId}/grade`;
  if (!isOffered(g, 'certificateReturned') && !isOffered(g, 'cancelGrade')) return null;
  return (
    <div className="action-buttons">
      {isOffered(g, 'certificateReturned') && (
        <ActionButton
          label="登记证书牌匾已交回"
          title="登记原证书和牌匾已交回"
          tone="primary"
          path={`${base}/certificate-returned`}
          prompt="确认该组织已交回降级前的评估等级证书和牌匾吗？登记后不再公告作废。"
          onDone={reload}
        />
      )}
      {isOffered(g, 'cancelGrade') && (
        <ActionButton
          label="取消评估等级"
          title="取消评估等级"
          tone="danger"
          path={`${base}/cancel`}
          prompt="取消后该组织不再持有评估等级，并书面告知该组织。"
          fields={[
            {
              name: 'reason',
              label: '取消等级的理由',
              kind: 'textarea',
              required: true,
              hint: '写明事实和依据，将写入办理记录并告知该组织。',
            },
          ]}
          onDone={reload}
        />
      )}
    </div>
  );
}

/** Every grade the organisation held, newest first. */
function GradeHistory({
  history,
}: {
  history: { data: { items: GradeRecord[] } | null; error: unknown };
}) {
  return (
    <Card title="等级历史">
      <ProblemAlert error={history.error} />
      {!history.data ? (
        !history.error && <Loading />
      ) : history.data.items.length === 0 ? (
        <Empty>还没有评估等级记录。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table grade-history">
            <thead>
              <tr>
                <th>等级</th>
                <th>评定机关</th>
                <th>授予日期</th>
                <th>有效期至</th>
                <th>状态</th>
                <th>终止</th>
              </tr>
            </thead>
            <tbody>
              {[...history.data.items].reverse().map((r) => (
                <tr key={r.id}>
                  <td data-label="等级">{levelLabel(r.level)}</td>
                  <td data-label="评定机关">{AWARDING[r.awardingLevel] ?? r.awardingLevel}</td>
                  <td data-label="授予日期">{formatDate(r.awardedOn)}</td>
                  <td data-label="有效期至">{formatDate(r.expiresOn)}</td>
                  <td data-label="状态">
                    <Badge tone={GRADE_STATUS[r.status]?.tone ?? 'muted'}>
                      {GRADE_STATUS[r.status]?.label ?? r.status}
                    </Badge>
                  </td>
                  <td data-label="终止">
                    {r.endedOn
                      ? `${formatDate(r.endedOn)}${r.endReason ? `：${r.endReason}` : ''}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.data?.items.some((r) => r.status === 'active') && (
        <Notice tone="info">评估等级到期前，请及时申请参加新一轮评估。</Notice>
      )}
    </Card>
  );
}
