// The worker's workflowsPath: every workflow function the worker runs.

export { evaluationCampaignWorkflow } from './evaluation/campaign-workflow';
export { evaluationFileWorkflow } from './evaluation/file-workflow';
export { gradeWorkflow } from './evaluation/grade-workflow';
export { registrationWorkflow } from './registration/registration-workflow';
