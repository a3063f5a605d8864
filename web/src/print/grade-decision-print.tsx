import { api } from '../api';
import { Card, Loading, ProblemAlert } from '../components/ui';
import { AWARDING, levelLabel } from '../evaluation/labels';
import type { FileDetail } from '../evaluation/types';
import { useLoad } from '../use-load';
import { PrintSheet } from './print-sheet';

/** The grade decision of one evaluation file, once it is final (confirmed or not graded). */
export function GradeDecisionPrint({ id }: { id: string }) {
  const { data, error } = useLoad(() => api.get<FileDetail>(`/api/evaluation/files/${id}`), id);
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  const v = data.view;
  const final = v && (v.status === 'confirmed' || v.status === 'not_graded');
  if (!v || !final)
    return (
      <Card title="尚无评定结果">
        <p>本评估事项尚未确定等级，暂无可打印的评定决定。</p>
      </Card>
    );
  const decidedAt =
    [...data.trail].reverse().find((t) => t.to === v.status)?.at ??
    v.committee.decidedAt ??
    data.appliedAt;
  const graded = v.status === 'confirmed';
  return (
    <PrintSheet
      title={graded ? '社会组织评估等级评定决定' : '社会组织评估结果通知'}
      fileNo={`评估档案号 ${data.fileNo ?? data.id}`}
      date={decidedAt}
      back={`/evaluation/files/${id}`}
      verification={data.decisionSeal}
    >
      <p>{data.organizationName ?? ''}：</p>
      <p className="print-para">
        你单位申请参加社会组织等级评估（评估档案号 {data.fileNo ?? data.id}
        ），经评估机构评估、评估委员会审核并公示，
        {graded
          ? `评定为 ${levelLabel(v.decidedLevel)} 级社会组织。`
          : '未达到评估等级标准，不予评定等级。'}
      </p>
      {data.finalScore !== null && <p className="print-para">评估得分：{data.finalScore} 分。</p>}
      {graded && v.awardingLevel && (
        <p className="print-para">评定机关：{AWARDING[v.awardingLevel]}。</p>
      )}
      {v.levelNote && <p className="print-para">说明：{v.levelNote}</p>}
    </PrintSheet>
  );
}
