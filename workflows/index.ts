// The worker's workflowsPath: every workflow function the worker runs.
export { registrationWorkflow } from './registration/registration-workflow';
export { purchaseWorkflow } from './purchase/purchase-workflow';
