import { competitionPolicySchema } from '../../domain/competition/policy';
import { evaluationPolicySchema } from '../../domain/evaluation/policy';
import { purchasePolicySchema } from '../../domain/purchase/policy';
import { registrationPolicySchema } from '../../domain/registration/policy';
import { securityPolicySchema } from '../../domain/security/policy';
import { targetsPolicySchema } from '../../domain/targets/policy';

/**
 * The policy schema of every process, keyed by `RuleSet.process`: an administrator's new rule
 * version is checked against it, and the loaders parse merged layers with it.
 */
export const POLICY_SCHEMAS = {
  registration: registrationPolicySchema,
  targets: targetsPolicySchema,
  purchase: purchasePolicySchema,
  competition: competitionPolicySchema,
  evaluation: evaluationPolicySchema,
  security: securityPolicySchema,
} as const;

export type PolicyProcess = keyof typeof POLICY_SCHEMAS;
export const POLICY_PROCESSES = Object.keys(POLICY_SCHEMAS) as [PolicyProcess, ...PolicyProcess[]];
