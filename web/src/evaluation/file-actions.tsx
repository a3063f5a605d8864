import { type FormEvent, useRef, useState } from 'react';
import { ZRecusalRequest, ZReviewRequest } from '../../../domain/evaluation/requests';
import { api, decisionKeys } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Card, Field, ProblemAlert, TextAreaField } from '../components/ui';
import { VotePanel as NamedVotePanel } from '../components/vote-panel';
import { formatDateTime } from '../format';
import { useFormState } from '../forms/use-form-state';
import { useLoad } from '../use-load';
import { complaintRef } from './complaint-text';
import { formErrors } from './form-errors';
import { DISQUALIFICATION_GROUND, DISQUALIFICATION_GROUNDS, levelLabel } from './labels';
import type { ComplaintSummary, FileDetail, FileView } from './types';

/**
 * What each person may do on a file now. The pages offer an action only where the workflow
 * would take it; the workflow still has the last word, and its refusal is shown beside it.
 */

const LEVELS = [5, 4, 3, 2, 1];

/** The organisation, during publicity: one objection or re-review request, with its reason. */
export function ReviewRequestForm({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const v = file.view as FileView;
  const [kind, setKind] = useState<'objection' | 'review' | ''>('');
  const [level, setLevel] = useState(String(v.decidedLevel ?? ''));
  const [reason, setReason] = useState('');
  const form = useFormState();
  const { busy, problem, errors } = form;
  const keys = useRef(decisionKeys());

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { kind, reason, requestedLevel: Number(level) };
    if (!form.check(formErrors(ZReviewRequest.safeParse(body)))) return;
    const sent = await form.submit(async () => {
      await api.post(`/api/evaluation/files/${file.id}/review-request`, body, keys.current(body));
      return true;
    });
    if (sent) onDone();
  }

  return (
    <Card title="提出异议或申请复核">
      <p>
        公示期至 <strong>{formatDateTime(v.publicityEndsAt)}</strong>
        。对拟评定的等级有不同意见的，可在公示期内提出异议或申请复核，由复核委员会审议，并在 15
        日内书面答复。公示期内只能提出一次。
      </p>
      <form onSubmit={submit} noValidate>
        <fieldset className={`declaration ${errors.kind ? 'field-invalid' : ''}`}>
          <legend>类别</legend>
          <label className="check">
            <input
              type="radio"
              name="review-kind"
              checked={kind === 'objection'}
              onChange={() => setKind('objection')}
            />{' '}
            提出异议（认为评估过程或结果有误）
          </label>
          <label className="check">
            <input
              type="radio"
              name="review-kind"
              checked={kind === 'review'}
              onChange={() => setKind('review')}
            />{' '}
            申请复核（请求重新审议评估等级）
          </label>
          {errors.kind && <small className="error">{errors.kind}</small>}
        </fieldset>
        <Field label="请求评定的等级" required error={errors.requestedLevel}>
          {(id, d) => (
            <select
              id={id}
              value={level}
              aria-describedby={d}
              onChange={(e) => setLevel(e.target.value)}
            >
              <option value="">请选择</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextAreaField
          label="理由"
          required
          error={errors.reason}
          hint="请写明事实和依据，可列明评分有误的指标。"
          rows={4}
          maxLength={2000}
          value={reason}
          onChange={setReason}
        />
        <ProblemAlert error={problem} fieldsShown />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '正在提交…' : '提交'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** The organisation, while experts score: ask that an assigned expert step aside, with a reason. */
export function RecusalForm({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const v = file.view as FileView;
  const open = v.evaluators.filter(
    (e) => (e.status === 'assigned' || e.status === 'cleared') && e.total === null,
  );
  const [evaluatorId, setEvaluatorId] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormState();
  const { busy, problem, errors } = form;
  const keys = useRef(decisionKeys());
  const [shown, setShown] = useState(false);
  if (open.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { evaluatorId, reason };
    if (!form.check(formErrors(ZRecusalRequest.safeParse(body)))) return;
    const sent = await form.submit(async () => {
      await api.post(`/api/evaluation/files/${file.id}/recusal-request`, body, keys.current(body));
      return true;
    });
    if (!sent) return;
    setShown(false);
    onDone();
  }

  return (
    <Card title="申请评估专家回避">
      <p className="muted">
        评估专家与本组织有利害关系（如曾在本组织任职、担任顾问，或与负责人有近亲属关系）的，
        可在该专家提交评分表之前申请其回避，由评估机构改派其他专家。
      </p>
      {!shown ? (
        <button type="button" className="btn btn-secondary" onClick={() => setShown(true)}>
          申请专家回避
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field label="申请回避的专家" required error={errors.evaluatorId}>
            {(id, d) => (
              <select
                id={id}
                value={evaluatorId}
                aria-describedby={d}
                onChange={(e) => setEvaluatorId(e.target.value)}
              >
                <option value="">请选择</option>
                {open.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextAreaField
            label="回避理由"
            required
            error={errors.reason}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={setReason}
          />
          <ProblemAlert error={problem} fieldsShown />
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setShown(false)}>
              取消
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? '正在提交…' : '提交回避申请'}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** A committee member's named vote on a file: the committee's grade, or a review's request. */
export function VotePanel({
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

/** The administrator: count a committee's votes, record an upward result, close a review. */
export function AdminActions({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const v = file.view as FileView;
  const base = `/api/evaluation/files/${file.id}`;
  if (v.status === 'scored')
    return (
      <Card title="评估委员会计票">
        <p className="muted">
          已有 {v.committee.votes} 名委员投票。计票时出席（已投票）委员须达到全体的三分之二，
          赞成票须超过全体委员的半数；否则另行表决。
        </p>
        <ActionButton
          label="计票"
          title="评估委员会计票"
          tone="primary"
          path={`${base}/close-vote`}
          prompt={`第 ${v.committee.round} 轮表决已有 ${v.committee.votes} 票。确定现在计票吗？`}
          onDone={onDone}
        />
      </Card>
    );
  if (v.status === 'recommended_upward')
    return (
      <Card title="登记上级评定结果">
        <p className="muted">
          评估得分对应 {levelLabel(v.proposedLevel)}，超出本区评定权限，已推荐上级民政部门评定。
          收到评定结果后在此登记，随后进入公示。
        </p>
        <ActionButton
          label="登记评定结果"
          title="登记上级评定结果"
          tone="primary"
          path={`${base}/upward-result`}
          fields={[
            {
              name: 'awardingLevel',
              label: '评定机关',
              kind: 'select',
              options: [
                ['city', '市民政局'],
                ['province', '省民政厅'],
              ],
              initial: 'city',
              required: true,
            },
            {
              name: 'level',
              label: '评定等级',
              kind: 'select',
              options: LEVELS.map((l) => [String(l), levelLabel(l)]),
              initial: String(v.proposedLevel ?? 4),
              required: true,
            },
          ]}
          body={(x) => ({ awardingLevel: x.awardingLevel, level: Number(x.level) })}
          onDone={onDone}
        />
      </Card>
    );
  if (v.status === 'review_requested')
    return (
      <Card title="复核委员会计票">
        <p className="muted">
          复核委员会出席委员达到三分之二时作出复核结论：赞成票超过全体委员半数的，异议成立。
        </p>
        <ActionButton
          label="复核计票"
          title="复核委员会计票"
          tone="primary"
          path={`${base}/close-review`}
          prompt="确定现在对复核表决计票吗？"
          onDone={onDone}
        />
      </Card>
    );
  return null;
}

/**
 * The evaluation office (§4.2): take the file out of this evaluation before its grade is
 * confirmed, on a ground from the closed list with the facts; an upheld complaint about this
 * file is named when that is the ground. The workflow's refusal shows in the dialog.
 */
export function DisqualifyAction({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const upheld = useLoad(
    () =>
      api.get<{ items: ComplaintSummary[] }>(
        `/api/evaluation/complaints?status=upheld&fileId=${file.id}&pageSize=100`,
      ),
    `evaluation-upheld-complaints-${file.id}`,
  );
  const about = (upheld.data?.items ?? []).filter((c) => c.fileId === file.id);
  return (
    <Card title="取消评估资格">
      <p className="muted">
        组织严重违背宗旨、开展活动造成不良社会影响、在评估中弄虚作假，或举报经复核委员会裁定成立的，
        评估办公室可在确认等级前取消其本次评估资格，初评得分作废；已公示的结果以公告撤回，并书面告知该组织。
      </p>
      <ActionButton
        label="取消评估资格"
        title="取消评估资格"
        tone="danger"
        path={`/api/evaluation/files/${file.id}/disqualify`}
        fields={[
          {
            name: 'ground',
            label: '事由',
            kind: 'select',
            required: true,
            initial: '',
            options: [
              ['', '请选择'],
              ...DISQUALIFICATION_GROUNDS.map((g): [string, string] => [
                g,
                DISQUALIFICATION_GROUND[g],
              ]),
            ],
          },
          ...(about.length > 0
            ? [
                {
                  name: 'complaintId',
                  label: '成立的举报（以举报成立为事由时）',
                  kind: 'select' as const,
                  initial: '',
                  options: [
                    ['', '不涉及'] as [string, string],
                    ...about.map((c): [string, string] => [c.id, complaintRef(c.id)]),
                  ],
                },
              ]
            : []),
          {
            name: 'reason',
            label: '具体事实和理由',
            kind: 'textarea',
            required: true,
            hint: '将写入办理记录并书面告知该组织。',
          },
        ]}
        body={(x) => ({
          ...(x.ground ? { ground: x.ground } : {}),
          reason: x.reason ?? '',
          ...(x.complaintId ? { complaintId: x.complaintId } : {}),
        })}
        onDone={onDone}
      />
    </Card>
  );
}
