import type { ProcessModule } from '../modules';
import type { Role } from '../types';
import { InboxPage } from './inbox-page';

/** Every role with work in a process (the security administrator and the auditor have none). */
export const INBOX_ROLES: readonly Role[] = [
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
];

/** 我的待办 across the four processes, first in every worker's menu, with its count. */
export const inboxModule: ProcessModule = {
  id: 'inbox',
  nav: (role) =>
    INBOX_ROLES.includes(role) ? [{ to: '/inbox', label: '我的待办', badge: 'inbox' }] : [],
  routes: [{ path: '/inbox', title: '我的待办', roles: INBOX_ROLES, render: () => <InboxPage /> }],
};
