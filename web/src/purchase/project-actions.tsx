import type { ReactNode } from 'react';
import { PROCUREMENT_METHODS } from '../../../domain/purchase/policy';
import { METHOD_GROUNDS, METHOD_LABEL } from '../../../domain/purchase/procurement-method';
import { api } from '../api';
import { ActionButton, type ActionField, yuanToFen } from '../components/action-dialog';
import { isOffered } from '../offers';
import type { Role } from '../types';
import { useLoad } from '../use-load';
import { ContractButton } from './contract-form';
import type { ProjectDetail, PurchaseView } from './types';

/** Each decision's route (api/routes/purchase-actions.ts) and the Update it sends. */
const UPDATE_OF: Record<string, string> = {
  plan: 'planProcurement',
  notice: 'publishNotice',
  responses: 'submitResponse',
  cancel: 'cancelProject',
  panel: 'appointPanel',
  declaration: 'declareConflict',
  scores: 'scoreResponses',
  award: 'award',
  challenges: 'challenge',
  'challenge-answers': 'answerChallenge',
  contract: 'signContract',
  deliverables: 'submitDeliverable',
  'deliverable-reviews': 'reviewDeliverable',
  'payment-requests': 'requestPayment',
  payments: 'releasePayment',
  'performance-evaluations': 'recordPerformanceEvaluation',
  amendments: 'amendContract',
  termination: 'terminateContract',
};

/** Offered by the workflow now (by the route's Update), for this object if it is about one. */
const offered = (v: ProjectDetail, path: string, about?: Record<string, unknown>) =>
  isOffered(v, UPDATE_OF[path] ?? path, about);

/** 12345 fen → "123.45", as the yuan field shows it. */
const fenToYuanText = (fen: number) =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Only what the purchaser changed goes to the API, with the reason. */
function amendmentBody(v: PurchaseView, x: Record<string, string>) {
  const c = v.contract;
  const amountFen = x.amount?.trim() ? yuanToFen(x.amount) : undefined;
  return {
    reason: x.reason,
    ...(x.startDate && x.startDate !== c?.startDate ? { startDate: x.startDate } : {}),
    ...(x.endDate && x.endDate !== c?.endDate ? { endDate: x.endDate } : {}),
    ...(amountFen !== undefined && amountFen !== c?.amountFen ? { amountFen } : {}),
    ...(x.scope?.trim() && x.scope.trim() !== (c?.clauses.serviceContent ?? '')
      ? { scope: x.scope.trim() }
      : {}),
  };
}

/**
 * The decisions offered to this person now: the forms follow the role and the project, and a
 * button is shown only when the workflow's own checks would accept it (allowedActions).
 */
export function ProjectActions({
  v,
  role,
  onDone,
}: {
  v: ProjectDetail;
  role: Role;
  /** The Update answers leave the trail out, so the page reads the project again. */
  onDone: () => void;
}) {
  const base = `/api/purchases/${v.projectId}`;
  const pickPanel = role === 'purchaser' && v.status === 'evaluating';
  const experts = useLoad(
    () =>
      pickPanel
        ? api.get<{ items: { id: string; name: string }[] }>('/api/purchase-experts')
        : Promise.resolve(null),
    `experts-${pickPanel}`,
  );
  const b = (
    key: string,
    label: string,
    path: string,
    fields: ActionField[] = [],
    body?: (x: Record<string, string>) => unknown,
    tone: 'primary' | 'danger' | undefined = 'primary',
    prompt?: string,
    about?: Record<string, unknown>,
  ) =>
    offered(v, path, about) && (
      <ActionButton<PurchaseView>
        key={key}
        label={label}
        path={`${base}/${path}`}
        fields={fields}
        body={body}
        tone={tone}
        prompt={prompt}
        onDone={onDone}
      />
    );
  const milestones: [string, string][] = v.milestones.map((m, i) => [
    m.id,
    `里程碑${i + 1}：${m.title}`,
  ]);
  const out: ReactNode[] = [];
  const s = v.status;
  if (role === 'purchaser') {
    if (s === 'need_defined' || s === 'failed')
      out.push(
        b(
          'plan',
          '确定采购方式',
          'plan',
          [
            {
              name: 'method',
              label: '采购方式',
              kind: 'select',
              options: PROCUREMENT_METHODS.map((m) => [m, METHOD_LABEL[m]]),
              initial: 'open_tender',
            },
            {
              name: 'ground',
              label: '适用情形（公开招标以外须选择）',
              kind: 'select',
              options: [['', '—'], ...Object.entries(METHOD_GROUNDS)],
            },
            { name: 'approvalRef', label: '财政部门批准文号（达到公开招标数额时）' },
          ],
          (x) => ({
            method: x.method,
            ...(x.ground ? { ground: x.ground } : {}),
            ...(x.approvalRef ? { approvalRef: x.approvalRef } : {}),
          }),
        ),
      );
    if (s === 'planned')
      out.push(
        b(
          'notice',
          '发布采购公告',
          'notice',
          [
            {
              name: 'closesAt',
              label: '响应截止时间',
              kind: 'datetime',
              required: true,
              hint: '公开招标、邀请招标自公告发布起不少于20日，竞争性磋商不少于10日，竞争性谈判不少于3个工作日。',
            },
            { name: 'requirements', label: '对承接主体的要求', kind: 'textarea', required: true },
            {
              name: 'bidBond',
              label: '投标（响应）保证金（元，可不收取）',
              kind: 'yuan',
              hint: '不得超过采购项目预算的2%；未成交的于成交通知后5个工作日内退还，成交的于签订合同后5个工作日内退还。',
            },
          ],
          (x) => ({
            closesAt: x.closesAt ? new Date(x.closesAt).toISOString() : '',
            requirements: x.requirements,
            ...(x.bidBond?.trim() ? { bidBondFen: yuanToFen(x.bidBond) } : {}),
          }),
        ),
      );
    if (s === 'evaluating') {
      out.push(
        b(
          'panel',
          '组建评审委员会',
          'panel',
          (experts.data?.items ?? []).map((x) => ({
            name: x.id,
            label: x.name,
            kind: 'checkbox' as const,
          })),
          (x) => ({ expertIds: Object.keys(x).filter((k) => x[k] === 'true') }),
          'primary',
          '勾选参加本项目评审的专家。',
        ),
        b('award', '确定成交承接主体', 'award', [
          { name: 'opinion', label: '确定意见', kind: 'textarea', required: true },
        ]),
      );
    }
    if (s === 'publicity')
      for (const c of v.challenges.filter((x) => !x.answer))
        out.push(
          b(
            `ch-${c.id}`,
            `答复质疑（${v.challenges.indexOf(c) + 1}）`,
            'challenge-answers',
            [
              { name: 'upheld', label: '质疑成立', kind: 'checkbox' },
              { name: 'reply', label: '答复', kind: 'textarea', required: true },
            ],
            (x) => ({ challengeId: c.id, upheld: x.upheld === 'true', reply: x.reply }),
            undefined,
            undefined,
            { challengeId: c.id },
          ),
        );
    if (s === 'awarded' && offered(v, 'contract'))
      out.push(<ContractButton key="contract" v={v} onDone={onDone} />);
    if (s === 'performing') {
      for (const m of v.milestones.filter((x) => x.status === 'submitted'))
        out.push(
          b(
            `rv-${m.id}`,
            `验收 ${m.title}`,
            'deliverable-reviews',
            [
              {
                name: 'accept',
                label: '验收结论',
                kind: 'radio',
                required: true,
                options: [
                  ['accept', '验收通过'],
                  ['return', '不通过，退回修改'],
                ],
              },
              { name: 'reason', label: '验收意见或退回理由', kind: 'textarea' },
            ],
            (x) => ({ milestoneId: m.id, accept: x.accept === 'accept', reason: x.reason }),
            undefined,
            undefined,
            { milestoneId: m.id },
          ),
        );
      const next = v.tranches.find((t) => t.status === 'pending');
      if (next)
        out.push(
          b(
            'pay',
            `申请支付第${next.no}期`,
            'payment-requests',
            [],
            () => ({ trancheNo: next.no }),
            undefined,
            `第${next.no}期 ${next.percent}%，由财务复核后支付。`,
            { trancheNo: next.no },
          ),
        );
      out.push(
        b(
          'amend',
          '合同变更',
          'amendments',
          [
            {
              name: 'startDate',
              label: '服务期限开始日期',
              kind: 'date',
              initial: v.contract?.startDate ?? '',
            },
            {
              name: 'endDate',
              label: '服务期限结束日期',
              kind: 'date',
              initial: v.contract?.endDate ?? '',
            },
            {
              name: 'amount',
              label: '合同金额（元）',
              kind: 'yuan',
              initial: v.contract ? fenToYuanText(v.contract.amountFen) : '',
              hint: '追加后不得超过原合同金额的110%，也不得低于已申请和已支付的款项。',
            },
            {
              name: 'scope',
              label: '服务内容',
              kind: 'textarea',
              initial: v.contract?.clauses.serviceContent ?? '',
            },
            { name: 'reason', label: '变更理由', kind: 'textarea', required: true },
          ],
          (x) => amendmentBody(v, x),
          undefined,
        ),
        b(
          'term',
          '解除合同',
          'termination',
          [
            {
              name: 'ground',
              label: '解除原因',
              kind: 'select',
              options: [
                ['breach', '违约'],
                ['subcontracting', '转包'],
                ['agreement', '协商一致'],
                ['other', '其他'],
              ],
              initial: 'breach',
            },
            { name: 'reason', label: '理由', kind: 'textarea', required: true },
          ],
          undefined,
          'danger',
        ),
      );
    }
    if (['need_defined', 'planned', 'tendering', 'failed', 'evaluating'].includes(s))
      out.push(
        b(
          'cancel',
          '撤销项目',
          'cancel',
          [{ name: 'reason', label: '撤销理由', kind: 'textarea', required: true }],
          undefined,
          'danger',
        ),
      );
  }
  if (role === 'applicant') {
    if (s === 'tendering' && v.responses.length === 0)
      out.push(
        b(
          'resp',
          '提交响应',
          'responses',
          [
            { name: 'price', label: '报价（元）', kind: 'yuan', required: true },
            { name: 'proposal', label: '服务方案', kind: 'textarea', required: true },
          ],
          (x) => ({ priceFen: yuanToFen(x.price), proposal: x.proposal }),
        ),
      );
    if (s === 'publicity')
      out.push(
        b(
          'chal',
          '提出质疑',
          'challenges',
          [{ name: 'reason', label: '质疑事项和理由', kind: 'textarea', required: true }],
          undefined,
          'danger',
        ),
      );
    if (s === 'performing')
      out.push(
        b('deliv', '提交里程碑成果', 'deliverables', [
          {
            name: 'milestoneId',
            label: '里程碑',
            kind: 'select',
            options: milestones,
            initial: v.milestones.find((m) => m.status !== 'accepted')?.id ?? '',
          },
          { name: 'summary', label: '成果说明', kind: 'textarea', required: true },
        ]),
      );
  }
  if (role === 'evaluator') {
    if (s === 'evaluating') {
      out.push(
        b(
          'decl-no',
          '声明无利益冲突',
          'declaration',
          [],
          () => ({ conflict: false, note: '' }),
          'primary',
          '本人与各响应单位不存在利益冲突。',
        ),
        b(
          'decl-yes',
          '声明存在利益冲突（回避）',
          'declaration',
          [{ name: 'note', label: '冲突情况', kind: 'textarea', required: true }],
          (x) => ({ conflict: true, note: x.note }),
          'danger',
        ),
        b(
          'scores',
          '提交评分',
          'scores',
          v.responses.map((r) => ({
            name: r.organizationId,
            label: `${r.name}（0–100）`,
            kind: 'number' as const,
            required: true,
          })),
          (x) => ({
            scores: v.responses.map((r) => ({
              organizationId: r.organizationId,
              score: Number(x[r.organizationId]),
            })),
          }),
        ),
      );
    }
    if (s === 'performing')
      out.push(
        b(
          'perf',
          '录入绩效评价',
          'performance-evaluations',
          [
            {
              name: 'stage',
              label: '阶段',
              kind: 'select',
              options: [
                ['interim', '中期'],
                ['final', '终期'],
              ],
              initial: 'interim',
            },
            { name: 'score', label: '得分（0–100）', kind: 'number', required: true },
            { name: 'passed', label: '评价合格', kind: 'checkbox', initial: 'true' },
            { name: 'report', label: '评价报告', kind: 'textarea', required: true },
          ],
          (x) => ({
            stage: x.stage,
            score: Number(x.score),
            passed: x.passed === 'true',
            report: x.report,
          }),
        ),
      );
  }
  if (role === 'finance' && s === 'performing')
    for (const t of v.tranches.filter((x) => x.status === 'requested'))
      out.push(
        b(
          `rel-${t.no}`,
          `复核支付第${t.no}期`,
          'payments',
          [{ name: 'voucherNo', label: '凭证号', required: true }],
          (x) => ({ trancheNo: t.no, voucherNo: x.voucherNo }),
          'primary',
          `支付第${t.no}期（须为申请人以外的工作人员）。`,
          { trancheNo: t.no },
        ),
      );
  const shown = out.filter(Boolean);
  return shown.length ? (
    <div className="action-buttons">{shown}</div>
  ) : (
    <p className="muted">当前没有需要您办理的事项。</p>
  );
}
