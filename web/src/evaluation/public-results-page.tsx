import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { complaintRef, subjectText } from './complaint-text';
import { AWARDING, COMPLAINT_STATUS, levelLabel } from './labels';
import type { ComplaintSummary, PublicResults } from './types';

const CONTENT_HINT =
  '请写明具体事实（时间、地点、涉及的材料或活动）和依据。举报人身份予以保密，被举报组织看不到举报内容。';

/** A complaint about a file under publicity or an organisation's grade, filed from its row. */
function ComplainButton({ subject }: { subject: { fileId: string } | { organizationId: string } }) {
  return (
    <ActionButton<{ id: string }>
      label="举报"
      title="提出举报"
      tone="danger"
      path="/api/evaluation/complaints"
      prompt="评估办公室将在规定期限内核实，属实的提交复核委员会裁定，处理结果会告知您。"
      fields={[
        {
          name: 'content',
          label: '举报的事实和理由',
          kind: 'textarea',
          required: true,
          hint: CONTENT_HINT,
        },
      ]}
      body={(x) => ({ ...subject, content: x.content ?? '' })}
      onDone={(r) => navigate(`/evaluation/public/complaints/${r.id}`)}
    />
  );
}

/**
 * 公示与举报: anyone signed in reads the results under publicity and the grades in force, and
 * files a complaint about one of them; their own complaints and how each was handled are above.
 */
export function PublicResultsPage() {
  const { account } = useSession();
  const results = useLoad(
    () => api.get<PublicResults>('/api/evaluation/public-results'),
    'evaluation-public-results',
  );
  const mine = useLoad(
    // An organisation's own complaints, newest first: the latest page is what it follows up.
    () => api.get<{ items: ComplaintSummary[] }>('/api/evaluation/complaints?pageSize=50'),
    'evaluation-my-complaints',
  );
  const own = account?.organizationId ?? null;
  return (
    <div>
      <h1 className="page-title">评估结果公示与举报</h1>
      <p className="muted">
        对公示中的评估结果或组织持有的评估等级，如发现弄虚作假、严重违背宗旨等问题，可以实名举报。
      </p>

      <h2 className="section-title">我的举报</h2>
      <ProblemAlert error={mine.error} />
      {!mine.data ? (
        !mine.error && <Loading />
      ) : mine.data.items.length === 0 ? (
        <Card>
          <Empty>您还没有提出过举报。</Empty>
        </Card>
      ) : (
        <ul className="work-list">
          {mine.data.items.map((c) => (
            <li key={c.id} className="work-item">
              <Link to={`/evaluation/public/complaints/${c.id}`} className="work-link">
                <span className="work-task">
                  {complaintRef(c.id)} · {subjectText(c)}
                </span>
                <span className="work-meta muted">提交于 {formatDateTime(c.filedAt)}</span>
              </Link>
              <div className="work-due">
                <Badge tone={COMPLAINT_STATUS[c.status].tone}>
                  {COMPLAINT_STATUS[c.status].label}
                </Badge>
              </div>
            </li>
          ))}
        </ul>
      )}

      <ProblemAlert error={results.error} />
      {!results.data ? (
        !results.error && <Loading />
      ) : (
        <>
          <Card title="公示中的评估结果">
            {results.data.publicity.length === 0 ? (
              <Empty>目前没有公示中的评估结果。</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table public-results">
                  <thead>
                    <tr>
                      <th>组织</th>
                      <th>评估活动</th>
                      <th>拟评定等级</th>
                      <th>举报</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.data.publicity.map((p) => (
                      <tr key={p.fileId}>
                        <td data-label="组织">{p.organizationName ?? '—'}</td>
                        <td data-label="评估活动">{p.campaignTitle}</td>
                        <td data-label="拟评定等级">{levelLabel(p.level)}</td>
                        <td data-label="举报">
                          {p.organizationId === own ? (
                            <span className="muted">本组织</span>
                          ) : (
                            <ComplainButton subject={{ fileId: p.fileId }} />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <Card title="有效评估等级">
            {results.data.grades.length === 0 ? (
              <Empty>目前没有持有有效评估等级的组织。</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table public-grades">
                  <thead>
                    <tr>
                      <th>组织</th>
                      <th>等级</th>
                      <th>评定机关</th>
                      <th>有效期</th>
                      <th>举报</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.data.grades.map((g) => (
                      <tr key={g.organizationId}>
                        <td data-label="组织">{g.organizationName ?? '—'}</td>
                        <td data-label="等级">{levelLabel(g.level)}</td>
                        <td data-label="评定机关">
                          {AWARDING[g.awardingLevel] ?? g.awardingLevel}
                        </td>
                        <td data-label="有效期">
                          {formatDate(g.awardedOn)} 至 {formatDate(g.expiresOn)}
                        </td>
                        <td data-label="举报">
                          {g.organizationId === own ? (
                            <span className="muted">本组织</span>
                          ) : (
                            <ComplainButton subject={{ organizationId: g.organizationId }} />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
