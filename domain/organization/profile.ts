/**
 * The organisation profile as every process reads it (DOMAIN §8 "Identity"): a plain JSON
 * snapshot, so a workflow can take it as input and decide on it deterministically.
 * Dates are local calendar dates (YYYY-MM-DD).
 */

export const INSPECTION_RESULTS = ['pass', 'basic_pass', 'fail', 'missing'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export const INSPECTION_LABEL: Record<InspectionResult, string> = {
  pass: '合格',
  basic_pass: '基本合格',
  fail: '不合格',
  missing: '未参加年检',
};

export const GRADE_STATUSES = [
  'active',
  'downgraded',
  'cancelled',
  'expired',
  'superseded',
] as const;
export type GradeStatus = (typeof GRADE_STATUSES)[number];

export const AWARDING_LEVELS = ['district', 'city', 'province', 'national'] as const;
export type AwardingLevel = (typeof AWARDING_LEVELS)[number];

/**
 * Kinds of administrative penalty on a social organisation (the three registration regulations'
 * penalty articles), plus criminal punishment of the organisation, which purchase eligibility
 * counts as a major violation. A closed list, so rules that name kinds can rely on the spelling.
 */
export const PENALTY_KINDS = [
  '警告',
  '责令改正',
  '罚款',
  '较大数额罚款',
  '没收违法所得',
  '没收非法财产',
  '限期停止活动',
  '责令停止活动',
  '撤销登记',
  '吊销登记证书',
  '刑事处罚',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export interface InspectionRecord {
  year: number;
  result: InspectionResult;
}

export interface PenaltyRecord {
  decisionNo: string;
  kind: string;
  decidedOn: string;
  /** Null while the penalty is not yet fully carried out. */
  executedOn: string | null;
}

export interface GradeRecord {
  id: string;
  /** 1 to 5 (1A to 5A). */
  level: number;
  awardingLevel: AwardingLevel;
  awardedOn: string;
  expiresOn: string;
  status: GradeStatus;
  endedOn: string | null;
  endReason: string | null;
}

export interface OrganizationProfile {
  id: string;
  name: string;
  status: 'forming' | 'registered' | 'deregistered' | 'banned';
  legalForm: 'social_group' | 'private_non_enterprise' | 'foundation' | null;
  category: string | null;
  creditCode: string | null;
  registeredOn: string | null;
  inspections: InspectionRecord[];
  penalties: PenaltyRecord[];
  abnormalListedOn: string | null;
  dishonestListedOn: string | null;
  underInvestigationSince: string | null;
  grades: GradeRecord[];
  /**
   * Whether a Party organisation (党组织) exists, as last recorded and on which day; null or
   * absent when nothing is recorded (snapshots taken before the fact existed lack it).
   */
  partyOrganization?: { present: boolean; recordedOn: string } | null;
  /**
   * Staffed with institution posts (事业编制) and funded by the budget, as last recorded; null or
   * absent when nothing is recorded. Such a body may not undertake purchased services (102号
   * art. 8).
   */
  budgetFundedStaffing?: boolean | null;
}

/** The grade in force on a day: active, awarded on or before it and not yet expired. */
export function gradeInForce(profile: OrganizationProfile, day: string): GradeRecord | null {
  return (
    profile.grades.find((g) => g.status === 'active' && g.awardedOn <= day && day < g.expiresOn) ??
    null
  );
}

/** "3A" style label of a grade level. */
export function gradeLabel(level: number): string {
  return `${level}A`;
}
