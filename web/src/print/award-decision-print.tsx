import { AWARD_NOTICE_TITLE } from '../../../domain/purchase/award-notice';
import { api } from '../api';
import { Card, Loading, ProblemAlert } from '../components/ui';
import { yuan } from '../money';
import type { ProjectDetail } from '../purchase/types';
import { useLoad } from '../use-load';
import { PrintSheet, printDate } from './print-sheet';

/** The award of a purchase project (成交结果), once the purchaser has decided it. */
export function AwardDecisionPrint({ id }: { id: string }) {
  const { data, error } = useLoad(() => api.get<ProjectDetail>(`/api/purchases/${id}`), id);
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  const award = data.award;
  if (!award)
    return (
      <Card title="尚未确定承接主体">
        <p>本项目尚未确定承接主体，暂无可打印的成交结果。</p>
      </Card>
    );
  return (
    <PrintSheet
      title={AWARD_NOTICE_TITLE}
      fileNo={`项目编号 ${data.projectNo}`}
      date={award.noticeAt ?? award.decidedAt}
      back={`/purchases/${id}`}
      verification={data.awardSeal}
    >
      <p>{award.name}：</p>
      <p className="print-para">
        {data.department}实施的政府购买服务项目“{data.title}”（项目编号 {data.projectNo}
        {data.procurement ? `，采购方式：${data.procurement.methodLabel}` : ''}
        ），经评审并依法确定，你单位为该项目的承接主体，成交金额为人民币
        {yuan(award.amountFen).replace('¥', '')}元。
      </p>
      <p className="print-para">统一社会信用代码：{award.creditCode}</p>
      {award.signBy && (
        <p className="print-para">
          请于{printDate(award.signBy)}
          前与采购人签订政府购买服务合同。
        </p>
      )}
    </PrintSheet>
  );
}
