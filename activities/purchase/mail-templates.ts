import type { PurchaseMailTemplate } from '../../workflows/purchase/effects';

/** zh-CN wording of every purchase mail. Plain text: it reads well in any mail program. */

export type PurchaseMailContext = {
  projectNo: string;
  title: string;
  department: string;
  status: string;
} & Record<string, string>;

const T: Record<PurchaseMailTemplate, (c: PurchaseMailContext) => [string, string]> = {
  notice_published: (c) => [
    `【采购公告已发布】${c.title}`,
    `项目“${c.title}”的采购公告已发布，请关注响应情况。`,
  ],
  response_received: (c) => [
    `【响应已收到】${c.title}`,
    `贵单位对项目“${c.title}”的响应已收到，资格审查已通过。`,
  ],
  procurement_failed: (c) => [
    `【采购失败】${c.title}`,
    `项目“${c.title}”有效响应不足，采购失败。请重新组织采购或依法变更采购方式。`,
  ],
  panel_appointed: (c) => [
    `【评审邀请】${c.title}`,
    `您已被选为项目“${c.title}”的评审专家。评审前请先作出利益冲突声明；与响应单位存在利害关系的，应当回避。`,
  ],
  award_publicised: (c) => [
    `【成交结果公示】${c.title}`,
    `项目“${c.title}”的成交结果已公示。对结果有异议的，可在公示期内提出质疑。`,
  ],
  challenge_filed: (c) => [
    `【收到质疑】${c.title}`,
    `项目“${c.title}”在公示期内收到质疑，请及时书面答复。`,
  ],
  challenge_answered: (c) => [
    `【质疑答复】${c.title}`,
    `贵单位对项目“${c.title}”提出的质疑经审查${c.upheld ?? ''}。`,
  ],
  award_confirmed: (c) => [
    `【成交通知】${c.title}`,
    `项目“${c.title}”公示期满，成交结果确定。请在规定期限内签订政府购买服务合同。`,
  ],
  contract_signed: (c) => [
    `【合同已签订】${c.title}`,
    `项目“${c.title}”的政府购买服务合同已签订，请按合同约定履行，并按里程碑提交服务成果。严禁转包。`,
  ],
  deliverable_submitted: (c) => [
    `【待验收】${c.title}`,
    `承接主体已提交里程碑“${c.milestone ?? ''}”的服务成果，请验收。`,
  ],
  deliverable_reviewed: (c) => [
    `【验收结果】${c.title}`,
    `里程碑“${c.milestone ?? ''}”的服务成果：${c.result ?? ''}。`,
  ],
  payment_requested: (c) => [
    `【待核准付款】${c.title}`,
    `项目“${c.title}”第${c.trancheNo ?? ''}期款项已申请支付，请复核后办理。`,
  ],
  payment_released: (c) => [
    `【款项已支付】${c.title}`,
    `项目“${c.title}”第${c.trancheNo ?? ''}期款项已支付。`,
  ],
  evaluation_recorded: (c) => [
    `【绩效评价结果】${c.title}`,
    `项目“${c.title}”的绩效评价结果：${c.result ?? ''}。`,
  ],
  contract_amended: (c) => [
    `【合同变更】${c.title}`,
    `项目“${c.title}”的合同已变更，请登录系统查看变更内容及理由。`,
  ],
  contract_terminated: (c) => [
    `【合同解除】${c.title}`,
    `项目“${c.title}”的合同已解除（${c.ground ?? ''}）。`,
  ],
  project_closed: (c) => [`【项目结项】${c.title}`, `项目“${c.title}”款项已全部支付，项目结项。`],
  project_cancelled: (c) => [`【项目撤销】${c.title}`, `项目“${c.title}”已撤销。`],
};

export function renderPurchaseMail(
  template: PurchaseMailTemplate,
  c: PurchaseMailContext,
  portalUrl: string,
  authority: string,
): { subject: string; body: string } {
  const [subject, text] = T[template](c);
  return {
    subject,
    body: `${text}\n\n项目编号：${c.projectNo}\n购买主体：${c.department}\n当前状态：${c.status}\n\n办理入口：${portalUrl}\n${authority}`,
  };
}
