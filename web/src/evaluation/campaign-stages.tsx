import { useState } from 'react';
import { api } from '../api';
import { Card, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import type { Campaign } from './types';

const STATE_LABEL = { done: '已完成', current: '进行中', pending: '未开始' } as const;

/**
 * The campaign's phases (§4.3: 公告 → 申报 → 资格审查 → 实地评估 → 委员会评定 → 公示 → 结束)
 * with their dates: each starts with the first file that reaches it and ends when none is left.
 */
export function CampaignStages({ campaign }: { campaign: Campaign }) {
  if (!campaign.stages?.length) return null;
  return (
    <Card title="评估阶段">
      <ol className="progress campaign-stages" aria-label="评估阶段">
        {campaign.stages.map((s) => (
          <li
            key={s.key}
            className={s.state === 'pending' ? undefined : s.state}
            aria-current={s.state === 'current' ? 'step' : undefined}
          >
            <span className="dot" aria-hidden="true" />
            <span>{s.label}</span>
            <small className="muted">
              {STATE_LABEL[s.state]}
              {s.startedAt && ` · ${formatDate(s.startedAt)}`}
              {s.state === 'done' &&
              s.endedAt &&
              s.endedAt.slice(0, 10) !== s.startedAt?.slice(0, 10)
                ? ` 至 ${formatDate(s.endedAt)}`
                : s.state !== 'done' && s.startedAt
                  ? ' 起'
                  : ''}
            </small>
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** The notice (公告) as published, opened on demand. */
export function CampaignNotice({ campaign }: { campaign: Campaign }) {
  const [body, setBody] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const n = campaign.notice;
  if (!n) return null;
  return (
    <details
      className="campaign-notice"
      onToggle={async (e) => {
        if (!(e.currentTarget as HTMLDetailsElement).open || body !== null) return;
        try {
          setBody((await api.get<{ body: string }>(`/api/announcements/${n.id}`)).body);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <summary>
        {n.title}（{formatDateTime(n.publishedAt)} 发布）
      </summary>
      <ProblemAlert error={error} />
      {body !== null && <p className="self-assessment">{body}</p>}
    </details>
  );
}
