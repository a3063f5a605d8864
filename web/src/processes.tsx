import { DashboardPage } from './admin/dashboard-page';
import { HolidaysPage } from './admin/holidays-page';
import { OrganizationPage } from './admin/organization-page';
import { OrganizationsPage } from './admin/organizations-page';
import { OutboxPage } from './admin/outbox-page';
import { RulesPage } from './admin/rules-page';
import { competitionModule } from './competition/module';
import { evaluation } from './evaluation/module';
import { inboxModule } from './inbox/module';
import { type ProcessModule, STAFF } from './modules';
import { RegistrationDecisionPrint } from './print/registration-decision-print';
import { purchaseModule } from './purchase/module';
import { AllRegistrationsPage, MyRegistrationsPage, WorklistPage } from './registration/lists';
import { RegistrationFormPage } from './registration/registration-form-page';
import { RegistrationPage } from './registration/registration-page';
import { securityModule } from './security/module';

/** Direct registration (issue 2): applicants, reviewers, section and bureau heads. */
const registration: ProcessModule = {
  id: 'registration',
  nav: (role, account) =>
    role === 'applicant'
      ? [
          { to: '/my', label: '我的申请' },
          // A registered organisation has nothing to file here (the API refuses it too).
          ...(account?.organizationRegistered
            ? []
            : [{ to: '/registrations/new', label: '新建登记申请' }]),
        ]
      : STAFF.includes(role)
        ? // Their registrations to act on are in 我的待办 (/inbox) with the other processes.
          [{ to: '/registrations', label: '全部申请' }]
        : role === 'administrator'
          ? [{ to: '/registrations', label: '登记申请' }]
          : [],
  routes: [
    { path: '/my', title: '我的申请', roles: ['applicant'], render: () => <MyRegistrationsPage /> },
    {
      path: '/registrations/new',
      title: '新建登记申请',
      roles: ['applicant'],
      render: () => <RegistrationFormPage mode="new" />,
    },
    { path: '/worklist', title: '登记待办', roles: STAFF, render: () => <WorklistPage /> },
    {
      path: '/registrations',
      title: '全部登记申请',
      roles: [...STAFF, 'administrator'],
      render: () => <AllRegistrationsPage />,
    },
    {
      path: '/registrations/:id',
      title: '登记申请',
      roles: ['applicant', ...STAFF, 'administrator'],
      render: (p) => <RegistrationPage id={p.id as string} />,
    },
    {
      path: '/registrations/:id/decision/print',
      title: '打印登记决定',
      roles: ['applicant', ...STAFF, 'administrator'],
      print: true,
      render: (p) => <RegistrationDecisionPrint id={p.id as string} />,
    },
    {
      path: '/registrations/:id/correct',
      title: '补正材料',
      roles: ['applicant'],
      render: (p) => <RegistrationFormPage mode="resubmit" id={p.id as string} />,
    },
    {
      path: '/registrations/:id/founding',
      title: '申请成立登记',
      roles: ['applicant'],
      render: (p) => <RegistrationFormPage mode="founding" id={p.id as string} />,
    },
  ],
};

/** Administration: the targets, organisation profiles, rule sets, the holiday calendar and the outbox. */
const administration: ProcessModule = {
  id: 'administration',
  nav: (role) =>
    role === 'administrator'
      ? [
          { to: '/admin', label: '工作目标' },
          { to: '/admin/organizations', label: '组织档案' },
          { to: '/admin/rules', label: '规则设置' },
          { to: '/admin/holidays', label: '节假日' },
          { to: '/admin/outbox', label: '邮件发件箱' },
        ]
      : role === 'section_head' || role === 'bureau_head'
        ? [
            { to: '/admin', label: '工作目标' },
            { to: '/admin/organizations', label: '组织档案' },
          ]
        : [],
  routes: [
    {
      path: '/admin',
      title: '工作目标',
      roles: ['administrator', 'section_head', 'bureau_head'],
      render: () => <DashboardPage />,
    },
    {
      path: '/admin/organizations',
      title: '组织档案',
      roles: ['administrator', 'section_head', 'bureau_head'],
      render: () => <OrganizationsPage />,
    },
    {
      path: '/admin/organizations/:id',
      title: '组织档案',
      roles: ['administrator', 'section_head', 'bureau_head'],
      render: (p) => <OrganizationPage id={p.id as string} />,
    },
    {
      path: '/admin/rules',
      title: '规则设置',
      roles: ['administrator'],
      render: () => <RulesPage />,
    },
    {
      path: '/admin/holidays',
      title: '节假日',
      roles: ['administrator'],
      render: () => <HolidaysPage />,
    },
    {
      path: '/admin/outbox',
      title: '邮件发件箱',
      roles: ['administrator'],
      render: () => <OutboxPage />,
    },
  ],
};

export const MODULES: ProcessModule[] = [
  inboxModule,
  registration,
  evaluation,
  competitionModule,
  purchaseModule,
  administration,
  securityModule,
];
