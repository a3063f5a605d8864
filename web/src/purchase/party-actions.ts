import { yuanToFen } from '../money';
import { type OfferSpec, offered } from './offered-actions';
import type { ProjectDetail } from './types';

/** The decisions of the undertakers, the evaluation experts and finance on a project. */

const REASON = { kind: 'textarea' as const, required: true };

/** 提交响应, 提出质疑, 提交里程碑成果 (the milestones the workflow takes a submission for). */
export function undertakerSpecs(v: ProjectDetail): OfferSpec[] {
  const open = v.milestones.filter((m) => offered(v, 'deliverables', { milestoneId: m.id }));
  return [
    {
      key: 'resp',
      label: '提交响应',
      path: 'responses',
      fields: [
        { name: 'price', label: '报价（元）', kind: 'yuan', required: true },
        { name: 'proposal', label: '服务方案', ...REASON },
      ],
      body: (x) => ({ priceFen: yuanToFen(x.price), proposal: x.proposal }),
    },
    {
      key: 'chal',
      label: '提出质疑',
      path: 'challenges',
      fields: [{ name: 'reason', label: '质疑事项和理由', ...REASON }],
      tone: 'danger',
    },
    ...(open.length
      ? [
          {
            key: 'deliv',
            label: '提交里程碑成果',
            path: 'deliverables',
            fields: [
              {
                name: 'milestoneId',
                label: '里程碑',
                kind: 'select' as const,
                options: open.map((m): [string, string] => [
                  m.id,
                  `里程碑${v.milestones.indexOf(m) + 1}：${m.title}`,
                ]),
                initial: open[0]?.id ?? '',
              },
              { name: 'summary', label: '成果说明', ...REASON },
            ],
          },
        ]
      : []),
  ];
}

/** 利益冲突声明, 提交评分, 录入绩效评价. */
export function expertSpecs(v: ProjectDetail): OfferSpec[] {
  return [
    {
      key: 'decl-no',
      label: '声明无利益冲突',
      path: 'declaration',
      body: () => ({ conflict: false, note: '' }),
      prompt: '本人与各响应单位不存在利益冲突。',
    },
    {
      key: 'decl-yes',
      label: '声明存在利益冲突（回避）',
      path: 'declaration',
      fields: [{ name: 'note', label: '冲突情况', ...REASON }],
      body: (x) => ({ conflict: true, note: x.note }),
      tone: 'danger',
    },
    {
      key: 'scores',
      label: '提交评分',
      path: 'scores',
      fields: v.responses.map((r) => ({
        name: r.organizationId,
        label: `${r.name}（0–100）`,
        kind: 'number' as const,
        required: true,
      })),
      body: (x) => ({
        scores: v.responses.map((r) => ({
          organizationId: r.organizationId,
          score: Number(x[r.organizationId]),
        })),
      }),
    },
    {
      key: 'perf',
      label: '录入绩效评价',
      path: 'performance-evaluations',
      fields: [
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
        { name: 'report', label: '评价报告', ...REASON },
      ],
      body: (x) => ({
        stage: x.stage,
        score: Number(x.score),
        passed: x.passed === 'true',
        report: x.report,
      }),
    },
  ];
}

/** 复核支付: each requested instalment, by someone other than who asked for it. */
export function financeSpecs(v: ProjectDetail): OfferSpec[] {
  return v.tranches.map((t) => ({
    key: `rel-${t.no}`,
    label: `复核支付第${t.no}期`,
    path: 'payments',
    fields: [{ name: 'voucherNo', label: '凭证号', required: true }],
    body: (x) => ({ trancheNo: t.no, voucherNo: x.voucherNo }),
    prompt: `支付第${t.no}期（须为申请人以外的工作人员）。`,
    about: { trancheNo: t.no },
  }));
}
