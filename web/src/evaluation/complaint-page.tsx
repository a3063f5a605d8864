import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Badge, Card, Loading, Notice, ProblemAlert } from '../components/ui';
import { VotePanel } from '../components/vote-panel';
import { formatDateTime } from '../format';
import { isOffered } from '../offers';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { complaintRef, subjectText, tallyText } from './complaint-text';
import { COMPLAINT_MEASURE, COMPLAINT_STATUS, fileRef } from './labels';
import type { ComplaintDetail } from './types';

const STEPS = ['提交举报', '办公室核实', '委员会裁定', '办结'];

function stepOf(status: ComplaintDetail['status']) {
  return status === 'filed' ? 1 : status === 'verified' ? 2 : 3;
}

/**
 * One complaint for the complainant (status and written outcome), the evaluation office
 * (verify, dismiss with a reason, count the votes) and the review committee (named vote).
 * The organisation complained about never reaches this page: the API answers it 404.
 */
export function ComplaintPage({ id }: { id: string }) {
  const { account } = useSession();
  const { data, error, reload } = useLoad(
    () => api.get<ComplaintDetail>(`/api/evaluation/complaints/${id}`),
    `evaluation-complaint-${id}`,
  );
  if (error) return <ProblemAlert error={error} />;
  if (!data || !account) return <Loading />;
  const v = data.view;
  const office = account.role === 'administrator' || account.role === 'section_head';
  const member = account.role === 'committee_member';
  const status = COMPLAINT_STATUS[data.status];
  const at = stepOf(data.status);
  const done = at === 3;
  const base = `/api/evaluation/complaints/${id}`;
  const overdue = data.status === 'filed' && (v?.overdue || data.overdue);

  return (
    <div className="file-page">
      <div className="file-head">
        <div>
          <p className="crumb">
            <Link
              to={office ? '/evaluation/complaints' : member ? '/evaluation' : '/evaluation/public'}
            >
              {office ? '举报办理' : member ? '评估表决' : '公示与举报'}
            </Link>{' '}
            › 举报
          </p>
          <h1 className="page-title">举报 {complaintRef(data.id)}</h1>
          <p className="muted">
            {subjectText(data)} · 提交于 {formatDateTime(data.filedAt)}
          </p>
        </div>
        <div className="file-status">
          <Badge tone={status.tone}>{status.label}</Badge>
          {data.status === 'filed' && data.verificationDueAt && (
            <span className="head-deadline">
              核实期限：<strong>{formatDateTime(data.verificationDueAt)}</strong>
            </span>
          )}
          {overdue && <Badge tone="bad">已逾期</Badge>}
        </div>
      </div>

      <ol className="progress" aria-label="办理进度">
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i < at || (done && i === at) ? 'done' : i === at ? 'current' : undefined}
          >
            <span className="dot" aria-hidden="true" />
            <span>{s}</span>
          </li>
        ))}
      </ol>

      <div className="file-grid">
        <div className="file-main">
          {data.status === 'dismissed' && v?.dismissal && (
            <Card title="处理结果：不予受理" className="card-bad">
              <p>经评估办公室核实，举报反映的问题不实，不予受理。</p>
              <dl className="summary">
                <div className="summary-row">
                  <dt>理由</dt>
                  <dd className="self-assessment">{v.dismissal.reason}</dd>
                </div>
                <div className="summary-row">
                  <dt>办理时间</dt>
                  <dd>{formatDateTime(v.dismissal.at)}</dd>
                </div>
              </dl>
            </Card>
          )}
          {v?.ruling && (
            <Card
              title={`裁定结果：${v.ruling.upheld ? '举报成立' : '举报不成立'}`}
              className={v.ruling.upheld ? 'card-bad' : 'card-ok'}
            >
              <p className="decision-outcome">
                {v.ruling.upheld ? '复核委员会裁定举报成立' : '复核委员会裁定举报不成立'}
              </p>
              <dl className="summary">
                <div className="summary-row">
                  <dt>表决情况</dt>
                  <dd>{tallyText(v.ruling.tally)}</dd>
                </div>
                {v.ruling.upheld && (
                  <div className="summary-row">
                    <dt>处理措施</dt>
                    <dd>
                      {v.ruling.measure ? COMPLAINT_MEASURE[v.ruling.measure] : '正在执行处理措施'}
                    </dd>
                  </div>
                )}
                <div className="summary-row">
                  <dt>裁定时间</dt>
                  <dd>{formatDateTime(v.ruling.at)}</dd>
                </div>
              </dl>
            </Card>
          )}
          {data.status === 'filed' && (
            <Notice tone={overdue ? 'warn' : 'info'}>
              {office
                ? `请在 ${formatDateTime(data.verificationDueAt)} 前核实：属实的提交复核委员会裁定，不实的说明理由不予受理。`
                : '评估办公室正在核实举报反映的问题，核实后会将处理情况告知您。'}
            </Notice>
          )}
          {data.status === 'verified' && !office && !data.awaitingMyVote && (
            <Notice tone="info">举报经核实已提交复核委员会，裁定后会将结果告知您。</Notice>
          )}
          {(isOffered(data, 'verifyComplaint') || isOffered(data, 'dismissComplaint')) && (
            <Card title="核实举报">
              <div className="action-buttons">
                {isOffered(data, 'verifyComplaint') && (
                  <ActionButton
                    label="核实属实，提交复核委员会"
                    title="核实属实，提交复核委员会"
                    tone="primary"
                    path={`${base}/verify`}
                    fields={[
                      {
                        name: 'note',
                        label: '核实情况',
                        kind: 'textarea',
                        hint: '可写明核实的方式和查明的事实（选填）。',
                      },
                    ]}
                    body={(x) => (x.note?.trim() ? { note: x.note.trim() } : {})}
                    onDone={reload}
                  />
                )}
                {isOffered(data, 'dismissComplaint') && (
                  <ActionButton
                    label="不予受理"
                    title="举报不实，不予受理"
                    tone="danger"
                    path={`${base}/dismiss`}
                    prompt="理由将书面告知举报人。"
                    fields={[
                      { name: 'reason', label: '不予受理的理由', kind: 'textarea', required: true },
                    ]}
                    onDone={reload}
                  />
                )}
              </div>
            </Card>
          )}
          {isOffered(data, 'closeComplaintVote') && v && (
            <Card title="复核委员会计票">
              <p className="muted">
                {`第 ${v.committee.round} 轮表决已有 ${v.committee.votes} 名委员投票（全体 ${v.committee.members} 人）。出席（已投票）委员须达到全体的三分之二，赞成票超过全体委员半数的，举报成立；出席不足的另行表决。`}
              </p>
              {v.committee.lastTally && (
                <p className="muted">上一轮：{tallyText(v.committee.lastTally)}</p>
              )}
              <ActionButton
                label="计票"
                title="复核委员会计票"
                tone="primary"
                path={`${base}/close-vote`}
                prompt={`第 ${v.committee.round} 轮表决已有 ${v.committee.votes} 票。确定现在计票吗？`}
                onDone={reload}
              />
            </Card>
          )}
          {member && data.awaitingMyVote && isOffered(data, 'complaintVote') && (
            <ComplaintVote complaint={data} onDone={reload} />
          )}
          <Card title="举报内容">
            <p className="self-assessment">{data.content}</p>
            {office && v?.verification && (
              <dl className="summary">
                <div className="summary-row">
                  <dt>核实</dt>
                  <dd>
                    {v.verification.by} · {formatDateTime(v.verification.at)}
                    {v.verification.note && (
                      <p className="self-assessment">{v.verification.note}</p>
                    )}
                  </dd>
                </div>
              </dl>
            )}
          </Card>
          {data.votes.length > 0 && (
            <Card title="复核委员会记名表决">
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>轮次</th>
                      <th>委员</th>
                      <th>表决</th>
                      <th>时间</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.votes.map((x) => (
                      <tr key={`${x.round}-${x.memberId}`}>
                        <td data-label="轮次">第 {x.round} 轮</td>
                        <td data-label="委员">{x.memberName}</td>
                        <td data-label="表决">
                          <Badge tone={x.approve ? 'bad' : 'ok'}>
                            {x.approve ? '赞成（举报成立）' : '反对'}
                          </Badge>
                        </td>
                        <td data-label="时间">{formatDateTime(x.votedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          )}
        </div>
        <aside className="file-side">
          <Card title="被举报对象">
            <dl className="summary">
              <div className="summary-row">
                <dt>组织</dt>
                <dd>{data.organizationName ?? '—'}</dd>
              </div>
              <div className="summary-row">
                <dt>举报事项</dt>
                <dd>
                  {data.subjectType === 'file' && data.fileId ? (
                    office || member ? (
                      <Link to={`/evaluation/files/${data.fileId}`}>
                        评估事项 {fileRef({ id: data.fileId, fileNo: data.fileNo })}
                      </Link>
                    ) : (
                      `评估事项 ${fileRef({ id: data.fileId, fileNo: data.fileNo })}`
                    )
                  ) : (
                    '评估等级'
                  )}
                </dd>
              </div>
            </dl>
            <p className="muted">举报人的身份予以保密，被举报组织看不到举报内容和举报人。</p>
          </Card>
          {data.contact && (
            <Card title="举报人（公开举报）">
              <dl className="summary">
                <div className="summary-row">
                  <dt>姓名</dt>
                  <dd>{data.contact.name ?? '—'}</dd>
                </div>
                <div className="summary-row">
                  <dt>联系电话</dt>
                  <dd>{data.contact.phone ?? '未留'}</dd>
                </div>
                <div className="summary-row">
                  <dt>电子邮箱</dt>
                  <dd>{data.contact.email ?? '未留（处理结果须电话告知）'}</dd>
                </div>
              </dl>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}

/** A review-committee member's named vote on a verified complaint. */
function ComplaintVote({ complaint, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  return (
    <VotePanel
      title="复核委员会表决"
      path={`/api/evaluation/complaints/${complaint.id}/vote`}
      onDone={onDone}
    >
      <p>
        {
          '评估办公室已核实本举报。赞成即认定举报成立：对评估中的组织取消本次评估资格，对已有等级的组织撤销其等级。本表决为记名表决，提交后不能更改。'
        }
      </p>
    </VotePanel>
  );
}
