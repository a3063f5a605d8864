import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Empty, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { isOffered } from '../offers';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { ASSIGNMENT_LABEL, PROPOSAL_STATUS_LABEL, proposalTone, STAGE_LABEL, yuan } from './labels';
import { ResultsCard } from './results-card';
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

/** The administrator's stage actions, shown when the round workflow offers them (allowedActions). */
const ROUND_ACTIONS: {
  update: string;
  about?: { phase: 'first' | 'roadshow' };
  label: string;
  path: string;
  prompt: string;
}[] = [
  {
    update: 'closeCall',
    label: '截止征集',
    path: 'close-call',
    prompt: '截止征集后不再接收申报，进入资格审查。',
  },
  {
    update: 'openScoring',
    about: { phase: 'first' },
    label: '开始初评',
    path: 'scoring/first/open',
    prompt: '按回避规则为每个项目分配评审组。',
  },
  {
    update: 'closeScoring',
    about: { phase: 'first' },
    label: '结束初评并汇总',
    path: 'scoring/first/close',
    prompt: '汇总得分、按同分规则排序并确定入围名单。',
  },
  {
    update: 'openScoring',
    about: { phase: 'roadshow' },
    label: '开始路演评审',
    path: 'scoring/roadshow/open',
    prompt: '入围项目进入路演答辩评审。',
  },
  {
    update: 'closeScoring',
    about: { phase: 'roadshow' },
    label: '结束路演评审并汇总',
    path: 'scoring/roadshow/close',
    prompt: '汇总路演得分。',
  },
  {
    update: 'decideFunding',
    label: '确定资助名单并公示',
    path: 'funding',
    prompt: '在预算和类别名额内确定资助名单，并开始公示。',
  },
  { update: 'closeRound', label: '结束本轮', path: 'close', prompt: '全部项目结项后结束本轮。' },
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

/** A judge registers links to applicant organisations before panels are drawn. */
function ConflictsCard({ roundId }: { roundId: string }) {
  const { data } = useLoad(
    () => api.get<{ id: string; name: string }[]>(`/api/competitions/${roundId}/applicants`),
    `applicants-${roundId}`,
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.post<{ declared: number }>(`/api/competitions/${roundId}/conflicts`, {
        organizationIds: chosen,
        reason,
      });
      setDone(r.declared);
      setChosen([]);
    } catch (err) {
      setError(err);
    }
  };
  if (!data || data.length === 0) return null;
  return (
    <Card title="与申报单位的利益关联">
      <p className="muted">
        如与下列单位存在任职、亲属、经济往来等关联，请勾选并说明，分配评审时您将回避。
      </p>
      <form onSubmit={submit} noValidate>
        {data.map((o) => (
          <label key={o.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(o.id)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))
              }
            />
            {o.name}
          </label>
        ))}
        <Field label="关联说明">
          {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <ProblemAlert error={error} />
        {done !== null && <Notice tone="ok">已登记 {done} 个单位的利益关联。</Notice>}
        <button type="submit" className="btn btn-secondary" disabled={chosen.length === 0}>
          登记利益关联
        </button>
      </form>
    </Card>
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
  const proposals = useLoad(
    () => api.get<ProposalRow[]>(`/api/competitions/${id}/proposals`),
    `rp-${id}`,
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
  const s = r.settings;
  const actions = ROUND_ACTIONS.filter((a) => isOffered(r, a.update, a.about));
  const rows = proposals.data ?? [];
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
      {role === 'administrator' && (
        <Card title="本阶段可办理">
          <div className="action-buttons">
            {actions.map((a) => (
              <ActionButton
                key={a.path}
                label={a.label}
                tone="primary"
                path={`/api/competitions/${id}/${a.path}`}
                prompt={a.prompt}
                onDone={reload}
              />
            ))}
            {actions.length === 0 && (
              <p className="muted">
                本阶段没有需要您办理的轮次事项（公示期结束后自动进入项目实施）。
              </p>
            )}
          </div>
        </Card>
      )}
      {role === 'applicant' &&
        r.stage === 'call_open' &&
        rows.length < s.proposalsPerOrganization && (
          <Notice tone="info">
            本轮正在征集，截止时间 {formatDateTime(r.callClosesAt)}。{' '}
            <Link to={`/competitions/${id}/apply`} className="btn btn-primary btn-sm">
              申报项目
            </Link>
          </Notice>
        )}
      <Card title="本轮设置">
        <dl className="summary">
          <div className="summary-row">
            <dt>征集期</dt>
            <dd>
              {formatDateTime(r.callOpensAt)} 至 {formatDateTime(r.callClosesAt)}
            </dd>
          </div>
          <div className="summary-row">
            <dt>预算</dt>
            <dd>
              {yuan(s.budgetFen)}（{s.fundingSource.name}）
            </dd>
          </div>
          <div className="summary-row">
            <dt>类别</dt>
            <dd>{s.categories.map((c) => c.name).join('、')}</dd>
          </div>
          <div className="summary-row">
            <dt>单个项目上限</dt>
            <dd>
              已登记组织 {yuan(s.caps.registeredFen)}
              {s.allowRecorded ? `，备案组织 ${yuan(s.caps.recordedFen)}` : ''}
            </dd>
          </div>
          <div className="summary-row">
            <dt>评分标准</dt>
            <dd>
              {s.rubric.map((c) => `${c.name} ${c.max}分`).join('、')}；及格线 {s.passMark} 分
            </dd>
          </div>
          <div className="summary-row">
            <dt>拨付比例</dt>
            <dd>{s.tranchePercents.join(' / ')}（%）</dd>
          </div>
          <div className="summary-row">
            <dt>匿名评审</dt>
            <dd>{s.blindReview ? '是（评审看不到申报单位）' : '否'}</dd>
          </div>
          {role === 'administrator' && (
            <div className="summary-row">
              <dt>规则版本</dt>
              <dd className="mono">{r.ruleVersion}</dd>
            </div>
          )}
        </dl>
      </Card>
      {role === 'judge' && ['call_open', 'eligibility_review'].includes(r.stage) && (
        <ConflictsCard roundId={id} />
      )}
      {seeFigures && figures.data && <RoundFiguresView figures={figures.data} />}
      {(role === 'administrator' || role === 'reviewer') &&
        STAGES.indexOf(r.stage) >= STAGES.indexOf('first_scored') && (
          <>
            <ResultsCard roundId={id} phase="first" proposals={rows} />
            {STAGES.indexOf(r.stage) >= STAGES.indexOf('scored') && (
              <ResultsCard roundId={id} phase="roadshow" proposals={rows} />
            )}
          </>
        )}
      <Card
        title={
          role === 'judge' ? '分配给我的项目' : role === 'applicant' ? '本单位的申报' : '本轮项目'
        }
      >
        <ProblemAlert error={proposals.error} />
        {rows.length === 0 ? (
          <Empty>没有项目。</Empty>
        ) : (
          <ProposalTable rows={rows} judge={role === 'judge'} />
        )}
      </Card>
    </div>
  );
}
