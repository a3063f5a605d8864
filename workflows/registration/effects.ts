/** What a transition asks the outside world to do; the workflow runs them through activities. */

export const MAIL_TEMPLATES = [
  'filed',
  'intake_pending',
  'intake_reminder',
  'deficiency_notice',
  'resubmitted',
  'accepted',
  'deemed_accepted',
  'not_accepted',
  'review_assigned',
  'second_review_pending',
  'returned',
  'extension_requested',
  'extension_decided',
  'expert_review_started',
  'expert_review_ended',
  'deadline_reminder',
  'deadline_escalated',
  'approved',
  'rejected',
  'withdrawn',
  'lapsed',
  'preparation_approved',
  'preparation_extended',
  'founding_submitted',
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export type StaffRole = 'reviewer' | 'section_head' | 'bureau_head';

export type Audience =
  | { kind: 'applicant' }
  | { kind: 'account'; accountId: string }
  | { kind: 'role'; role: StaffRole };

export const ISSUED_DOCUMENTS = {
  deficiency_notice: '补正材料通知书',
  acceptance_receipt: '受理通知书',
  non_acceptance_notice: '不予受理通知书',
  correction_notice: '补正材料通知书（审查阶段）',
  extension_notice: '延长审查期限通知书',
  expert_review_notice: '专家评审告知书',
  rejection_decision: '不予登记决定书',
  preparation_approval: '准予筹备通知书',
} as const;
export type IssuedDocumentKind = keyof typeof ISSUED_DOCUMENTS;

export type Effect =
  /** Re-run the automatic checks (completeness, name rules, name conflicts in the district). */
  | { kind: 'check' }
  | { kind: 'notify'; template: MailTemplate; audience: Audience[]; extra?: Record<string, string> }
  | { kind: 'document'; document: IssuedDocumentKind }
  /** Allocate the acceptance receipt number (受理编号). */
  | { kind: 'receipt' }
  /** Load the rule set in force on the decisive date (acceptance, §8). */
  | { kind: 'loadRules'; at: number }
  /** Credit code, certificate, organisation registered. */
  | { kind: 'certificate' }
  | { kind: 'announcement' }
  /** 1998 rule version: founders barred from a new application after a lapsed preparation. */
  | { kind: 'bar'; until: number };
