import { ApiError, api } from '../api';
import { EvaluatorSeats } from '../components/evaluator-seats';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { NEXT_STEP, PROPOSAL_STATUS_LABEL, proposalTone, STAGE_LABEL } from './labels';
import { ProposalActions } from './proposal-actions';
import {
  ProposalContent,
  ProposalResults,
  ProposalTranches,
  ReviewProgress,
} from './proposal-cards';
import { JudgeDeclaration, JudgeView, phaseOf } from './proposal-judge';
import type { ProposalDetail } from './types';

/** The district's active evaluators, for seating on a funded project's evaluations. */
async function evaluatorCandidates() {
  const r = await api.get<{
    items: { id: string; displayName: string; role: string; active: boolean }[];
  }>('/api/admin/accounts/lookup?role=evaluator');
  return r.items
    .filter((a) => a.role === 'evaluator' && a.active)
    .map((a) => ({ id: a.id, name: a.displayName }));
}

/** Everyone but the judges: progress, the decisions offered now, results, funds, content. */
function ProposalBody({ p, reload }: { p: ProposalDetail; reload: () => void }) {
  const { account } = useSession();
  const applicant = account?.role === 'applicant';
  const stage = p.roundStage ?? p.workflow?.roundStage;
  return (
    <>
      {applicant && p.status && (
        <Card title="办理进度">
          <p>
            本轮当前阶段：{stage ? STAGE_LABEL[stage] : '—'}。{NEXT_STEP[p.status] ?? ''}
          </p>
        </Card>
      )}
      <ProposalActions p={p} onDone={reload} />
      {p.evaluators && p.awardFen && (
        <EvaluatorSeats
          path={`/api/competition-proposals/${p.id}/evaluators`}
          seated={p.evaluators}
          candidates={evaluatorCandidates}
          onDone={reload}
        />
      )}
      <ProposalResults p={p} />
      <ProposalTranches p={p} />
      <ProposalContent p={p} />
      {!applicant && <ReviewProgress p={p} />}
    </>
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
      {judge ? <JudgeView id={id} p={p} onDone={reload} /> : <ProposalBody p={p} reload={reload} />}
    </div>
  );
}
