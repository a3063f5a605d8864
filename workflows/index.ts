// The worker's workflowsPath: every workflow function the worker runs.

export { competitionProposalWorkflow } from './competition/proposal-workflow';
export { competitionRoundWorkflow } from './competition/round-workflow';
export { evaluationCampaignWorkflow } from './evaluation/campaign-workflow';
export { evaluationComplaintWorkflow } from './evaluation/complaint-workflow';
export { evaluationFileWorkflow } from './evaluation/file-workflow';
export { gradeWorkflow } from './evaluation/grade-workflow';
export { purchaseContractWorkflow } from './purchase/contract-workflow';
export { purchaseWorkflow } from './purchase/purchase-workflow';
export { registrationWorkflow } from './registration/registration-workflow';
