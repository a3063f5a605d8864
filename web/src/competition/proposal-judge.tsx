import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Card, Loading, Notice } from '../components/ui';
import { useLoad } from '../use-load';
import { ProposalContent } from './proposal-cards';
import { ScoreSheet } from './score-sheet';
import type { Phase, ProposalDetail, ProposalRow, RoundDetail } from './types';

/** The phase a judge opened the proposal for (the round page's link says which). */
export function phaseOf(): Phase {
  return new URLSearchParams(window.location.search).get('phase') === 'roadshow'
    ? 'roadshow'
    : 'first';
}

/** A judge declares before opening: no conflict opens the proposal, a conflict hands it on. */
export function JudgeDeclaration({
  id,
  phase,
  onDone,
}: {
  id: string;
  phase: Phase;
  onDone: () => void;
}) {
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

/** A judge's proposal: its content, and the declaration or the score sheet of this phase. */
export function JudgeView({
  id,
  p,
  onDone,
}: {
  id: string;
  p: ProposalDetail;
  onDone: () => void;
}) {
  const phase = phaseOf();
  const round = useLoad(
    () => api.get<RoundDetail>(`/api/competitions/${p.roundId}`),
    `round-${p.roundId}`,
  );
  const mine = useLoad(
    () =>
      api.get<{ items: ProposalRow[] }>(
        `/api/competitions/${p.roundId}/proposals?proposalId=${id}&pageSize=10`,
      ),
    `mine-${p.roundId}-${id}`,
  );
  const a = mine.data?.items.find((x) => x.id === id && x.phase === phase);
  const done = () => {
    mine.reload();
    onDone();
  };
  return (
    <>
      <ProposalContent p={p} />
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
