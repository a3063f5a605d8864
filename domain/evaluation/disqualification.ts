/**
 * §4.2 "Disqualification during evaluation": the closed list of grounds on which an authorised
 * official takes a file out of the evaluation before its grade is confirmed.
 */
export const DISQUALIFICATION_GROUNDS = [
  'departure_from_purpose',
  'bad_social_effect',
  'evaluation_fraud',
  'complaint_upheld',
] as const;
export type DisqualificationGround = (typeof DISQUALIFICATION_GROUNDS)[number];

export const DISQUALIFICATION_GROUND_LABEL: Record<DisqualificationGround, string> = {
  departure_from_purpose: '严重违背组织宗旨',
  bad_social_effect: '开展活动造成不良社会影响',
  evaluation_fraud: '在评估中弄虚作假',
  complaint_upheld: '举报经复核委员会裁定成立',
};
