import { Badge, Card, Empty } from '../components/ui';
import { formatDateTime } from '../format';
import { AGGREGATION, actionLabel, levelLabel, seatLabel } from './labels';
import type { FileDetail, NamedVote, Tally, TrailEntry } from './types';

/** The file's record: the sheets' aggregate, the committees' votes, and the trail. */

export const tallyText = (t: Tally) =>
  `全体委员 ${t.members} 人，出席 ${t.present} 人，赞成 ${t.approvals} 票；${
    !t.quorum
      ? '出席不足三分之二'
      : t.approved
        ? '赞成票超过全体委员半数，通过'
        : '赞成票未过半数，未通过'
  }`;

export function ScoresCard({ file, showSheets }: { file: FileDetail; showSheets: boolean }) {
  const v = file.view;
  if (!v) return null;
  const seats = v.evaluators;
  return (
    <Card title="评估得分">
      {v.score ? (
        <dl className="summary">
          <div className="summary-row">
            <dt>评估得分</dt>
            <dd>
              {v.disqualification ? (
                <>
                  <s className="score-figure">{v.score.value} 分</s>{' '}
                  <Badge tone="bad">已作废，不再计入</Badge>
                </>
              ) : (
                <strong className="score-figure">{v.score.value} 分</strong>
              )}
              {v.proposedLevel !== null && v.proposedLevel > 0 && (
                <> · 对应等级 {levelLabel(v.proposedLevel)}</>
              )}
            </dd>
          </div>
          <div className="summary-row">
            <dt>汇总方法</dt>
            <dd>
              {AGGREGATION[v.score.method] ?? v.score.method}（采用 {v.score.used.length} 份评分表）
            </dd>
          </div>
          <div className="summary-row">
            <dt>评分差距</dt>
            <dd>
              最高与最低相差 {v.score.spread} 分{' '}
              {v.score.flagged && <Badge tone="warn">分歧较大，请委员会关注</Badge>}
            </dd>
          </div>
        </dl>
      ) : (
        <Empty>专家评分表尚未全部提交。</Empty>
      )}
      {showSheets && seats.length > 0 && (
        <>
          <h3 className="side-title">专家评分表</h3>
          <ul className="seat-list">
            {seats.map((s) => (
              <li key={s.id}>
                <span>{s.name}</span>
                <span className="muted">{seatLabel(s)}</span>
                <strong>
                  {s.total !== null
                    ? `${s.total} 分`
                    : s.status === 'cleared' || s.status === 'assigned'
                      ? '未提交'
                      : '—'}
                </strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function VoteTable({ votes }: { votes: NamedVote[] }) {
  return (
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
          {votes.map((x) => (
            <tr key={`${x.body}-${x.round}-${x.memberId}`}>
              <td data-label="轮次">第 {x.round} 轮</td>
              <td data-label="委员">{x.memberName}</td>
              <td data-label="表决">
                <Badge tone={x.approve ? 'ok' : 'bad'}>{x.approve ? '赞成' : '反对'}</Badge>
              </td>
              <td data-label="时间">{formatDateTime(x.votedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Both committees: round, votes so far, the last count and (for insiders) every named vote. */
export function CommitteeCard({ file, members }: { file: FileDetail; members: number | null }) {
  const v = file.view;
  if (!v) return null;
  const committeeVotes = file.votes.filter((x) => x.body === 'committee');
  const reviewVotes = file.votes.filter((x) => x.body === 'review');
  return (
    <Card title="委员会表决">
      <dl className="summary">
        <div className="summary-row">
          <dt>评估委员会</dt>
          <dd>
            第 {v.committee.round} 轮
            {v.status === 'scored' &&
              `，已有 ${v.committee.votes} 人投票${members ? `（全体 ${members} 人）` : ''}`}
            {v.committee.decidedAt && `，${formatDateTime(v.committee.decidedAt)} 作出决定`}
          </dd>
        </div>
        {v.committee.lastTally && (
          <div className="summary-row">
            <dt>最近一次计票</dt>
            <dd>{tallyText(v.committee.lastTally)}</dd>
          </div>
        )}
        {v.review?.tally && (
          <div className="summary-row">
            <dt>复核委员会计票</dt>
            <dd>{tallyText(v.review.tally)}</dd>
          </div>
        )}
      </dl>
      {committeeVotes.length > 0 && (
        <>
          <h3 className="side-title">评估委员会记名表决</h3>
          <VoteTable votes={committeeVotes} />
        </>
      )}
      {reviewVotes.length > 0 && (
        <>
          <h3 className="side-title">复核委员会记名表决</h3>
          <VoteTable votes={reviewVotes} />
        </>
      )}
    </Card>
  );
}

function detailOf(t: TrailEntry): string | null {
  const d = t.details;
  if (!d) return null;
  if (t.action === 'committee_vote' || t.action === 'review_vote')
    return `第 ${d.round} 轮 · ${d.approve ? '赞成' : '反对'}`;
  if (t.action === 'sheet_submitted' && typeof d.total === 'number') return `总分 ${d.total} 分`;
  if (t.action === 'grade_decided' && typeof d.level === 'number')
    return `拟评定等级 ${levelLabel(d.level)}`;
  if (t.action === 'recommended_upward' && typeof d.level === 'number')
    return `评估得分对应 ${levelLabel(d.level)}，超出本区评定权限`;
  return null;
}

export function Timeline({ trail }: { trail: TrailEntry[] }) {
  return (
    <Card title="办理记录">
      {trail.length === 0 ? (
        <Empty>暂无记录。</Empty>
      ) : (
        <ol className="timeline">
          {trail.map((t) => (
            <li key={t.seq}>
              <time dateTime={t.at}>{formatDateTime(t.at)}</time>
              <div>
                <strong>{actionLabel(t.action)}</strong>
                <span className="muted"> · {t.actor.name}</span>
                {detailOf(t) && <p>{detailOf(t)}</p>}
                {t.reason && <p>{t.reason}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
