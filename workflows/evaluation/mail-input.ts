import { workflowInfo } from '@temporalio/workflow';
import { EVALUATION_OFFICE_ROLES } from '../../domain/evaluation/office';
import type { EvaluationEffect } from './effects';

/** A mail effect as the notifyEvaluation activity takes it: keyed by workflow and step. */
export function mailInput(organizationId: string, e: Extract<EvaluationEffect, { kind: 'mail' }>) {
  const { office, ...to } = e.to;
  return {
    key: `${workflowInfo().workflowId}/${e.step}`,
    organizationId,
    to: office ? { ...to, roles: EVALUATION_OFFICE_ROLES } : to,
    template: e.template,
    context: e.context,
    ...(e.attachmentFileIds ? { attachmentFileIds: e.attachmentFileIds } : {}),
  };
}
