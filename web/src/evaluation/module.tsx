import type { ProcessModule } from '../modules';
import { useSession } from '../session';
import { CampaignsPage } from './campaigns-page';
import { EvaluatorFilePage } from './evaluator-file-page';
import { MyEvaluationFilesPage } from './my-files-page';

/** Tiered evaluation (issue 3): evaluators score their files; organisations and the office see campaigns. */
export const evaluation: ProcessModule = {
  id: 'evaluation',
  nav: (role) =>
    role === 'evaluator'
      ? [{ to: '/evaluation', label: '我的评估事项' }]
      : ['applicant', 'committee_member', 'agency', 'administrator'].includes(role)
        ? [{ to: '/evaluation', label: '等级评估' }]
        : [],
  routes: [
    {
      path: '/evaluation',
      roles: ['applicant', 'evaluator', 'committee_member', 'agency', 'administrator'],
      render: () => <EvaluationHome />,
    },
    {
      path: '/evaluation/files/:id',
      roles: ['evaluator'],
      render: (p) => <EvaluatorFilePage id={p.id as string} />,
    },
  ],
};

/** The evaluator's home is their files; everyone else sees the campaigns. */
function EvaluationHome() {
  const { account } = useSession();
  return account?.role === 'evaluator' ? <MyEvaluationFilesPage /> : <CampaignsPage />;
}
