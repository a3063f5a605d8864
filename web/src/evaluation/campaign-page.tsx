import { useState } from 'react';
import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { ExportLinks, usePagedList } from '../components/pager';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { isOffered } from '../offers';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { CampaignNotice, CampaignStages } from './campaign-stages';
import { FILE_STATUS, fileRef, levelLabel, PHASE } from './labels';
import { PROGRESS } from './progress';
import type { CampaignDetail, FileSummary } from './types';

/**
 * One campaign for the office and the committees: its window and phase, the administrator's
 * two steps (close applications, close the campaign), and every file with its status.
 */
export function CampaignPage({ id }: { id: string }) {
  const { account } = useSession();
  const admin = account?.role === 'administrator';
  const staff = admin || account?.role === 'agency';
  const campaign = useLoad(
    () => api.get<CampaignDetail>(`/api/evaluation/campaigns/${id}`),
    `evaluation-campaign-${id}`,
  );
  const [status, setStatus] = useState('');
  const filters = `campaignId=${id}${status ? `&status=${status}` : ''}`;
  const files = usePagedList<FileSummary>('/api/evaluation/files', filters);
  const c = campaign.data;
  if (!c) return campaign.error ? <ProblemAlert error={campaign.error} /> : <Loading />;
  const done = () => {
    campaign.reload();
    files.reload();
  };
  return (
    <div>
      <div className="file-head">
        <div>
          <p className="crumb">
            <Link to="/evaluation">
              {account?.role === 'committee_member' ? '评估表决' : '等级评估'}
            </Link>{' '}
            › 评估活动
          </p>
          <h1 className="page-title">{c.title}</h1>
          <p className="muted">
            申报期 {formatDateTime(c.windowOpensAt)} 至 {formatDateTime(c.windowClosesAt)} ·
            评估委员会 {c.committeeSize} 人 · 复核委员会 {c.reviewCommitteeSize} 人
            {c.closedAt && ` · 结束于 ${formatDate(c.closedAt)}`}
          </p>
        </div>
        <div className="file-status">
          <Badge tone={c.phase === 'closed' ? 'muted' : 'info'}>{PHASE[c.phase] ?? c.phase}</Badge>
          {staff && c.temporalUrl && <TemporalLink href={c.temporalUrl} />}
        </div>
      </div>
      <CampaignNotice campaign={c} />
      <CampaignStages campaign={c} />
      {staff && (
        <Card title="评估进度">
          <ul className="eval-progress" aria-label="评估进度">
            {PROGRESS.map(([k, label]) => (
              <li key={k}>
                <span className="muted">{label}</span> <strong>{c.progress[k] ?? 0}</strong> 家
              </li>
            ))}
          </ul>
          {(isOffered(c, 'closeApplications') || isOffered(c, 'closeCampaign')) && (
            <div className="action-buttons campaign-actions">
              {isOffered(c, 'closeApplications') && (
                <ActionButton
                  label="截止申报"
                  title="截止申报"
                  tone="primary"
                  path={`/api/evaluation/campaigns/${id}/close-applications`}
                  prompt="截止后不再接受申报，已申报的组织逐一进行资格审查并分配评估专家。确定截止申报吗？"
                  onDone={done}
                />
              )}
              {isOffered(c, 'closeCampaign') && (
                <ActionButton
                  label="结束评估活动"
                  title="结束评估活动"
                  tone="danger"
                  path={`/api/evaluation/campaigns/${id}/close`}
                  prompt="所有评估事项办结后才能结束本次评估活动。确定结束吗？"
                  onDone={done}
                />
              )}
            </div>
          )}
        </Card>
      )}
      <Card
        title="评估事项"
        actions={
          <span className="filters">
            <select aria-label="状态" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">全部状态</option>
              {Object.entries(FILE_STATUS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v.label}
                </option>
              ))}
            </select>
            <ExportLinks path="/api/evaluation/files/export" filters={filters} />
          </span>
        }
      >
        <ProblemAlert error={files.error} />
        {!files.data ? (
          !files.error && <Loading />
        ) : files.data.items.length === 0 ? (
          <Empty>还没有组织申报。</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table eval-files">
              <thead>
                <tr>
                  <th>组织</th>
                  <th>事项</th>
                  <th>申报日期</th>
                  <th>状态</th>
                  <th>评估得分</th>
                  <th>等级</th>
                </tr>
              </thead>
              <tbody>
                {files.data.items.map((f) => (
                  <tr key={f.id}>
                    <td data-label="组织">
                      <Link to={`/evaluation/files/${f.id}`}>{f.organizationName ?? '—'}</Link>
                    </td>
                    <td data-label="事项" className="mono">
                      {fileRef(f)}
                    </td>
                    <td data-label="申报日期">{formatDate(f.appliedAt)}</td>
                    <td data-label="状态">
                      <Badge tone={FILE_STATUS[f.status]?.tone ?? 'muted'}>
                        {FILE_STATUS[f.status]?.label ?? f.status}
                      </Badge>
                      {f.flagged && <Badge tone="warn">评分分歧较大</Badge>}
                      {(f.panelShortBy ?? 0) > 0 && (
                        <Badge tone="warn">专家不足，待增补{f.panelShortBy}名</Badge>
                      )}
                      {f.awaitingMyVote && <Badge tone="warn">待您表决</Badge>}
                    </td>
                    <td data-label="评估得分">
                      {f.finalScore === null ? (
                        '—'
                      ) : f.scoreCancelled ? (
                        <>
                          <s>{f.finalScore} 分</s> 已作废
                        </>
                      ) : (
                        `${f.finalScore} 分`
                      )}
                    </td>
                    <td data-label="等级">
                      {f.decidedLevel !== null
                        ? levelLabel(f.decidedLevel)
                        : f.proposedLevel !== null
                          ? `拟 ${levelLabel(f.proposedLevel)}`
                          : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {files.pager}
          </div>
        )}
      </Card>
    </div>
  );
}
