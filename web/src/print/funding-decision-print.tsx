import type { ProposalDetail } from '../competition/types';
import { api } from '../api';
import { Card, Loading, ProblemAlert } from '../components/ui';
import { yuan } from '../money';
import { useLoad } from '../use-load';
import { PrintSheet } from './print-sheet';

/** The funding decision of a competition proposal (资助决定书), once the funding list is final. */
export function FundingDecisionPrint({ id }: { id: string }) {
  const { data, error } = useLoad(
    () => api.get<ProposalDetail>(`/api/competition-proposals/${id}`),
    id,
  );
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  const d = data.decision;
  if (!d)
    return (
      <Card title="尚无资助决定">
        <p>本项目的资助名单尚未确定（公示期未满或尚有异议未处理），暂无可打印的资助决定书。</p>
      </Card>
    );
  const org = data.organization;
  return (
    <PrintSheet
      title="公益创投项目资助决定书"
      fileNo={d.decisionNo}
      date={d.decidedAt}
      back={`/competition-proposals/${id}`}
      verification={d.seal}
    >
      <p>{org?.name ?? ''}：</p>
      <p className="print-para">
        你单位申报的“{d.roundTitle}”项目“{data.title}”（服务领域：{d.categoryName}
        ），经资格审查、专家评审、路演答辩并经资助名单公示，本机关决定予以资助，资助金额为人民币
        {yuan(d.awardFen).replace('¥', '')}元。
      </p>
      {org?.creditCode && <p className="print-para">统一社会信用代码：{org.creditCode}</p>}
      <p className="print-para">
        请按约定签订项目资助协议，资助资金按项目实施进度和评估结果分期拨付，专款专用。
      </p>
    </PrintSheet>
  );
}
