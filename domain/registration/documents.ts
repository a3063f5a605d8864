import type { LegalForm } from '../organization-types';

/** Documents an application carries (DOMAIN.md §1.1 "Documents"). */
export const DOCUMENT_TYPES = [
  'application_form',
  'charter_draft',
  'capital_verification',
  'premises_proof',
  'legal_representative_identity',
  'founders_identity',
  'leaders_background',
  'member_list',
  'directors_list',
  'prior_permit',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_LABEL: Record<DocumentType, string> = {
  application_form: '登记申请书',
  charter_draft: '章程草案',
  capital_verification: '验资报告（资金证明）',
  premises_proof: '住所（场所）使用权证明',
  legal_representative_identity: '拟任法定代表人身份证明',
  founders_identity: '发起人（举办者）基本情况及身份证明',
  leaders_background: '拟任负责人基本情况及身份证明',
  member_list: '会员名册',
  directors_list: '理事名单及身份证明',
  prior_permit: '前置审批许可文件',
  other: '其他材料',
};

interface Requirement {
  type: DocumentType;
  legalBasis: string;
}

const SG = '《社会团体登记管理条例》';
const PNE = '《民办非企业单位登记管理暂行条例》';
const FDN = '《基金会管理条例》';

/** Each form's checklist with the item of the article that requires it. */
const CHECKLIST: Record<LegalForm, Partial<Record<DocumentType, string>>> = {
  social_group: {
    application_form: `${SG}第十一条第（一）项`,
    capital_verification: `${SG}第十一条第（三）项`,
    premises_proof: `${SG}第十一条第（三）项`,
    founders_identity: `${SG}第十一条第（四）项`,
    leaders_background: `${SG}第十一条第（四）项`,
    legal_representative_identity: `${SG}第十一条第（四）项`,
    charter_draft: `${SG}第十一条第（五）项`,
    member_list: `${SG}第十条第一款第（一）项（会员数量的证明）`,
  },
  private_non_enterprise: {
    application_form: `${PNE}第九条第（一）项`,
    premises_proof: `${PNE}第九条第（三）项`,
    capital_verification: `${PNE}第九条第（四）项`,
    leaders_background: `${PNE}第九条第（五）项`,
    legal_representative_identity: `${PNE}第九条第（五）项`,
    charter_draft: `${PNE}第九条第（六）项`,
  },
  foundation: {
    application_form: `${FDN}第九条第（一）项`,
    charter_draft: `${FDN}第九条第（二）项`,
    capital_verification: `${FDN}第九条第（三）项`,
    premises_proof: `${FDN}第九条第（三）项`,
    directors_list: `${FDN}第九条第（四）项`,
    leaders_background: `${FDN}第九条第（四）项`,
    legal_representative_identity: `${FDN}第九条第（四）项`,
  },
};

/** The checklist for a legal form; every item must be present before acceptance (§3.5 rule 7). */
export function requiredDocuments(legalForm: LegalForm, needsPriorPermit: boolean): Requirement[] {
  const list: Requirement[] = Object.entries(CHECKLIST[legalForm]).map(([type, legalBasis]) => ({
    type: type as DocumentType,
    legalBasis,
  }));
  if (needsPriorPermit) {
    list.push({
      type: 'prior_permit',
      legalBasis: '《中华人民共和国行政许可法》第十二条及相关法律、行政法规',
    });
  }
  return list;
}

/** Allowed upload formats: scans and PDFs only (checked by content, not by name). */
export const UPLOAD_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number];
