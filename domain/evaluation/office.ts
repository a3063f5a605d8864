/**
 * The evaluation office (评估办公室, DOMAIN §4.1) as this system staffs it: the bureau's
 * administrators and section heads. It verifies complaints and may disqualify a file; the
 * third-party agency does the evaluation itself and so never judges complaints about it.
 */
export const EVALUATION_OFFICE_ROLES = ['administrator', 'section_head'] as const;
export type EvaluationOfficeRole = (typeof EVALUATION_OFFICE_ROLES)[number];

export const isEvaluationOffice = (role: string): boolean =>
  (EVALUATION_OFFICE_ROLES as readonly string[]).includes(role);
