import type { RegistrationSummary } from '../../contract/registration';
import type { ApplicationInput } from '../../domain/registration/application';
import type { RegistrationView } from '../../workflows/registration/view-types';

/** Shapes the API answers (api/schemas/registration.ts and the routes); types only. */

export type Role =
  | 'applicant'
  | 'reviewer'
  | 'section_head'
  | 'bureau_head'
  | 'evaluator'
  | 'purchaser'
  | 'administrator'
  | 'committee_member'
  | 'agency'
  | 'judge'
  | 'finance'
  | 'security_admin'
  | 'auditor';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  organizationId: string | null;
  /** The organisation is registered already: it files no new registration. */
  organizationRegistered?: boolean;
  mfaEnabled: boolean;
}

/** What a sign-in step answers (api/routes/auth.ts ZSignedIn). */
export interface SignedIn {
  token: string;
  expiresAt: string;
  account: Account;
  secondFactor: 'verify' | 'enrol' | null;
}

export interface AppInfo {
  authorityName: string;
  districtName: string;
  districtCode: string;
  demo: {
    password: string;
    accounts: { username: string; displayName: string; roleLabel: string }[];
  } | null;
}

export interface WorkItem extends RegistrationSummary {
  task: string;
  urgency: 'overdue' | 'near_due' | 'normal';
  workingDaysLeft: number | null;
  assigneeId: string | null;
}

export interface RegistrationDetail {
  registration: RegistrationSummary;
  view: RegistrationView | null;
  live: boolean;
  application: ApplicationInput | null;
  /** The decision document's seal: its verification code and page. */
  decisionSeal: { code: string; url: string } | null;
}

export interface StoredFile {
  id: string;
  documentType: string;
  documentLabel: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export type { RegistrationSummary, RegistrationView };
