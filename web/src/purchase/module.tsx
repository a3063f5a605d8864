import type { ProcessModule } from '../modules';
import { AwardDecisionPrint } from '../print/award-decision-print';
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
    { path: '/purchases', title: '政府购买服务', roles: READERS, render: () => <ProjectsPage /> },
    {
      path: '/purchases/new',
      title: '新建购买服务项目',
      roles: ['purchaser'],
      render: () => <NewProjectPage />,
    },
    {
      path: '/purchases/:id/award/print',
      title: '打印成交结果通知书',
      roles: READERS,
      print: true,
      render: (p) => <AwardDecisionPrint id={p.id as string} />,
    },
    {
      path: '/purchases/:id',
      title: '购买服务项目',
      roles: READERS,
      render: (p) => <ProjectPage id={p.id as string} />,
    },
    {
      path: '/purchase-catalogue',
      title: '购买服务指导性目录',
      roles: ['administrator'],
      render: () => <CataloguePage />,
    },
    {
      path: '/purchase-figures',
      title: '购买服务统计',
      roles: ['administrator', 'purchaser', 'finance'],
      render: () => <PurchaseFiguresPage />,
    },
  ],
};
