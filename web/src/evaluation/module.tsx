import { ALL_ROLES, type ProcessModule } from '../modules';
import { GradeDecisionPrint } from '../print/grade-decision-print';
import { useSession } from '../session';
import { CampaignFormPage } from './campaign-form-page';
import { CampaignPage } from './campaign-page';
import { CampaignsPage } from './campaigns-page';
import { CommitteeHomePage } from './committee-page';
import { ComplaintPage } from './complaint-page';
import { ComplaintWorklistPage } from './complaint-worklist-page';
import { EvaluatorFilePage } from './evaluator-file-page';
import { FilePage } from './file-page';
import { MyEvaluationFilesPage } from './my-files-page';
import { OfficeTasksPage } from './office-tasks-page';
import { PublicResultsPage } from './public-results-page';

/**
 * Tiered evaluation: evaluators score their files, committee members vote, organisations apply
 * and follow their file, the office opens campaigns and drives them.
 */
export const evaluation: ProcessModule = {
  id: 'evaluation',
  nav: (role) => {
    const home =
      role === 'evaluator'
        ? [{ to: '/evaluation', label: '我的评估事项' }]
        : role === 'committee_member'
          ? [{ to: '/evaluation', label: '评估表决' }]
          : ['applicant', 'agency', 'administrator'].includes(role)
            ? [{ to: '/evaluation', label: '等级评估' }]
            : [];
    // Anyone signed in may complain; the evaluation office handles the complaints.
    const complaints =
      role === 'administrator' || role === 'section_head'
        ? [
            { to: '/evaluation/office-tasks', label: '评估待办' },
            { to: '/evaluation/complaints', label: '举报办理' },
          ]
        : [{ to: '/evaluation/public', label: '公示与举报' }];
    return [...home, ...complaints];
  },
  routes: [
    {
      path: '/evaluation',
      title: '等级评估',
      roles: ['applicant', 'evaluator', 'committee_member', 'agency', 'administrator'],
      render: () => <EvaluationHome />,
    },
    {
      path: '/evaluation/campaigns/new',
      title: '新建评估活动',
      roles: ['administrator'],
      render: () => <CampaignFormPage />,
    },
    {
      path: '/evaluation/campaigns/:id',
      title: '评估活动',
      roles: ['administrator', 'section_head', 'agency', 'committee_member'],
      render: (p) => <CampaignPage id={p.id as string} />,
    },
    {
      path: '/evaluation/files/:id/decision/print',
      title: '打印评估等级决定',
      roles: ['applicant', 'committee_member', 'agency', 'administrator', 'section_head'],
      print: true,
      render: (p) => <GradeDecisionPrint id={p.id as string} />,
    },
    {
      path: '/evaluation/files/:id',
      title: '评估档案',
      roles: [
        'applicant',
        'evaluator',
        'committee_member',
        'agency',
        'administrator',
        'section_head',
      ],
      render: (p) => <EvaluationFile id={p.id as string} />,
    },
    {
      path: '/evaluation/public',
      title: '评估公示与举报',
      roles: ALL_ROLES,
      render: () => <PublicResultsPage />,
    },
    {
      path: '/evaluation/office-tasks',
      title: '评估待办',
      roles: ['administrator', 'section_head'],
      render: () => <OfficeTasksPage />,
    },
    {
      path: '/evaluation/complaints',
      title: '举报办理',
      roles: ['administrator', 'section_head'],
      render: () => <ComplaintWorklistPage />,
    },
    {
      path: '/evaluation/complaints/:id',
      title: '举报',
      roles: ALL_ROLES,
      render: (p) => <ComplaintPage id={p.id as string} />,
    },
    // The same page under the complainant's menu entry (公示与举报), so that it stays marked.
    {
      path: '/evaluation/public/complaints/:id',
      title: '举报',
      roles: ALL_ROLES,
      render: (p) => <ComplaintPage id={p.id as string} />,
    },
  ],
};

/** The evaluator's home is their files, a committee member's the votes waiting; others the campaigns. */
function EvaluationHome() {
  const { account } = useSession();
  if (account?.role === 'evaluator') return <MyEvaluationFilesPage />;
  if (account?.role === 'committee_member') return <CommitteeHomePage />;
  return <CampaignsPage />;
}

/** An evaluator works on the sheet; everyone else follows the file. */
function EvaluationFile({ id }: { id: string }) {
  const { account } = useSession();
  return account?.role === 'evaluator' ? <EvaluatorFilePage id={id} /> : <FilePage id={id} />;
}
