import { ZRecusalRequest, ZReviewRequest } from '../../../domain/evaluation/requests';
import { ActionButton } from '../components/action-dialog';
import { Card } from '../components/ui';
import { formatDateTime } from '../format';
import { isOffered } from '../offers';
import { formErrors } from './form-errors';
import { levelLabel } from './labels';
import type { FileDetail, FileView } from './types';

/** What the evaluated organisation may ask of its file: an expert's recusal, a review. */

const LEVELS = [5, 4, 3, 2, 1];

/** The organisation, during publicity: one objection or re-review request, with its reason. */
export function ReviewRequestAction({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const v = file.view as FileView;
  return (
    <Card title="提出异议或申请复核">
      <p>
        公示期至 <strong>{formatDateTime(v.publicityEndsAt)}</strong>
        。对拟评定的等级有不同意见的，可在公示期内提出异议或申请复核，由复核委员会审议，并在 15
        日内书面答复。公示期内只能提出一次。
      </p>
      <ActionButton
        label="提出异议或申请复核"
        tone="primary"
        confirmLabel="提交"
        path={`/api/evaluation/files/${file.id}/review-request`}
        fields={[
          {
            name: 'kind',
            label: '类别',
            kind: 'radio',
            required: true,
            options: [
              ['objection', '提出异议（认为评估过程或结果有误）'],
              ['review', '申请复核（请求重新审议评估等级）'],
            ],
          },
          {
            name: 'requestedLevel',
            label: '请求评定的等级',
            kind: 'select',
            required: true,
            initial: String(v.decidedLevel ?? ''),
            options: [
              ['', '请选择'],
              ...LEVELS.map((l): [string, string] => [String(l), levelLabel(l)]),
            ],
          },
          {
            name: 'reason',
            label: '理由',
            kind: 'textarea',
            required: true,
            hint: '请写明事实和依据，可列明评分有误的指标。',
          },
        ]}
        body={(x) => ({ kind: x.kind, reason: x.reason, requestedLevel: Number(x.requestedLevel) })}
        check={(sent) => formErrors(ZReviewRequest.safeParse(sent))}
        onDone={onDone}
      />
    </Card>
  );
}

/**
 * The organisation, while experts score: ask that an assigned expert step aside, with a reason.
 * The experts offered are those the workflow would let it ask about now (not yet scored).
 */
export function RecusalAction({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const v = file.view as FileView;
  const open = v.evaluators.filter((e) => isOffered(file, 'requestRecusal', { evaluatorId: e.id }));
  if (open.length === 0) return null;
  return (
    <Card title="申请评估专家回避">
      <p className="muted">
        评估专家与本组织有利害关系（如曾在本组织任职、担任顾问，或与负责人有近亲属关系）的，
        可在该专家提交评分表之前申请其回避，由评估机构改派其他专家。
      </p>
      <ActionButton
        label="申请专家回避"
        title="申请评估专家回避"
        confirmLabel="提交回避申请"
        path={`/api/evaluation/files/${file.id}/recusal-request`}
        fields={[
          {
            name: 'evaluatorId',
            label: '申请回避的专家',
            kind: 'select',
            required: true,
            options: [['', '请选择'], ...open.map((x): [string, string] => [x.id, x.name])],
          },
          { name: 'reason', label: '回避理由', kind: 'textarea', required: true },
        ]}
        check={(sent) => formErrors(ZRecusalRequest.safeParse(sent))}
        onDone={onDone}
      />
    </Card>
  );
}
