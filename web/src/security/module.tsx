import { RulesPage } from '../admin/rules-page';
import { ALL_ROLES, type ProcessModule } from '../modules';
import { AccountSecurityPage } from './account-security-page';
import { AccountsPage } from './accounts-page';
import { AuditLogPage } from './audit-log-page';

/** Security (issue 13): each account's own password and second factor; 三权分立 pages. */
export const securityModule: ProcessModule = {
  id: 'security',
  nav: (role) =>
    role === 'security_admin'
      ? [
          { to: '/security/accounts', label: '账号管理' },
          { to: '/security/policy', label: '安全策略' },
        ]
      : role === 'auditor'
        ? [{ to: '/audit', label: '审计日志' }]
        : [],
  routes: [
    {
      path: '/account',
      title: '账号安全',
      roles: ALL_ROLES,
      render: () => <AccountSecurityPage />,
    },
    {
      path: '/security/accounts',
      title: '账号管理',
      roles: ['security_admin'],
      render: () => <AccountsPage />,
    },
    {
      path: '/security/policy',
      title: '安全策略',
      roles: ['security_admin'],
      // The same versioned rule form as the other processes; the API offers this role only
      // the security policy, and every other process only to the system administrator.
      render: () => <RulesPage heading="安全策略" />,
    },
    { path: '/audit', title: '审计日志', roles: ['auditor'], render: () => <AuditLogPage /> },
  ],
};
