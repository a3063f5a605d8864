import type { ReactNode } from 'react';
import type { Account, Role } from './types';

/**
 * The shell's plug-in points: each process (registration, evaluation, competitions, purchases)
 * brings its navigation entries and its pages. A new process adds one module to MODULES.
 */
export interface NavItem {
  to: string;
  label: string;
  /** Shows a count beside the label: `inbox` counts the person's open tasks (我的待办). */
  badge?: 'inbox';
}

export interface PageRoute {
  path: string;
  /** The browser tab's title (pages about one thing refine it with usePageTitle). */
  title: string;
  roles: readonly Role[];
  /** A print view: shown without the menu and the page frame. */
  print?: boolean;
  render(params: Record<string, string>): ReactNode;
}

export interface ProcessModule {
  id: string;
  nav(role: Role, account?: Account): NavItem[];
  routes: PageRoute[];
}

export const STAFF: readonly Role[] = ['reviewer', 'section_head', 'bureau_head'];
export const ALL_ROLES: readonly Role[] = [
  'applicant',
  'reviewer',
  'section_head',
  'bureau_head',
  'evaluator',
  'purchaser',
  'administrator',
  'committee_member',
  'agency',
  'judge',
  'finance',
  'security_admin',
  'auditor',
];
