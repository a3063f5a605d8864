import { api } from '../api';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { complaintRef, subjectText } from './complaint-text';
import { FILE_STATUS, fileRef, levelLabel, PHASE } from './labels';
import type { Campaign, ComplaintSummary, FileSummary } from './types';

/**
 * A committee member's home: the files that wait for their named vote (the API tells which,
 * round by round), then the campaigns they sit on.
 */
export function CommitteeHomePage() {
  const { account } = useSession();
  const files = useLoad(
    () => api.get<{ items: FileSummary[]; total: number }>('/api/evaluation/files?pageSize=100'),
    'evaluation-files',
  );
  const campaigns = useLoad(
    () => api.get<{ items: Campaign[] }>('/api/evaluation/campaigns?pageSize=100'),
    'evaluation-campaigns',
  );
  const complaints = useLoad(
    () => api.get<{ items: ComplaintSummary[] }>('/api/evaluation/complaints?pageSize=100'),
    'evaluation-complaints',
  );
  const waiting = (files.data?.items ?? []).filter((f) => f.awaitingMyVote);
  const complaintsWaiting = (complaints.data?.items ?? []).filter((c) => c.awaitingMyVote);
  const mine = (campaigns.data?.items ?? []).filter(
    (c) =>
      account &&
      (c.committeeIds?.includes(account.id) || c.reviewCommitteeIds?.includes(account.id)),
  );
  const titleOf = (id: string) => campaigns.data?.items.find((c) => c.id === id)?.title ?? '';
  return (
    <div>
      <h1 className="page-title">待我表决的评估事项</h1>
      <ProblemAlert error={files.error} />
      {files.data && files.data.total > files.data.items.length && (
        <p className="muted">
          您可见的评估事项超过 {files.data.items.length} 件，这里只核对了最早的{' '}
          {files.data.items.length} 件；全部待表决事项请看“我的待办”。
        </p>
      )}
      {!files.data ? (
        !files.error && <Loading />
      ) : waiting.length === 0 ? (
        <Card>
          <Empty>目前没有等待您表决的评估事项。</Empty>
        </Card>
      ) : (
        <>
          <p className="muted">共 {waiting.length} 件。表决为记名表决，提交后不能更改。</p>
          <ul className="work-list">
            {waiting.map((f) => (
              <li key={f.id} className="work-item">
                <Link to={`/evaluation/files/${f.id}`} className="work-link">
                  <span className="work-task">
                    {f.organizationName ?? '评估事项'} {fileRef(f)}
                  </span>
                  <span className="work-meta muted">
                    {titleOf(f.campaignId)} · 评估得分 {f.finalScore ?? '—'} 分 · 拟评定{' '}
                    {levelLabel(f.awaitingMyVote === 'review' ? f.decidedLevel : f.proposedLevel)}
                  </span>
                </Link>
                <div className="work-due">
                  <Badge tone="warn">
                    {f.awaitingMyVote === 'review' ? '复核委员会表决' : '评估委员会表决'}
                  </Badge>
                  {f.flagged && <Badge tone="warn">评分分歧较大</Badge>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {complaintsWaiting.length > 0 && (
        <>
          <h2 className="section-title">待我表决的举报</h2>
          <ul className="work-list">
            {complaintsWaiting.map((c) => (
              <li key={c.id} className="work-item">
                <Link to={`/evaluation/complaints/${c.id}`} className="work-link">
                  <span className="work-task">
                    {complaintRef(c.id)} · {subjectText(c)}
                  </span>
                  <span className="work-meta muted">
                    提交于 {formatDateTime(c.filedAt)} · 第 {c.round} 轮表决
                  </span>
                </Link>
                <div className="work-due">
                  <Badge tone="warn">复核委员会表决</Badge>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <ProblemAlert error={complaints.error} />
      <h2 className="section-title">我参加的评估活动</h2>
      <ProblemAlert error={campaigns.error} />
      {!campaigns.data ? (
        !campaigns.error && <Loading />
      ) : mine.length === 0 ? (
        <Card>
          <Empty>您目前不是任何评估活动的委员。</Empty>
        </Card>
      ) : (
        mine.map((c) => {
          const all = (files.data?.items ?? []).filter((f) => f.campaignId === c.id);
          return (
            <Card
              key={c.id}
              title={<Link to={`/evaluation/campaigns/${c.id}`}>{c.title}</Link>}
              actions={<Badge tone="muted">{PHASE[c.phase] ?? c.phase}</Badge>}
            >
              <p className="muted">
                {account && c.committeeIds?.includes(account.id) && '评估委员会委员 '}
                {account && c.reviewCommitteeIds?.includes(account.id) && '复核委员会委员 '}· 申报期{' '}
                {formatDateTime(c.windowOpensAt)} 至 {formatDateTime(c.windowClosesAt)} · 共{' '}
                {all.length} 件，
                {all.filter((f) => f.status === 'confirmed').length} 件已确认等级
                {c.closedAt && ` · 结束于 ${formatDate(c.closedAt)}`}
              </p>
              {all.length > 0 && (
                <p>
                  {Object.entries(
                    all.reduce<Record<string, number>>((m, f) => {
                      m[f.status] = (m[f.status] ?? 0) + 1;
                      return m;
                    }, {}),
                  ).map(([s, n]) => (
                    <Badge key={s} tone={FILE_STATUS[s as 'applied']?.tone ?? 'muted'}>
                      {FILE_STATUS[s as 'applied']?.label ?? s} {n}
                    </Badge>
                  ))}
                </p>
              )}
            </Card>
          );
        })
      )}
    </div>
  );
}
