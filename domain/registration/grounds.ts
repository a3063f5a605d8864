import type { LegalForm } from '../organization-types';

/** The closed list of refusal grounds (DOMAIN.md §3.5 rule 10), with each form's article. */
export const REFUSAL_GROUNDS = [
  'unlawful_purpose',
  'unnecessary_duplicate',
  'disqualified_persons',
  'fraud',
  'other_statutory_ban',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REFUSAL_GROUND_LABEL: Record<RefusalGround, string> = {
  unlawful_purpose: '宗旨、业务范围不符合法律规定',
  unnecessary_duplicate: '同一行政区域内已有业务范围相同或者相似的组织，没有必要成立',
  disqualified_persons: '发起人、拟任负责人受到剥夺政治权利的刑事处罚或者不具有完全民事行为能力',
  fraud: '申请登记时弄虚作假',
  other_statutory_ban: '有法律、行政法规禁止的其他情形',
};

const SOCIAL_GROUP: Record<RefusalGround, string> = {
  unlawful_purpose: '《社会团体登记管理条例》第十三条第（一）项',
  unnecessary_duplicate: '《社会团体登记管理条例》第十三条第（二）项',
  disqualified_persons: '《社会团体登记管理条例》第十三条第（三）项',
  fraud: '《社会团体登记管理条例》第十三条第（四）项',
  other_statutory_ban: '《社会团体登记管理条例》第十三条第（五）项',
};

const PRIVATE_NON_ENTERPRISE: Record<RefusalGround, string> = {
  unlawful_purpose: '《民办非企业单位登记管理暂行条例》第十一条第二款第（一）项',
  fraud: '《民办非企业单位登记管理暂行条例》第十一条第二款第（二）项',
  unnecessary_duplicate: '《民办非企业单位登记管理暂行条例》第十一条第二款第（三）项',
  disqualified_persons: '《民办非企业单位登记管理暂行条例》第十一条第二款第（四）项',
  other_statutory_ban: '《民办非企业单位登记管理暂行条例》第十一条第二款第（五）项',
};

// The foundation regulations list conditions (art. 8, 20, 23) rather than refusal grounds.
const FOUNDATION: Record<RefusalGround, string> = {
  unlawful_purpose: '《基金会管理条例》第四条、第八条',
  unnecessary_duplicate: '《基金会管理条例》第八条',
  disqualified_persons: '《基金会管理条例》第二十三条',
  fraud: '《中华人民共和国行政许可法》第七十八条',
  other_statutory_ban: '《基金会管理条例》第十一条',
};

const BY_FORM: Record<LegalForm, Record<RefusalGround, string>> = {
  social_group: SOCIAL_GROUP,
  private_non_enterprise: PRIVATE_NON_ENTERPRISE,
  foundation: FOUNDATION,
};

export function refusalBasis(form: LegalForm, ground: RefusalGround): string {
  return BY_FORM[form][ground];
}

/** 不予受理 (行政许可法 art. 32): the matter is not ours, or needs no licence. */
export const NON_ACCEPTANCE_REASONS = ['not_competent', 'not_licensed_matter', 'other'] as const;
export type NonAcceptanceReason = (typeof NON_ACCEPTANCE_REASONS)[number];

export const NON_ACCEPTANCE_LABEL: Record<NonAcceptanceReason, string> = {
  not_competent: '申请事项依法不属于本机关职权范围',
  not_licensed_matter: '申请事项依法不需要取得行政许可',
  other: '其他依法不予受理的情形',
};

export const NON_ACCEPTANCE_BASIS = '《中华人民共和国行政许可法》第三十二条第一款';

export const LEGAL_BASIS = {
  intakeNotice: '《中华人民共和国行政许可法》第三十二条第一款第（四）项',
  deemedAcceptance:
    '《中华人民共和国行政许可法》第三十二条第一款第（四）项：逾期不告知的，自收到申请材料之日起即为受理',
  acceptance: '《中华人民共和国行政许可法》第三十二条第一款第（五）项、第二款',
  extension: '《中华人民共和国行政许可法》第四十二条第一款',
  pause: '《中华人民共和国行政许可法》第四十五条',
  certificate: '《中华人民共和国行政许可法》第四十四条',
  withdrawal: '申请人主动撤回申请',
  lapse: '本局办事指南：申请人逾期未补正材料的，视为撤回申请',
  preparationLapse:
    '《社会团体登记管理条例》（1998年）第九条至第十二条：筹备期限届满未申请成立登记的，筹备批准失效',
} as const;

export function decisionBasis(form: LegalForm): string {
  return {
    social_group: '《社会团体登记管理条例》第十二条',
    private_non_enterprise: '《民办非企业单位登记管理暂行条例》第十一条、第十二条',
    foundation: '《基金会管理条例》第十一条',
  }[form];
}

export function announcementBasis(form: LegalForm): string {
  return {
    social_group: '《社会团体登记管理条例》第二十三条',
    private_non_enterprise: '《民办非企业单位登记管理暂行条例》第十八条',
    foundation: '《基金会管理条例》第十九条',
  }[form];
}
