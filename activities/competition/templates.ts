/** zh-CN wording of every competition mail; plain text. */

export type Ctx = Record<string, string | number>;
export interface RenderedMail {
  subject: string;
  body: string;
}

const T: Record<string, (c: Ctx) => RenderedMail> = {
  received: (c) => ({
    subject: `【已收到】公益创投项目“${c.title}”`,
    body: `贵单位申报的公益创投项目“${c.title}”已提交成功（${c.round}）。征集截止后将进行资格审查，结果另行通知。`,
  }),
  qualified: (c) => ({
    subject: `【资格审查通过】${c.title}`,
    body: `贵单位申报的项目“${c.title}”已通过资格审查，将进入专家初评。`,
  }),
  rejected: (c) => ({
    subject: `【资格审查未通过】${c.title}`,
    body: `贵单位申报的项目“${c.title}”未通过资格审查。理由：${c.reasons}`,
  }),
  shortlisted: (c) => ({
    subject: `【入围路演】${c.title}`,
    body: `贵单位申报的项目“${c.title}”初评得分 ${c.score}，排名第 ${c.rank} 位，已入围路演答辩，请做好准备。`,
  }),
  not_shortlisted: (c) => ({
    subject: `【初评结果】${c.title}`,
    body: `贵单位申报的项目“${c.title}”初评得分 ${c.score}，排名第 ${c.rank} 位，未入围路演答辩。感谢参与。`,
  }),
  selected: (c) => ({
    subject: `【拟资助】${c.title}`,
    body: `贵单位申报的项目“${c.title}”拟予资助，金额 ${c.amount}。名单公示期满且无成立的异议后签订项目协议。`,
  }),
  not_funded: (c) => ({
    subject: `【资助结果】${c.title}`,
    body: `贵单位申报的项目“${c.title}”本轮未获资助。原因：${c.reason}`,
  }),
  agreement_signed: (c) => ({
    subject: `【协议已签订】${c.title}`,
    body: `项目“${c.title}”协议已签订，资助总额 ${c.amount}。首期资金 ${c.first} 经财务复核后拨付。`,
  }),
  tranche_paid: (c) => ({
    subject: `【资金已拨付】${c.title} 第${c.tranche}期`,
    body: `项目“${c.title}”第 ${c.tranche} 期资金 ${c.amount} 已拨付，请注意查收。`,
  }),
  midterm_result: (c) => ({
    subject: `【中期评估结果】${c.title}：${c.grade} 级`,
    body: `项目“${c.title}”中期评估得分 ${c.score}，等级 ${c.grade}。${c.grade === 'C' ? '根据规定，项目暂停执行，后续资金停止拨付，是否终止及追回资金另行决定。' : '后续资金将按协议拨付。'}`,
  }),
  final_result: (c) => ({
    subject: `【末期评估结果】${c.title}：${c.grade}`,
    body: `项目“${c.title}”末期评估得分 ${c.score}，结论：${c.grade}。${c.grade === '通过' ? '尾款将经复核后拨付。' : '尾款暂缓拨付。'}`,
  }),
  terminated: (c) => ({
    subject: `【项目终止】${c.title}`,
    body: `项目“${c.title}”已终止。理由：${c.reason}。应追回资金：${c.clawback}。`,
  }),
  judge_assigned: (c) => ({
    subject: `【评审任务】${c.round} ${c.phase}`,
    body: `您被分配 ${c.count} 个项目参加${c.phase}。打开每个项目前，请先声明是否存在利益冲突。`,
  }),
  objection_decided: (c) => ({
    subject: `【异议处理结果】${c.round}`,
    body: `您在公示期提出的异议已处理：${c.result}。${c.decision}`,
  }),
};

export function renderCompetitionMail(template: string, c: Ctx, portalUrl: string): RenderedMail {
  const t = T[template];
  if (!t) throw new RangeError(`unknown competition mail template ${template}`);
  const m = t(c);
  return {
    subject: m.subject,
    body: `${m.body}\n\n办理入口：${portalUrl}\n（本邮件由系统自动发送，请勿直接回复）`,
  };
}
