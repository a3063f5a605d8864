import { z } from 'zod';
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
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

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

const ART = {
  social_group: '《社会团体登记管理条例》第十一条',
  private_non_enterprise: '《民办非企业单位登记管理暂行条例》第九条',
  foundation: '《基金会管理条例》第九条',
} as const;

interface Requirement {
  type: DocumentType;
  legalBasis: string;
}

const COMMON: DocumentType[] = [
  'application_form',
  'charter_draft',
  'capital_verification',
  'premises_proof',
  'legal_representative_identity',
  'leaders_background',
];

const BY_FORM: Record<LegalForm, DocumentType[]> = {
  social_group: [...COMMON, 'founders_identity', 'member_list'],
  private_non_enterprise: [...COMMON, 'founders_identity'],
  foundation: [...COMMON, 'directors_list'],
};

/** The checklist for a legal form; every item must be present before acceptance (§3.5 rule 7). */
export function requiredDocuments(legalForm: LegalForm, needsPriorPermit: boolean): Requirement[] {
  const list: Requirement[] = BY_FORM[legalForm].map((type) => ({
    type,
    legalBasis: ART[legalForm],
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
