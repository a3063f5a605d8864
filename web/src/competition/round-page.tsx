import { useState } from 'react';
import { api } from '../api';
import { usePagedList } from '../components/pager';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Empty, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { ApplyOffer } from './apply-offer';
import { ConflictsCard } from './conflicts-card';
import { ASSIGNMENT_LABEL, PROPOSAL_STATUS_LABEL, proposalTone, STAGE_LABEL, yuan } from './labels';
import { ResultsCard } from './results-card';
import { RoundActions, RoundSettings } from './round-cards';
import { RoundFiguresView } from './round-figures';
import type { ProposalRow, RoundDetail, RoundFigures, RoundStage } from './types';

const STAGES: RoundStage[] = [
  'call_open',
  'eligibility_review',
  'first_scoring',
  'first_scored',
  'roadshow',
  'scored',
  'publicity',
  'implementing',
  'closed',
];

function Stepper({ stage }: { stage: RoundStage }) {
  const at = STAGES.indexOf(stage);
  return (
    <ol className="stepper round-stepper" aria-label="轮次进度">
      {STAGES.map((s, i) => (
        <li
          key={s}
          className={i < at ? 'done' : i === at ? 'current' : ''}
          aria-current={i === at ? 'step' : undefined}
        >
          {STAGE_LABEL[s]}
        </li>
      ))}
    </ol>
  );
}

function ProposalTable({ rows, judge }: { rows: ProposalRow[]; judge: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>项目</th>
            <th>{judge ? '评审环节' : '申请金额'}</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={`${p.id}-${p.phase ?? ''}`}>
              <td data-label="项目">
                {judge && p.assignment === 'conflicted' ? (
                  <span className="muted">（已回避的项目）</span>
                ) : (
                  <Link to={`/competition-proposals/${p.id}${p.phase ? `?phase=${p.phase}` : ''}`}>
                    {p.title}
                  </Link>
                )}
              </td>
              <td data-label={judge ? '评审环节' : '申请金额'}>
                {judge ? (p.phase === 'roadshow' ? '路演答辩' : '初评') : yuan(p.requestedFen)}
              </td>
              <td data-label="状态">
                {judge ? (
                  <Badge
                    tone={
                      p.assignment === 'scored'
                        ? 'ok'
                        : p.assignment === 'conflicted'
                          ? 'muted'
                          : 'warn'
                    }
                  >
                    {ASSIGNMENT_LABEL[p.assignment ?? ''] ?? p.assignment}
                  </Badge>
                ) : (
                  <Badge tone={proposalTone(p.status)}>
                    {p.status ? PROPOSAL_STATUS_LABEL[p.status] : '—'}
                  </Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RoundPage({ id }: { id: string }) {
  const { account } = useSession();
  const role = account?.role;
  const round = useLoad(() => api.get<RoundDetail>(`/api/competitions/${id}`), `round-${id}`);
  const [status, setStatus] = useState('');
  const proposals = usePagedList<ProposalRow>(
    `/api/competitions/${id}/proposals`,
    status ? `status=${status}` : '',
    50,
  );
  const seeFigures = role === 'administrator' || role === 'finance';
  const figures = useLoad(
    () =>
      seeFigures ? api.get<RoundFigures>(`/api/competitions/${id}/figures`) : Promise.resolve(null),
    `rf-${id}`,
  );
  const reload = () => {
    round.reload();
    proposals.reload();
    figures.reload();
  };
  const r = round.data;
  if (!r) return round.error ? <ProblemAlert error={round.error} /> : <Loading />;
  const rows = proposals.data?.items ?? [];
  return (
    <div>
      <p className="crumb">
        <Link to="/competitions">公益创投</Link> / {r.title}
      </p>
      <div className="page-head">
        <h1 className="page-title">{r.title}</h1>
        <div className="file-status">
          <Badge tone="info">{STAGE_LABEL[r.stage]}</Badge>
          {r.temporalUrl && <TemporalLink href={r.temporalUrl} />}
        </div>
      </div>
      <Stepper stage={r.stage} />
      {role === 'administrator' && r.newsPending ? (
        <Notice tone="info">
          本阶段决定已生效，系统正在逐个通知各项目（邮件与项目状态随后更新），不影响继续办理。
        </Notice>
      ) : null}
      {r.publicityEndsAt && role !== 'judge' && (
        <Notice tone={r.stage === 'publicity' ? 'warn' : 'info'}>
          {r.stage === 'publicity'
            ? `资助名单公示中，公示期至 ${formatDateTime(r.publicityEndsAt)}。`
            : '资助名单已公示。'}
          {role === 'administrator' && r.pendingObjections
            ? `尚有 ${r.pendingObjections} 件异议待处理。`
            : ''}{' '}
          <Link to={`/competitions/${id}/publicity`} className="btn btn-secondary btn-sm">
            公示名单与异议
          </Link>
        </Notice>
      )}
      {role === 'administrator' && <RoundActions round={r} onDone={reload} />}
      {role === 'applicant' && r.stage === 'call_open' && (
        <ApplyOffer roundId={id} closesAt={r.callClosesAt} />
      )}
      <RoundSettings round={r} admin={role === 'administrator'} />
      {role === 'judge' && ['call_open', 'eligibility_review'].includes(r.stage) && (
        <ConflictsCard roundId={id} />
      )}
      {seeFigures && figures.data && <RoundFiguresView figures={figures.data} />}
      {(role === 'administrator' || role === 'reviewer') &&
        STAGES.indexOf(r.stage) >= STAGES.indexOf('first_scored') && (
          <>
            <ResultsCard roundId={id} phase="first" />
            {STAGES.indexOf(r.stage) >= STAGES.indexOf('scored') && (
              <ResultsCard roundId={id} phase="roadshow" />
            )}
          </>
        )}
      <Card
        title={
          role === 'judge' ? '分配给我的项目' : role === 'applicant' ? '本单位的申报' : '本轮项目'
        }
      >
        <ProblemAlert error={proposals.error} />
        {role !== 'judge' && (
          <select aria-label="项目状态" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">全部状态</option>
            {Object.entries(PROPOSAL_STATUS_LABEL).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
        {rows.length === 0 ? (
          <Empty>没有项目。</Empty>
        ) : (
          <>
            <ProposalTable rows={rows} judge={role === 'judge'} />
            {proposals.pager}
          </>
        )}
      </Card>
    </div>
  );
}
