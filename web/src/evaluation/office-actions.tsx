import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Card } from '../components/ui';
import { isOffered } from '../offers';
import { useLoad } from '../use-load';
import { complaintRef } from './complaint-text';
import { DISQUALIFICATION_GROUND, DISQUALIFICATION_GROUNDS, levelLabel } from './labels';
import type { ComplaintSummary, FileDetail, FileView } from './types';

/** The evaluation office's decisions on a file, each shown only while the workflow takes it. */

const LEVELS = [5, 4, 3, 2, 1];

/** The administrator: count a committee's votes, record an upward result, close a review. */
export function AdminActions({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const v = file.view as FileView;
  const base = `/api/evaluation/files/${file.id}`;
  if (isOffered(file, 'closeVote'))
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
  if (isOffered(file, 'recordUpwardResult'))
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
  if (isOffered(file, 'closeReview'))
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
