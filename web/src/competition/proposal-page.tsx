import { BUDGET_KIND_LABEL, PURPOSE_LABEL } from '../../../domain/competition/policy';
import { ApiError, api } from '../api';
import { ActionButton, yuanToFen } from '../components/action-dialog';
import { EvaluatorSeats } from '../components/evaluator-seats';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import {
  ASSIGNMENT_LABEL,
  NEXT_STEP,
  PROPOSAL_STATUS_LABEL,
  proposalTone,
  STAGE_LABEL,
  yuan,
} from './labels';
import { ScoreSheet } from './score-sheet';
import type { Phase, ProposalDetail, ProposalRow, RoundDetail } from './types';

const TRANCHE_LABEL: Record<string, string> = {
  blocked: '未到拨付条件',
  payable: '可下达',
  ordered: '已下达，待财务复核',
  paid: '已拨付',
  withheld: '不予拨付',
};

function phaseOf(): Phase {
  return new URLSearchParams(window.location.search).get('phase') === 'roadshow'
    ? 'roadshow'
    : 'first';
}

/** A judge declares before opening: no conflict opens the proposal, a conflict hands it on. */
function JudgeDeclaration({ id, phase, onDone }: { id: string; phase: Phase; onDone: () => void }) {
  return (
    <Card title="利益冲突声明">
      <p>
        打开项目前，请声明您与该项目申报单位是否存在利益冲突（任职、亲属关系、经济往来等）。
        存在冲突的，系统将另派评审，您将不能查看该项目。
      </p>
      <div className="action-buttons">
        <ActionButton
          label="无利益冲突，打开项目"
          tone="primary"
          path={`/api/competition-proposals/${id}/declaration`}
          prompt="本人承诺与该项目申报单位不存在利益冲突，将独立、公正地评审。"
          body={() => ({ phase, conflict: false, note: '' })}
          onDone={onDone}
        />
        <ActionButton
          label="存在利益冲突，申请回避"
          tone="danger"
          path={`/api/competition-proposals/${id}/declaration`}
          fields={[{ name: 'note', label: '冲突情况说明', kind: 'textarea', required: true }]}
          body={(v) => ({ phase, conflict: true, note: v.note })}
          onDone={onDone}
        />
      </div>
    </Card>
  );
}

function Content({ p }: { p: ProposalDetail }) {
  const c = p.content;
  return (
    <Card title="申报内容">
      <dl className="summary">
        {p.organization && (
          <div className="summary-row">
            <dt>申报单位</dt>
            <dd>{p.organization.name}</dd>
          </div>
        )}
        {p.blind && (
          <div className="summary-row">
            <dt>申报单位</dt>
            <dd className="muted">匿名评审，不显示申报单位</dd>
          </div>
        )}
        <div className="summary-row">
          <dt>资助方向</dt>
          <dd>{PURPOSE_LABEL[c.purpose]}</dd>
        </div>
        <div className="summary-row">
          <dt>申请金额</dt>
          <dd>
            {yuan(p.requestedFen)}（自筹 {yuan(c.coFundingFen)}）
          </dd>
        </div>
        <div className="summary-row">
          <dt>服务需求</dt>
          <dd className="break">{c.need}</dd>
        </div>
        <div className="summary-row">
          <dt>项目设计</dt>
          <dd className="break">{c.design}</dd>
        </div>
        <div className="summary-row">
          <dt>团队</dt>
          <dd>{c.team.map((t) => `${t.name}（${t.role}）`).join('、')}</dd>
        </div>
        <div className="summary-row">
          <dt>预算明细</dt>
          <dd>
            <ul className="plain">
              {c.budgetLines.map((l) => (
                <li key={l.item + l.amountFen}>
                  {l.item}（{BUDGET_KIND_LABEL[l.kind]}）{yuan(l.amountFen)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </Card>
  );
}

function JudgeView({ id, p, onDone }: { id: string; p: ProposalDetail; onDone: () => void }) {
  const phase = phaseOf();
  const round = useLoad(
    () => api.get<RoundDetail>(`/api/competitions/${p.roundId}`),
    `round-${p.roundId}`,
  );
  const mine = useLoad(
    () => api.get<ProposalRow[]>(`/api/competitions/${p.roundId}/proposals`),
    `mine-${p.roundId}`,
  );
  const a = mine.data?.find((x) => x.id === id && x.phase === phase);
  const done = () => {
    mine.reload();
    onDone();
  };
  return (
    <>
      <Content p={p} />
      {a?.assignment === 'scored' ? (
        <Notice tone="ok">您已提交本项目{phase === 'roadshow' ? '路演' : '初评'}评分。</Notice>
      ) : round.data && a?.assignment === 'declared_clear' ? (
        <ScoreSheet
          proposalId={id}
          phase={phase}
          rubric={round.data.settings.rubric}
          onSubmitted={done}
        />
      ) : a && a.assignment !== 'declared_clear' ? (
        <JudgeDeclaration id={id} phase={phase} onDone={done} />
      ) : (
        <Loading />
      )}
    </>
  );
}

function OfficialActions({ p, reload }: { p: ProposalDetail; reload: () => void }) {
  const { account } = useSession();
  const role = account?.role;
  const w = p.workflow;
  const base = `/api/competition-proposals/${p.id}`;
  const next = w?.tranches.find((t) => t.status === 'payable' || t.status === 'blocked');
  const ordered = w?.tranches.filter((t) => t.status === 'ordered') ?? [];
  const buttons = [];
  if (role === 'reviewer' && p.status === 'submitted') {
    buttons.push(
      <ActionButton
        key="pass"
        label="资格审查通过"
        tone="primary"
        path={`${base}/qualify`}
        prompt="申报单位和项目符合本轮申报条件。"
        body={() => ({ pass: true })}
        onDone={reload}
      />,
      <ActionButton
        key="fail"
        label="资格审查不通过"
        tone="danger"
        path={`${base}/qualify`}
        fields={[
          { name: 'reasons', label: '不通过的理由（每行一条）', kind: 'textarea', required: true },
        ]}
        body={(v) => ({
          pass: false,
          reasons: (v.reasons ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        })}
        onDone={reload}
      />,
    );
  }
  if (role === 'administrator') {
    if (p.status === 'selected')
      buttons.push(
        <ActionButton
          key="agr"
          label="签订项目协议"
          tone="primary"
          path={`${base}/agreement`}
          fields={[{ name: 'agreementNo', label: '协议编号', required: true }]}
          onDone={reload}
        />,
      );
    if (next && w && !['selected', 'not_funded'].includes(w.status))
      buttons.push(
        <ActionButton
          key="order"
          label={`下达第${next.n}期拨付指令`}
          path={`${base}/payments/${next.n}/order`}
          prompt={`第${next.n}期 ${yuan(next.amountFen)}，由财务复核后拨付。`}
          onDone={reload}
        />,
      );
    if (p.status === 'suspended')
      buttons.push(
        <ActionButton
          key="term"
          label="终止项目"
          tone="danger"
          path={`${base}/termination`}
          fields={[
            { name: 'reason', label: '终止理由', kind: 'textarea', required: true },
            { name: 'clawback', label: '追回金额（元）', kind: 'yuan', initial: '0' },
          ]}
          body={(v) => ({ reason: v.reason, clawbackFen: yuanToFen(v.clawback || '0') })}
          onDone={reload}
        />,
      );
  }
  if (role === 'finance')
    for (const t of ordered)
      buttons.push(
        <ActionButton
          key={`c${t.n}`}
          label={`复核确认第${t.n}期拨付`}
          tone="primary"
          path={`${base}/payments/${t.n}/confirm`}
          prompt={`确认拨付第${t.n}期 ${yuan(t.amountFen)}（须为下达指令以外的工作人员）。`}
          onDone={reload}
        />,
      );
  if (
    role === 'evaluator' &&
    w &&
    ['in_progress', 'midterm_passed', 'agreement_signed'].includes(w.status)
  )
    buttons.push(
      <ActionButton
        key="eval"
        label={w.status === 'midterm_passed' ? '录入末期评估' : '录入中期评估'}
        tone="primary"
        path={`${base}/evaluations`}
        fields={[
          { name: 'score', label: '评估得分（0–100）', kind: 'number', required: true },
          { name: 'report', label: '评估报告', kind: 'textarea', required: true },
        ]}
        body={(v) => ({
          stage: w.status === 'midterm_passed' ? 'final' : 'midterm',
          score: Number(v.score),
          report: v.report,
        })}
        onDone={reload}
      />,
    );
  if (buttons.length === 0) return null;
  return (
    <Card title="可办理事项">
      <div className="action-buttons">{buttons}</div>
    </Card>
  );
}

export function ProposalPage({ id }: { id: string }) {
  const { account } = useSession();
  const {
    data: p,
    error,
    reload,
  } = useLoad(() => api.get<ProposalDetail>(`/api/competition-proposals/${id}`), `cp-${id}`);
  const judge = account?.role === 'judge';
  // A judge must declare before the API opens the proposal (409 until then).
  if (judge && error instanceof ApiError && error.status === 409)
    return (
      <div>
        <h1 className="page-title">评审项目</h1>
        <JudgeDeclaration id={id} phase={phaseOf()} onDone={reload} />
      </div>
    );
  if (!p) return error ? <ProblemAlert error={error} /> : <Loading />;
  const w = p.workflow;
  const stage = p.roundStage ?? w?.roundStage;
  return (
    <div>
      <p className="crumb">
        <Link to={`/competitions/${p.roundId}`}>返回本轮</Link>
      </p>
      <div className="page-head">
        <h1 className="page-title">{p.title}</h1>
        <div className="file-status">
          {p.status && (
            <Badge tone={proposalTone(p.status)}>{PROPOSAL_STATUS_LABEL[p.status]}</Badge>
          )}
          {p.temporalUrl && <TemporalLink href={p.temporalUrl} />}
        </div>
      </div>
      <p className="muted">申报时间 {formatDateTime(p.submittedAt)}</p>
      {judge ? (
        <JudgeView id={id} p={p} onDone={reload} />
      ) : (
        <>
          {account?.role === 'applicant' && p.status && (
            <Card title="办理进度">
              <p>
                本轮当前阶段：{stage ? STAGE_LABEL[stage] : '—'}。{NEXT_STEP[p.status] ?? ''}
              </p>
            </Card>
          )}
          <OfficialActions p={p} reload={reload} />
          {p.evaluators && p.awardFen && (
            <EvaluatorSeats
              path={`/api/competition-proposals/${id}/evaluators`}
              seated={p.evaluators}
              candidates={async () =>
                (
                  await api.get<{
                    items: { id: string; displayName: string; role: string; active: boolean }[];
                  }>('/api/admin/accounts/lookup?role=evaluator')
                ).items
                  .filter((a) => a.role === 'evaluator' && a.active)
                  .map((a) => ({ id: a.id, name: a.displayName }))
              }
              onDone={reload}
            />
          )}
          {(p.qualificationNote || p.fundingReason || p.awardFen) && (
            <Card title="结果">
              <dl className="summary">
                {p.qualificationNote && (
                  <div className="summary-row">
                    <dt>资格审查</dt>
                    <dd>{p.qualificationNote}</dd>
                  </div>
                )}
                {p.awardFen ? (
                  <div className="summary-row">
                    <dt>资助金额</dt>
                    <dd>{yuan(p.awardFen)}</dd>
                  </div>
                ) : null}
                {p.fundingReason && (
                  <div className="summary-row">
                    <dt>资助说明</dt>
                    <dd>{p.fundingReason}</dd>
                  </div>
                )}
                {p.decision && (
                  <div className="summary-row">
                    <dt>资助决定书</dt>
                    <dd>
                      {p.decision.decisionNo}{' '}
                      <Link to={`/competition-proposals/${id}/decision/print`}>打印资助决定书</Link>
                    </dd>
                  </div>
                )}
                {w?.midtermGrade && (
                  <div className="summary-row">
                    <dt>中期评估</dt>
                    <dd>{w.midtermGrade} 级</dd>
                  </div>
                )}
              </dl>
            </Card>
          )}
          {w && w.tranches.length > 0 && (
            <Card title="资金拨付">
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>期次</th>
                      <th>金额</th>
                      <th>状态</th>
                    </tr>
                  </thead>
                  <tbody>
                    {w.tranches.map((t) => (
                      <tr key={t.n}>
                        <td data-label="期次">第{t.n}期</td>
                        <td data-label="金额">{yuan(t.amountFen)}</td>
                        <td data-label="状态">
                          <Badge
                            tone={
                              t.status === 'paid' ? 'ok' : t.status === 'withheld' ? 'bad' : 'info'
                            }
                          >
                            {TRANCHE_LABEL[t.status]}
                          </Badge>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          )}
          <Content p={p} />
          {w && account?.role !== 'applicant' && (
            <Card title="评审进度">
              <p className="muted">
                初评评审 {w.panels.first.length} 人，已评分 {w.scored.length} 份；声明：
                {Object.values(w.declarations)
                  .map((d) => ASSIGNMENT_LABEL[d === 'clear' ? 'declared_clear' : 'conflicted'])
                  .join('、') || '—'}
              </p>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
