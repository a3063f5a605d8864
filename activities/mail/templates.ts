import type { MailTemplate } from '../../workflows/registration/effects';
import type { MailContext } from '../../workflows/registration/outputs';

/** zh-CN wording of every registration mail. Plain text: it reads well in any mail program. */

export interface RenderedMail {
  subject: string;
  body: string;
}

const fmt = (iso: string | null) => {
  if (!iso) return '（计时暂停）';
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

const items = (c: MailContext) =>
  (c.items ?? [])
    .map((i, n) => `  ${n + 1}. ${i.title}\n     ${i.description}\n     依据：${i.legalBasis}`)
    .join('\n');

const DEADLINE_NAME: Record<string, string> = {
  intake: '受理审查（一次性告知）期限',
  response: '补正材料期限',
  decision: '法定审查期限',
  promised: '承诺办理时限',
  preparation: '筹备期限',
};

type Template = (c: MailContext) => RenderedMail;

const T: Record<MailTemplate, Template> = {
  filed: (c) => ({
    subject: `【已收到】${c.name}成立登记申请（${c.applicationNo}）`,
    body: `本机关已收到您提交的“${c.name}”${c.legalFormLabel}成立登记申请，申请编号 ${c.applicationNo}。\n我们将在 ${fmt(c.dueAt)} 前完成受理审查：材料不齐全的，一次性告知需要补正的全部内容。`,
  }),
  intake_pending: (c) => ({
    subject: `【待受理】${c.name}（${c.applicationNo}）`,
    body: `新的成立登记申请待受理审查：${c.name}，${c.legalFormLabel}，${c.categoryLabel}。\n一次性告知期限：${fmt(c.dueAt)}。逾期未告知的，依法视为受理。`,
  }),
  intake_reminder: (c) => ({
    subject: `【即将到期】${c.name}受理审查`,
    body: `“${c.name}”（${c.applicationNo}）的受理审查期限为 ${fmt(c.dueAt)}，请及时处理。`,
  }),
  deficiency_notice: (c) => ({
    subject: `【补正通知】${c.name}（${c.applicationNo}）`,
    body: `您的申请材料需要补正。本机关一次性告知需要补正的全部内容如下：\n${items(c)}\n\n请于 ${fmt(c.dueAt)} 前补正。补正通知书已出具，可在系统中下载。`,
  }),
  resubmitted: (c) => ({
    subject: `【已补正】${c.name}（${c.applicationNo}）`,
    body: `申请人已提交补正材料，请继续审查。当前期限：${fmt(c.dueAt)}。`,
  }),
  accepted: (c) => ({
    subject: `【已受理】${c.name}（受理编号 ${c.receiptNo ?? ''}）`,
    body: `您的申请材料齐全、符合法定形式，本机关已予受理。\n受理编号：${c.receiptNo ?? ''}\n受理日期：${c.acceptedOn ?? ''}\n审查期限：${fmt(c.dueAt)}（专家评审、补正材料所需时间不计入）。`,
  }),
  deemed_accepted: (c) => ({
    subject: `【视为受理】${c.name}（受理编号 ${c.receiptNo ?? ''}）`,
    body: `本机关未在法定期限内告知补正，依据《中华人民共和国行政许可法》第三十二条，“${c.name}”的申请自收到材料之日起即为受理。\n受理编号：${c.receiptNo ?? ''}；审查期限：${fmt(c.dueAt)}。`,
  }),
  not_accepted: (c) => ({
    subject: `【不予受理】${c.name}（${c.applicationNo}）`,
    body: `您的申请不予受理。理由：${c.reason ?? ''}\n不予受理通知书已出具，其中载明了您依法享有的权利。`,
  }),
  review_assigned: (c) => ({
    subject: `【分配】${c.name}（${c.applicationNo}）由您承办`,
    body: `“${c.name}”已分配给您审查。当前状态：${c.statusLabel}；期限：${fmt(c.dueAt)}。`,
  }),
  second_review_pending: (c) => ({
    subject: `【待复审】${c.name}（${c.applicationNo}）`,
    body: `“${c.name}”初审已完成，等待复审。复审须由初审以外的人员办理。期限：${fmt(c.dueAt)}。`,
  }),
  returned: (c) => ({
    subject: `【退回补正】${c.name}（${c.applicationNo}）`,
    body: `审查中发现下列事项需要补正：\n${items(c)}\n\n请于 ${fmt(c.dueAt)} 前补正。补正期间审查期限暂停计算。`,
  }),
  extension_requested: (c) => ({
    subject: `【延期审批】${c.name}（${c.applicationNo}）`,
    body: `承办人申请延长“${c.name}”的审查期限，理由：${c.reason ?? ''}\n请审批。`,
  }),
  extension_decided: (c) => ({
    subject: `【审查期限】${c.name}（${c.applicationNo}）`,
    body: `关于延长审查期限的申请已有决定：${c.reason ?? ''}\n当前审查期限：${fmt(c.dueAt)}。`,
  }),
  expert_review_started: (c) => ({
    subject: `【专家评审】${c.name}（${c.applicationNo}）`,
    body: `本机关将对您的申请组织专家评审（${c.reason ?? ''}）。依据《中华人民共和国行政许可法》第四十五条，专家评审所需时间不计入审查期限。`,
  }),
  expert_review_ended: (c) => ({
    subject: `【专家评审结束】${c.name}（${c.applicationNo}）`,
    body: `专家评审已结束，审查期限继续计算，截至 ${fmt(c.dueAt)}。`,
  }),
  deadline_reminder: (c) => ({
    subject: `【即将到期】${c.name}：${DEADLINE_NAME[c.extra?.deadline ?? ''] ?? '期限'}`,
    body: `“${c.name}”（${c.applicationNo}）的${DEADLINE_NAME[c.extra?.deadline ?? ''] ?? '期限'}将于 ${fmt(c.dueAt)} 届满，请及时办理。`,
  }),
  deadline_escalated: (c) => ({
    subject: `【督办】${c.name}（${c.applicationNo}）`,
    body: `“${c.name}”的${DEADLINE_NAME[c.extra?.deadline ?? ''] ?? '办理期限'}已届满或已依法视为受理，请科室负责人督办。\n当前状态：${c.statusLabel}。`,
  }),
  approved: (c) => ({
    subject: `【准予登记】${c.name}`,
    body: `本机关准予“${c.name}”成立登记。\n统一社会信用代码：${c.creditCode ?? ''}\n登记证书已签发，可在系统中下载，成立登记公告已发布。`,
  }),
  rejected: (c) => ({
    subject: `【不予登记】${c.name}（${c.applicationNo}）`,
    body: `本机关决定对“${c.name}”不予登记。理由：${c.reason ?? ''}\n不予登记决定书已出具，其中载明了申请行政复议或者提起行政诉讼的途径和期限。`,
  }),
  withdrawn: (c) => ({
    subject: `【已撤回】${c.name}（${c.applicationNo}）`,
    body: `“${c.name}”的登记申请已撤回。理由：${c.reason ?? ''}`,
  }),
  lapsed: (c) => ({
    subject: `【已终止】${c.name}（${c.applicationNo}）`,
    body: `“${c.name}”的申请已终止：${c.reason ?? ''}`,
  }),
  preparation_approved: (c) => ({
    subject: `【准予筹备】${c.name}`,
    body: `本机关准予“${c.name}”筹备。请在 ${fmt(c.dueAt)} 前召开会员大会、通过章程并申请成立登记。`,
  }),
  preparation_extended: (c) => ({
    subject: `【筹备延期】${c.name}`,
    body: `“${c.name}”的筹备期限已延长至 ${fmt(c.dueAt)}。`,
  }),
  founding_submitted: (c) => ({
    subject: `【成立登记】${c.name}（${c.applicationNo}）`,
    body: `“${c.name}”已提交成立登记材料，请审查。期限：${fmt(c.dueAt)}。`,
  }),
};

export function renderMail(
  template: MailTemplate,
  c: MailContext,
  portalUrl: string,
  authority: string,
): RenderedMail {
  const m = T[template](c);
  return {
    subject: m.subject,
    body: `${m.body}\n\n请登录 ${portalUrl} 查看详情（申请编号 ${c.applicationNo}）。\n\n${authority}\n（本邮件由系统自动发送，请勿直接回复）`,
  };
}
