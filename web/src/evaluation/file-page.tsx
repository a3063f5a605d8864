import { useEffect } from 'react';
import { api } from '../api';
import { TemporalLink } from '../components/temporal-link';
import { Badge, Card, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { EvidenceLinks } from './evidence-links';
import { FileActions } from './file-actions';
import { CommitteeCard, ScoresCard, Timeline } from './file-record';
import {
  AWARDING,
  DISQUALIFICATION_GROUND,
  FILE_STATUS,
  fileRef,
  levelLabel,
  NEXT_STEP,
  REVIEW_KIND,
  STAGES,
  seatLabel,
  stageOf,
} from './labels';
import type { Campaign, FileDetail, FileView } from './types';

function Progress({ status }: { status: FileView['status'] }) {
  const at = stageOf(status);
  const finished =
    status === 'confirmed' ||
    status === 'not_graded' ||
    status === 'ineligible' ||
    status === 'disqualified';
  return (
    <ol className="progress" aria-label="评估进度">
      {STAGES.map((s, i) => (
        <li
          key={s}
          className={i < at || (finished && i === at) ? 'done' : i === at ? 'current' : undefined}
        >
          <span className="dot" aria-hidden="true" />
          <span>{s}</span>
        </li>
      ))}
    </ol>
  );
}

/** The deadline that runs now, if any. */
function deadlineOf(v: FileView | null, c: Campaign | null): [string, string] | null {
  if (!v) return c ? ['申报截止', c.windowClosesAt] : null;
  if (v.status === 'publicised' && v.publicityEndsAt) return ['公示期至', v.publicityEndsAt];
  if (v.review?.answerDueAt && v.status === 'publicised')
    return ['书面答复期限', v.review.answerDueAt];
  return null;
}

/**
 * One evaluation file for the organisation, the office and the committees: where it stands and
 * what waits, the decision and certificate, the sheets' aggregate, the votes and the trail, and
 * the actions this person may take now.
 */
export function FilePage({ id }: { id: string }) {
  const { account } = useSession();
  const { data, error, reload } = useLoad(
    () => api.get<FileDetail>(`/api/evaluation/files/${id}`),
    `evaluation-file-${id}`,
  );
  const campaignId = data?.campaignId;
  const campaign = useLoad(
    () =>
      campaignId
        ? api.get<Campaign>(`/api/evaluation/campaigns/${campaignId}`)
        : Promise.resolve(null),
    `evaluation-campaign-${campaignId ?? ''}`,
  );
  // Until the workflow has taken the file up (eligibility, experts), ask again shortly.
  const starting = data !== null && data.view === null && campaign.data?.phase === 'assessment';
  useEffect(() => {
    if (!starting) return;
    const t = setTimeout(reload, 1500);
    return () => clearTimeout(t);
  });
  if (error) return <ProblemAlert error={error} />;
  if (!data || !account) return <Loading />;
  const v = data.view;
  const c = campaign.data;
  const role = account.role;
  const applicant = role === 'applicant';
  const admin = role === 'administrator';
  const insider = admin || role === 'agency' || role === 'committee_member';
  const status = FILE_STATUS[v?.status ?? data.status];
  const deadline = deadlineOf(v, c);
  const decided = v && (v.decidedLevel !== null || v.status === 'not_graded');

  return (
    <div className="file-page">
      <div className="file-head">
        <div>
          <p className="crumb">
            <Link to="/evaluation">{role === 'committee_member' ? '评估表决' : '等级评估'}</Link>
            {!applicant && c && (
              <>
                {' '}
                › <Link to={`/evaluation/campaigns/${c.id}`}>{c.title}</Link>
              </>
            )}{' '}
            › 评估事项
          </p>
          <h1 className="page-title">{data.organizationName ?? '评估事项'}</h1>
          <p className="muted">
            事项编号 {fileRef(data)}
            {c && ` · ${c.title}`} · 申报于 {formatDateTime(data.appliedAt)}
          </p>
        </div>
        <div className="file-status">
          <Badge tone={status?.tone ?? 'muted'}>{status?.label ?? data.status}</Badge>
          {deadline && (
            <span className="head-deadline">
              {deadline[0]}：<strong>{formatDateTime(deadline[1])}</strong>
            </span>
          )}
          {insider && data.temporalUrl && <TemporalLink href={data.temporalUrl} />}
        </div>
      </div>

      {/* A disqualified file left the steps wherever it was: the notice says so instead. */}
      {v?.status !== 'disqualified' && <Progress status={v?.status ?? data.status} />}
      <Notice tone={v?.status === 'ineligible' || v?.status === 'disqualified' ? 'warn' : 'info'}>
        当前步骤：{NEXT_STEP[v?.status ?? data.status] ?? status?.label}
      </Notice>

      <div className="file-grid">
        <div className="file-main">
          {v?.eligibility && !v.eligibility.eligible && (
            <Card title="不予受理的理由" className="card-bad">
              <ul>
                {v.eligibility.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Card>
          )}
          {v?.disqualification && (
            <Card title="已取消本次评估资格" className="card-bad">
              <dl className="summary">
                <div className="summary-row">
                  <dt>事由</dt>
                  <dd>{DISQUALIFICATION_GROUND[v.disqualification.ground]}</dd>
                </div>
                <div className="summary-row">
                  <dt>事实和理由</dt>
                  <dd className="self-assessment">{v.disqualification.reason}</dd>
                </div>
                <div className="summary-row">
                  <dt>决定</dt>
                  <dd>
                    {v.disqualification.by} · {formatDateTime(v.disqualification.at)}
                  </dd>
                </div>
                {v.disqualification.cancelledScore !== null && (
                  <div className="summary-row">
                    <dt>初评得分</dt>
                    <dd>
                      <s>{v.disqualification.cancelledScore} 分</s> 已作废，不再计入
                    </dd>
                  </div>
                )}
              </dl>
            </Card>
          )}
          {decided && v && !v.disqualification && (
            <Card
              title="评定结果"
              className={
                v.status === 'not_graded' ? 'card-bad' : v.status === 'confirmed' ? 'card-ok' : ''
              }
            >
              <p className="decision-outcome">
                {v.status === 'not_graded'
                  ? '未达到等级标准'
                  : v.status === 'confirmed'
                    ? `评估等级 ${levelLabel(v.decidedLevel)}`
                    : `拟评定等级 ${levelLabel(v.decidedLevel)}`}
              </p>
              {(v.status === 'confirmed' || v.status === 'not_graded') && role !== 'evaluator' && (
                <p>
                  <Link to={`/evaluation/files/${id}/decision/print`}>打印评定决定</Link>
                </p>
              )}
              <dl className="summary">
                {v.awardingLevel && (
                  <div className="summary-row">
                    <dt>评定机关</dt>
                    <dd>{AWARDING[v.awardingLevel]}</dd>
                  </div>
                )}
                {v.committee.decidedAt && (
                  <div className="summary-row">
                    <dt>委员会决定</dt>
                    <dd>{formatDateTime(v.committee.decidedAt)}</dd>
                  </div>
                )}
                {v.publicityEndsAt && (
                  <div className="summary-row">
                    <dt>公示期至</dt>
                    <dd>{formatDateTime(v.publicityEndsAt)}</dd>
                  </div>
                )}
              </dl>
              {v.certificateFileId && (
                <a className="btn btn-primary" href={`/api/files/${v.certificateFileId}`} download>
                  下载评估等级证书（PDF）
                </a>
              )}
              {v.status === 'confirmed' && !v.certificateFileId && (
                <p className="muted">3A 以下等级不颁发证书和牌匾。</p>
              )}
            </Card>
          )}
          {v?.review && (
            <Card title={`${REVIEW_KIND[v.review.kind]}（${formatDate(v.review.requestedAt)}）`}>
              <dl className="summary">
                <div className="summary-row">
                  <dt>请求等级</dt>
                  <dd>{levelLabel(v.review.requestedLevel)}</dd>
                </div>
                <div className="summary-row">
                  <dt>理由</dt>
                  <dd className="self-assessment">{v.review.reason}</dd>
                </div>
                <div className="summary-row">
                  <dt>复核结论</dt>
                  <dd>
                    {v.review.upheld === null
                      ? '复核委员会审议中'
                      : v.review.upheld && v.decidedLevel === null
                        ? `请求成立；${levelLabel(v.proposedLevel)}超出本区评定权限，已推荐上级民政部门评定`
                        : v.review.upheld
                          ? `异议成立，评定为 ${levelLabel(v.decidedLevel)}`
                          : '维持原评定'}
                  </dd>
                </div>
                {v.review.answerDueAt && (
                  <div className="summary-row">
                    <dt>书面答复期限</dt>
                    <dd>{formatDate(v.review.answerDueAt)}</dd>
                  </div>
                )}
              </dl>
            </Card>
          )}
          <FileActions file={data} account={account} onDone={reload} />
          {v && (applicant ? v.score !== null : true) && (
            <ScoresCard file={data} showSheets={insider} />
          )}
          {insider && v && v.status !== 'assigned' && v.status !== 'applied' && (
            <CommitteeCard file={data} members={c?.committeeSize ?? null} />
          )}
          <Timeline trail={data.trail} />
        </div>
        <aside className="file-side">
          {data.materials && (
            <Card title="申报材料">
              <dl className="summary">
                <div className="summary-row">
                  <dt>自评得分</dt>
                  <dd>{data.materials.selfScore} 分</dd>
                </div>
                <div className="summary-row">
                  <dt>证明材料</dt>
                  <dd>
                    <EvidenceLinks ids={data.materials.evidenceFileIds} />
                  </dd>
                </div>
              </dl>
              <h3 className="side-title">自评报告</h3>
              <p className="self-assessment">{data.materials.selfAssessment}</p>
            </Card>
          )}
          {v && v.evaluators.length > 0 && (
            <Card title="评估专家">
              <ul className="seat-list">
                {v.evaluators.map((e) => (
                  <li key={e.id}>
                    <span>{e.name}</span>
                    <span className="muted">{seatLabel(e)}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
