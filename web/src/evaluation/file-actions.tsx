import type { Account } from '../types';
import { VotePanel as NamedVotePanel } from '../components/vote-panel';
import { isOffered } from '../offers';
import { levelLabel } from './labels';
import { AdminActions, DisqualifyAction } from './office-actions';
import { RecusalAction, ReviewRequestAction } from './organization-requests';
import { SeatExpertsAction } from './panel-action';
import type { FileDetail, FileView } from './types';

/**
 * What each person may do on a file now: only the decisions the file's workflow would accept
 * from them (the API's allowedActions, from the same checks as its Update validators). The
 * workflow still has the last word, and a refusal is shown in the dialog.
 */
export function FileActions({
  file,
  account,
  onDone,
}: {
  file: FileDetail;
  account: Account;
  onDone: () => void;
}) {
  if (!file.view) return null;
  const applicant = account.role === 'applicant';
  const offered = (name: string) => isOffered(file, name);
  return (
    <>
      {applicant && offered('requestReview') && <ReviewRequestAction file={file} onDone={onDone} />}
      {applicant && offered('requestRecusal') && <RecusalAction file={file} onDone={onDone} />}
      {offered('vote') && <VotePanel file={file} body="committee" onDone={onDone} />}
      {offered('reviewVote') && <VotePanel file={file} body="review" onDone={onDone} />}
      {offered('seatExperts') && <SeatExpertsAction file={file} onDone={onDone} />}
      <AdminActions file={file} onDone={onDone} />
      {offered('disqualify') && <DisqualifyAction file={file} onDone={onDone} />}
    </>
  );
}

/** A committee member's named vote on a file: the committee's grade, or a review's request. */
function VotePanel({
  file,
  body,
  onDone,
}: {
  file: FileDetail;
  body: 'committee' | 'review';
  onDone: () => void;
}) {
  const v = file.view as FileView;
  const path = body === 'committee' ? 'vote' : 'review-vote';
  const subject =
    body === 'committee'
      ? `评估得分 ${v.score?.value ?? '—'} 分，拟评定 ${levelLabel(v.proposedLevel)}`
      : `组织${v.review?.kind === 'objection' ? '提出异议' : '申请复核'}，请求评定为 ${levelLabel(
          v.review?.requestedLevel ?? null,
        )}（现评定 ${levelLabel(v.decidedLevel)}）`;
  return (
    <NamedVotePanel
      title={body === 'committee' ? '评估委员会表决' : '复核委员会表决'}
      path={`/api/evaluation/files/${file.id}/${path}`}
      onDone={onDone}
    >
      <p>
        {subject}。
        {body === 'committee'
          ? '赞成即同意按评估得分评定等级。'
          : '赞成即认为异议或复核请求成立，按请求的等级评定。'}
        本表决为记名表决，提交后不能更改。
      </p>
      {v.review && body === 'review' && <p className="self-assessment">理由：{v.review.reason}</p>}
    </NamedVotePanel>
  );
}
