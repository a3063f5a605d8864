import type { ProcessModule } from '../modules';
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
    { path: '/competitions', roles: READERS, render: () => <RoundsPage /> },
    { path: '/competitions/new', roles: ['administrator'], render: () => <RoundFormPage /> },
    { path: '/competitions/:id', roles: READERS, render: (p) => <RoundPage id={p.id as string} /> },
    {
      path: '/competitions/:id/apply',
      roles: ['applicant'],
      render: (p) => <ProposalFormPage roundId={p.id as string} />,
    },
    {
      path: '/competitions/:id/publicity',
      roles: READERS,
      render: (p) => <PublicityPage id={p.id as string} />,
    },
    {
      path: '/community-records',
      roles: ['administrator', 'reviewer'],
      render: () => <CommunityRecordsPage />,
    },
    {
      path: '/competition-proposals/:id',
      roles: READERS,
      render: (p) => <ProposalPage id={p.id as string} />,
    },
  ],
};
