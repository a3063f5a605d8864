import type { IssuedDocumentKind } from '../../workflows/registration/effects';
import type { DocumentContext } from '../../workflows/registration/outputs';
import { chineseDate } from '../documents/pdf-layout';
import type { OfficialDocument } from '../documents/render-official-document';

/** The wording of each document the bureau issues in a registration (zh-CN, 公文 style). */

type Body = Pick<OfficialDocument, 'paragraphs' | 'items' | 'closing'>;

const dueDate = (c: DocumentContext) => (c.dueAt ? chineseDate(c.dueAt.slice(0, 10)) : '');

function subject(c: DocumentContext): string {
  return `你（单位）于${chineseDate(c.filedOn)}提交的“${c.name}”${c.legalFormLabel}成立登记申请（申请编号：${c.applicationNo}）`;
}

function remedies(c: DocumentContext): string[] {
  const r = c.remedies;
  if (!r) return [];
  return [
    `如不服本决定，可以自收到本决定书之日起${r.reconsiderationDays}日内向${r.reconsiderationBody}申请行政复议，或者自收到本决定书之日起${r.litigationMonths}个月内依法向人民法院提起行政诉讼。`,
  ];
}

const BODIES: Record<IssuedDocumentKind, (c: DocumentContext) => Body> = {
  deficiency_notice: (c) => ({
    paragraphs: [
      `${subject(c)}，申请材料不齐全或者不符合法定形式。根据${c.legalBasis ?? '《中华人民共和国行政许可法》第三十二条'}的规定，现将需要补正的全部内容一次性告知如下：`,
    ],
    items: c.items,
    closing: [
      c.dueAt
        ? `请于${dueDate(c)}前补正上述材料。逾期未补正的，视为撤回申请。`
        : '请尽快补正上述材料。',
      '补正材料后，本机关将重新进行受理审查；除补正材料新出现的问题外，本机关不再要求补正其他内容。',
    ],
  }),
  acceptance_receipt: (c) => ({
    paragraphs: [
      c.deemedAccepted
        ? `${subject(c)}，本机关未在法定期限内告知补正。根据《中华人民共和国行政许可法》第三十二条的规定，自收到申请材料之日起即为受理。`
        : `${subject(c)}，申请材料齐全、符合法定形式，本机关决定予以受理。`,
      `受理编号：${c.receiptNo ?? ''}。受理日期：${c.acceptedOn ? chineseDate(c.acceptedOn) : ''}。`,
      `本机关将自受理之日起${c.limits.decision}内作出准予登记或者不予登记的决定。需要专家评审、申请人补正材料的，所需时间不计算在上述期限内，本机关将书面告知。`,
    ],
  }),
  non_acceptance_notice: (c) => ({
    paragraphs: [`${subject(c)}，经审查，本机关决定不予受理。理由：${c.reason ?? ''}`],
    closing: [`依据：${c.legalBasis ?? ''}。`, ...remediesOrDefault(c)],
  }),
  correction_notice: (c) => ({
    paragraphs: [`${subject(c)}，在审查中发现下列事项需要补正：`],
    items: c.items,
    closing: [
      c.dueAt ? `请于${dueDate(c)}前补正。` : '请尽快补正。',
      '补正期间审查期限暂停计算，自本机关收到补正材料之日起继续计算。',
    ],
  }),
  extension_notice: (c) => ({
    paragraphs: [
      `${subject(c)}，因${c.reason ?? '情况复杂'}，本机关在法定期限内不能作出决定。经本机关负责人批准，审查期限延长${c.limits.extension}。`,
      c.dueAt ? `延长后的审查期限至${dueDate(c)}。` : '',
    ].filter(Boolean),
    closing: [`依据：${c.legalBasis ?? '《中华人民共和国行政许可法》第四十二条'}。`],
  }),
  expert_review_notice: (c) => ({
    paragraphs: [
      `${subject(c)}，因${c.reason ?? '需要专家评审'}，本机关将组织专家评审，预计需要${c.expectedWorkingDays ?? ''}个工作日。`,
      '根据《中华人民共和国行政许可法》第四十五条的规定，专家评审所需时间不计算在审查期限内。',
    ],
  }),
  rejection_decision: (c) => ({
    paragraphs: [`${subject(c)}，经审查，本机关决定不予登记。`],
    items: (c.grounds ?? []).map((g) => ({
      title: g,
      description: c.reason ?? '',
      legalBasis: c.legalBasis,
    })),
    closing: remediesOrDefault(c),
  }),
  preparation_approval: (c) => ({
    paragraphs: [
      `${subject(c)}，经审查，本机关准予筹备。`,
      `请在${c.limits.preparation}内召开会员大会（会员代表大会），通过章程，产生执行机构、负责人和法定代表人，并向本机关申请成立登记。筹备期间不得开展筹备以外的活动。`,
    ],
  }),
};

function remediesOrDefault(c: DocumentContext): string[] {
  const r = remedies(c);
  return r.length ? r : ['如不服本决定，可以依法申请行政复议或者提起行政诉讼。'];
}

export function composeDocument(
  c: DocumentContext,
  docNo: string,
  authority: string,
): OfficialDocument {
  return {
    title: c.title,
    docNo,
    addressee: `${c.name}申请人：`,
    ...BODIES[c.kind](c),
    authority,
    date: c.issuedOn,
    footnote: `申请编号 ${c.applicationNo} · ${authority}制发`,
  };
}

/** The 字 of each document number, e.g. 钟民登补字〔2026〕第0001号. */
export const DOC_NO_WORD: Record<IssuedDocumentKind, string> = {
  deficiency_notice: '登补',
  acceptance_receipt: '登受',
  non_acceptance_notice: '登不受',
  correction_notice: '登审补',
  extension_notice: '登延',
  expert_review_notice: '登评',
  rejection_decision: '登不予',
  preparation_approval: '登筹',
};
