import { type FormEvent, useState } from 'react';
import type { DistrictFigures } from '../../../domain/evaluation/figures';
import { api } from '../api';
import { ExportLinks, usePagedList } from '../components/pager';
import {
  Badge,
  Card,
  Empty,
  Field,
  Loading,
  Notice,
  ProblemAlert,
  TextAreaField,
} from '../components/ui';
import { formatDateTime, percent } from '../format';
import { useFormState } from '../forms/use-form-state';
import { Link } from '../router';
import { useSession } from '../session';
import type { StoredFile } from '../types';
import { useLoad } from '../use-load';
import { CampaignNotice } from './campaign-stages';
import { EvidenceUpload } from './evidence-upload';
import { OrganizationGrades } from './grade-card';
import { FILE_STATUS, fileRef, levelLabel, PHASE } from './labels';
import { PROGRESS } from './progress';
import type { Campaign, FileSummary } from './types';

const isOpen = (c: Campaign, now: number) =>
  c.phase === 'application_window' &&
  now >= Date.parse(c.windowOpensAt) &&
  now < Date.parse(c.windowClosesAt);

/** Campaigns for organisations (apply inside the window) and the office (progress, figures). */
export function CampaignsPage() {
  const { account } = useSession();
  const applicant = account?.role === 'applicant';
  const admin = account?.role === 'administrator';
  const office = admin || account?.role === 'agency';
  const campaigns = usePagedList<Campaign>('/api/evaluation/campaigns', '', 10);
  // An organisation's own files: one a campaign, a campaign a year, so one page holds them all.
  const files = useLoad(
    () =>
      applicant
        ? api.get<{ items: FileSummary[] }>('/api/evaluation/files?pageSize=100')
        : Promise.resolve({ items: [] as FileSummary[] }),
    `evaluation-files-${applicant}`,
  );
  const now = Date.now();
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">等级评估</h1>
        {admin && (
          <Link className="btn btn-primary" to="/evaluation/campaigns/new">
            发布评估通知
          </Link>
        )}
      </div>
      {office && <Figures />}
      {office && (
        <div className="filters">
          <ExportLinks path="/api/evaluation/campaigns/export" filters="" />
        </div>
      )}
      <ProblemAlert error={campaigns.error} />
      {!campaigns.data ? (
        !campaigns.error && <Loading />
      ) : campaigns.data.items.length === 0 ? (
        <Card>
          <Empty>目前没有评估活动。</Empty>
        </Card>
      ) : (
        campaigns.data.items.map((c) => {
          const mine = files.data?.items.filter((f) => f.campaignId === c.id) ?? [];
          return (
            <Card
              key={c.id}
              title={office ? <Link to={`/evaluation/campaigns/${c.id}`}>{c.title}</Link> : c.title}
              actions={
                <Badge tone={isOpen(c, now) ? 'ok' : 'muted'}>{PHASE[c.phase] ?? c.phase}</Badge>
              }
            >
              <p className="muted">
                申报期 {formatDateTime(c.windowOpensAt)} 至 {formatDateTime(c.windowClosesAt)}
              </p>
              <CampaignNotice campaign={c} />
              {office && (
                <ul className="eval-progress" aria-label="评估进度">
                  {PROGRESS.map(([k, label]) => (
                    <li key={k}>
                      <span className="muted">{label}</span> <strong>{c.progress[k] ?? 0}</strong>{' '}
                      家
                    </li>
                  ))}
                </ul>
              )}
              {applicant &&
                (mine.length > 0 ? (
                  mine.map((f) => (
                    <p key={f.id} className="my-file">
                      本组织已申报（{fileRef(f)}）：
                      <Badge tone={FILE_STATUS[f.status]?.tone ?? 'muted'}>
                        {FILE_STATUS[f.status]?.label ?? f.status}
                      </Badge>
                      {f.decidedLevel !== null && <> 评定等级 {levelLabel(f.decidedLevel)}</>}{' '}
                      <Link className="btn btn-secondary btn-sm" to={`/evaluation/files/${f.id}`}>
                        查看评估进度
                      </Link>
                    </p>
                  ))
                ) : isOpen(c, now) ? (
                  <ApplyForm campaign={c} onDone={files.reload} />
                ) : (
                  <p className="muted">不在申报期内。</p>
                ))}
            </Card>
          );
        })
      )}
      {campaigns.pager}
      {applicant && account?.organizationId && (
        <>
          <h2 className="section-title">本组织评估等级</h2>
          <OrganizationGrades organizationId={account.organizationId} manage={false} />
        </>
      )}
    </div>
  );
}

/** The organisation learns first whether it may apply, with every reason; then it applies. */
function ApplyForm({ campaign, onDone }: { campaign: Campaign; onDone: () => void }) {
  const check = useLoad(
    () =>
      api.get<{ eligible: boolean; basis: string | null; reasons: string[] }>(
        `/api/evaluation/campaigns/${campaign.id}/eligibility`,
      ),
    `eligibility-${campaign.id}`,
  );
  if (check.error) return <ProblemAlert error={check.error} />;
  if (!check.data) return <Loading text="正在核对申报条件…" />;
  if (!check.data.eligible)
    return (
      <Notice tone="warn">
        <strong>本组织目前不符合本次评估的申报条件：</strong>
        <ul>
          {check.data.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </Notice>
    );
  return <ApplicationFields campaign={campaign} basis={check.data.basis} onDone={onDone} />;
}

function ApplicationFields({
  campaign,
  basis,
  onDone,
}: {
  campaign: Campaign;
  basis: string | null;
  onDone: () => void;
}) {
  const [selfScore, setSelfScore] = useState('');
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState<StoredFile[]>([]);
  const form = useFormState();
  const errors = form.errors;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const n = Number(selfScore);
    if (selfScore.trim() === '' || !Number.isInteger(n) || n < 0 || n > 1000)
      errs.selfScore = selfScore.trim()
        ? `「${selfScore}」不在 0 至 1000 之间，或不是整数`
        : '请填写自评得分';
    if (!text.trim()) errs.selfAssessment = '请填写自评报告';
    if (!form.check(errs)) return;
    const r = await form.submit(() =>
      api.post(`/api/evaluation/campaigns/${campaign.id}/applications`, {
        selfScore: n,
        selfAssessment: text.trim(),
        evidenceFileIds: evidence.map((f) => f.id),
      }),
    );
    if (r !== undefined) onDone();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Notice tone="ok">
        本组织符合申报条件{basis ? `（${basis}）` : ''}，请填写自评后申报参评。
      </Notice>
      <Field label="自评得分（满分 1000 分）" required error={errors.selfScore}>
        {(id, described) => (
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={0}
            max={1000}
            className="score-input"
            value={selfScore}
            aria-describedby={described}
            onChange={(e) => setSelfScore(e.target.value)}
          />
        )}
      </Field>
      <TextAreaField
        label="自评报告"
        required
        error={errors.selfAssessment}
        rows={6}
        maxLength={20000}
        value={text}
        onChange={setText}
      />
      <EvidenceUpload files={evidence} onChange={setEvidence} />
      <ProblemAlert error={form.problem} fieldsShown={Object.keys(errors)} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          申报参评
        </button>
      </div>
    </form>
  );
}

function Figures() {
  const { data, error } = useLoad(
    () => api.get<DistrictFigures>('/api/evaluation/figures'),
    'evaluation-figures',
  );
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  return (
    <Card title="本区评估统计">
      <dl className="summary">
        <div className="summary-row">
          <dt>持有有效等级</dt>
          <dd>
            {data.withValidGrade} / {data.dueForEvaluation} 家（
            {data.gradedShare === null ? '—' : percent(data.gradedShare)}，目标{' '}
            {percent(data.target)}）{' '}
            <Badge tone={data.meetsTarget ? 'ok' : 'warn'}>
              {data.meetsTarget ? '已达到目标' : '未达到目标'}
            </Badge>
          </dd>
        </div>
        <div className="summary-row">
          <dt>各等级</dt>
          <dd>
            {Object.entries(data.byLevel)
              .map(([k, v]) => `${k} ${v} 家`)
              .join('，')}
          </dd>
        </div>
        <div className="summary-row">
          <dt>12个月内到期</dt>
          <dd>{data.expiringWithin12Months} 家</dd>
        </div>
      </dl>
    </Card>
  );
}
