import type { ReactNode } from 'react';
import { PublicComplaintPage } from '../evaluation/public-complaint-page';
import { PUBLIC_COMPLAINT_PATH } from '../evaluation/public-path';
import { matchPath } from '../router';
import { PublicCompetitionsPage } from './competitions-page';
import { PublicEvaluationPage } from './evaluation-results-page';
import { PublicPurchasesPage } from './purchases-page';
import { VerifyPage } from './verify-page';

/** Pages anyone may open without signing in (issue 15 points 6 and 11), each with its title. */
const PUBLIC_ROUTES: {
  path: string;
  title: string;
  render: (p: Record<string, string>) => ReactNode;
}[] = [
  { path: PUBLIC_COMPLAINT_PATH, title: '社会组织评估举报', render: () => <PublicComplaintPage /> },
  {
    path: '/public/evaluation',
    title: '评估结果公示与等级名单',
    render: () => <PublicEvaluationPage />,
  },
  {
    path: '/public/competitions',
    title: '公益创投资助名单公示',
    render: () => <PublicCompetitionsPage />,
  },
  {
    path: '/public/purchases',
    title: '政府购买服务采购公告与结果',
    render: () => <PublicPurchasesPage />,
  },
  { path: '/public/verify', title: '文书核验', render: () => <VerifyPage /> },
  {
    path: '/public/verify/:code',
    title: '文书核验结果',
    render: (p) => <VerifyPage code={p.code} />,
  },
];

/** The public page at this path, if there is one. */
export function findPublicRoute(path: string) {
  for (const route of PUBLIC_ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
