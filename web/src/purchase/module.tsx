import type { ProcessModule } from '../modules';
import { CataloguePage } from './catalogue-page';
import { PurchaseFiguresPage } from './figures-page';
import { ProjectPage } from './project-page';
import { NewProjectPage, ProjectsPage } from './projects-page';

const READERS = ['purchaser', 'finance', 'administrator', 'evaluator', 'applicant'] as const;

/** Government purchase of services (政府购买服务, issue 5): catalogue, projects, contracts, payments. */
export const purchaseModule: ProcessModule = {
  id: 'purchases',
  nav: (role) => [
    ...((READERS as readonly string[]).includes(role)
      ? [{ to: '/purchases', label: '政府购买服务' }]
      : []),
    ...(role === 'administrator' ? [{ to: '/purchase-catalogue', label: '购买服务目录' }] : []),
    ...(['administrator', 'purchaser', 'finance'].includes(role)
      ? [{ to: '/purchase-figures', label: '购买服务统计' }]
      : []),
  ],
  routes: [
    { path: '/purchases', roles: READERS, render: () => <ProjectsPage /> },
    { path: '/purchases/new', roles: ['purchaser'], render: () => <NewProjectPage /> },
    { path: '/purchases/:id', roles: READERS, render: (p) => <ProjectPage id={p.id as string} /> },
    { path: '/purchase-catalogue', roles: ['administrator'], render: () => <CataloguePage /> },
    {
      path: '/purchase-figures',
      roles: ['administrator', 'purchaser', 'finance'],
      render: () => <PurchaseFiguresPage />,
    },
  ],
};
