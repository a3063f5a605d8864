import type { ProcessModule } from '../modules';
import { FundingDecisionPrint } from '../print/funding-decision-print';
import { CommunityRecordsPage } from './community-records-page';
import { ProposalFormPage } from './proposal-form-page';
import { ProposalPage } from './proposal-page';
import { PublicityPage } from './publicity-page';
import { RoundPage } from './round-page';
import { RoundFormPage, RoundsPage } from './rounds-page';

const READERS = [
  'applicant',
  'judge',
  'administrator',
  'reviewer',
  'evaluator',
  'finance',
] as const;

/** Venture-philanthropy competitions (公益创投, issue 4): rounds, proposals, scoring, funding. */
export const competitionModule: ProcessModule = {
  id: 'competitions',
  nav: (role) => [
    ...((READERS as readonly string[]).includes(role)
      ? [{ to: '/competitions', label: role === 'judge' ? '创投评审' : '公益创投' }]
      : []),
    ...(role === 'administrator' || role === 'reviewer'
      ? [{ to: '/community-records', label: '社区组织备案' }]
      : []),
  ],
  routes: [
    { path: '/competitions', title: '公益创投', roles: READERS, render: () => <RoundsPage /> },
    {
      path: '/competitions/new',
      title: '新建公益创投大赛',
      roles: ['administrator'],
      render: () => <RoundFormPage />,
    },
    {
      path: '/competitions/:id',
      title: '公益创投大赛',
      roles: READERS,
      render: (p) => <RoundPage id={p.id as string} />,
    },
    {
      path: '/competitions/:id/apply',
      title: '申报创投项目',
      roles: ['applicant'],
      render: (p) => <ProposalFormPage roundId={p.id as string} />,
    },
    {
      path: '/competitions/:id/publicity',
      title: '资助名单公示',
      roles: READERS,
      render: (p) => <PublicityPage id={p.id as string} />,
    },
    {
      path: '/community-records',
      title: '社区社会组织备案',
      roles: ['administrator', 'reviewer'],
      render: () => <CommunityRecordsPage />,
    },
    {
      path: '/competition-proposals/:id',
      title: '创投项目',
      roles: READERS,
      render: (p) => <ProposalPage id={p.id as string} />,
    },
    {
      path: '/competition-proposals/:id/decision/print',
      title: '打印资助决定书',
      roles: ['applicant', 'administrator', 'reviewer', 'finance'],
      print: true,
      render: (p) => <FundingDecisionPrint id={p.id as string} />,
    },
  ],
};
