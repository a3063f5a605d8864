import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Card, ProblemAlert } from '../components/ui';
import { useLoad } from '../use-load';
import type { ExpertCandidate, FileDetail, FileView } from './types';

/**
 * The evaluation office, while a file's panel lacks experts after conflicts (experts.perFile):
 * scoring waits; the office seats a replacement from the district's pool. Experts with a
 * conflict the system sees are listed with it and cannot be chosen.
 */
export function SeatExpertsAction({ file, onDone }: { file: FileDetail; onDone: () => void }) {
  const v = file.view as FileView;
  const candidates = useLoad(
    () =>
      api.get<{ panelShortBy: number; required: number; items: ExpertCandidate[] }>(
        `/api/evaluation/files/${file.id}/expert-candidates`,
      ),
    `evaluation-expert-candidates-${file.id}-${v.evaluators.length}`,
  );
  const items = candidates.data?.items ?? [];
  const free = items.filter((c) => c.conflict === null);
  const blocked = items.filter((c) => c.conflict !== null);
  return (
    <Card title="增补评估专家">
      <p>
        无利益冲突的评估专家不足：每个评估事项应有 {candidates.data?.required ?? '—'} 名， 还缺{' '}
        <strong>{v.panelShortBy}</strong> 名。专家组齐全前不开始评分。
      </p>
      <ProblemAlert error={candidates.error} />
      {blocked.length > 0 && (
        <ul className="seat-list" aria-label="需回避的专家">
          {blocked.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>
              <span className="muted">需回避：{c.conflict}</span>
            </li>
          ))}
        </ul>
      )}
      {free.length === 0 ? (
        <p className="muted">
          本区专家库中已没有可增补的专家，请先将新的评估专家加入评估机构的专家库。
        </p>
      ) : (
        <ActionButton<FileView>
          label="从专家库增补"
          title="增补评估专家"
          tone="primary"
          path={`/api/evaluation/files/${file.id}/seat-experts`}
          fields={[
            {
              name: 'evaluatorId',
              label: '评估专家',
              kind: 'select',
              required: true,
              initial: free[0]?.id ?? '',
              options: free.map((c): [string, string] => [
                c.id,
                `${c.name}（${c.agencyName}，在评 ${c.load} 件）`,
              ]),
              hint: '增补的专家同样须先声明有无回避情形，才能查阅材料和评分。',
            },
          ]}
          body={(x) => ({ evaluatorIds: [x.evaluatorId] })}
          onDone={() => {
            candidates.reload();
            onDone();
          }}
        />
      )}
    </Card>
  );
}
