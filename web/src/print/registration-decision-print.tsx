import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { REFUSAL_GROUND_LABEL } from '../../../domain/registration/grounds';
import { api } from '../api';
import { Card, Loading, ProblemAlert } from '../components/ui';
import type { RegistrationDetail } from '../types';
import { useLoad } from '../use-load';
import { PrintSheet, printDate } from './print-sheet';

const TITLE: Record<string, string> = {
  approved: '准予登记决定书',
  rejected: '不予登记决定书',
  not_accepted: '不予受理决定',
  withdrawn: '撤回申请记录',
  lapsed: '申请终止记录',
};

const VERDICT: Record<string, string> = {
  approved: '经审查，申请符合法定条件，本机关决定准予登记。',
  rejected: '经审查，申请不符合法定条件，本机关决定不予登记。',
  not_accepted: '经审查，本机关决定不予受理。',
  withdrawn: '申请人已撤回申请，本件办理终结。',
  lapsed: '申请人逾期未补正或未办理，本件办理终结。',
};

/** The registration decision of one file, as the bureau prints it. */
export function RegistrationDecisionPrint({ id }: { id: string }) {
  const { data, error } = useLoad(
    () => api.get<RegistrationDetail>(`/api/registrations/${id}`),
    id,
  );
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  const view = data.view;
  const decision = view?.decision;
  if (!view || !decision)
    return (
      <Card title="尚无决定">
        <p>本件尚未作出决定，暂无可打印的决定书。</p>
      </Card>
    );
  const doc = view.documents.find((d) => d.kind === 'rejection_decision');
  const fileNo = doc?.docNo ?? `申请编号 ${view.applicationNo}`;
  return (
    <PrintSheet
      title={TITLE[decision.outcome] ?? '决定书'}
      fileNo={fileNo}
      date={decision.at}
      back={`/registrations/${id}`}
      verification={data.decisionSeal}
    >
      <p>{view.name}申请人：</p>
      <p className="print-para">
        你方于{printDate(view.filedAt)}
        提交的{LEGAL_FORM_LABEL[view.legalForm as keyof typeof LEGAL_FORM_LABEL] ?? ''}
        成立登记申请（申请编号 {view.applicationNo}
        {view.receiptNo ? `，受理通知书 ${view.receiptNo}` : ''}，类别：
        {CATEGORY_LABEL[view.category as keyof typeof CATEGORY_LABEL] ?? ''}）收悉。
        {VERDICT[decision.outcome]}
      </p>
      {decision.grounds && decision.grounds.length > 0 && (
        <p className="print-para">
          理由：{decision.grounds.map((g) => REFUSAL_GROUND_LABEL[g]).join('；')}。
        </p>
      )}
      {decision.reason && <p className="print-para">说明：{decision.reason}</p>}
      {decision.legalBasis && <p className="print-para">依据：{decision.legalBasis}</p>}
      {view.creditCode && <p className="print-para">统一社会信用代码：{view.creditCode}</p>}
      {decision.outcome === 'rejected' && (
        <p className="print-para">如不服本决定，可以依法申请行政复议或者提起行政诉讼。</p>
      )}
    </PrintSheet>
  );
}
