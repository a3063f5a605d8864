/** What a transition asks the outside world to do; the workflow runs them through activities. */

export const PURCHASE_MAIL_TEMPLATES = [
  'notice_published',
  'response_received',
  'procurement_failed',
  'panel_appointed',
  'award_publicised',
  'challenge_filed',
  'challenge_answered',
  'award_confirmed',
  'contract_signed',
  'deliverable_submitted',
  'deliverable_reviewed',
  'payment_requested',
  'payment_released',
  'evaluation_recorded',
  'contract_amended',
  'contract_terminated',
  'project_closed',
  'project_cancelled',
] as const;
export type PurchaseMailTemplate = (typeof PURCHASE_MAIL_TEMPLATES)[number];

export type PurchaseAudience =
  | { kind: 'account'; accountId: string }
  | { kind: 'role'; role: 'purchaser' | 'finance' | 'evaluator' }
  /** The accounts (and contact mail) of undertaker organisations. */
  | { kind: 'organizations'; organizationIds: string[] };

export type PurchaseAnnouncementKind = 'notice' | 'award' | 'contract' | 'termination';

export type Effect =
  | {
      kind: 'notify';
      template: PurchaseMailTemplate;
      audience: PurchaseAudience[];
      extra?: Record<string, string>;
    }
  | { kind: 'announce'; announcement: PurchaseAnnouncementKind }
  /** Load the rules in force on the decisive date (the award date, §8). */
  | { kind: 'loadRules'; at: number };
