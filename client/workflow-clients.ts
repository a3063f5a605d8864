import type { Client } from '@temporalio/client';
import type { Config } from '../lib/config';
import { createCompetitionClient } from './competition-client';
import { createEvaluationClient } from './evaluation-client';
import { createPurchaseClient } from './purchase-client';
import { createRegistrationClient } from './registration-client';
import { createTemporalHealth } from './temporal-health';

type ClientConfig = Pick<
  Config,
  'TEMPORAL_TASK_QUEUE' | 'TEMPORAL_REQUEST_TIMEOUT_MS' | 'LIVE_VIEW_TIMEOUT_MS'
>;

/** Every handle the API has on workflows: one task queue, one bound for every request. */
export function createWorkflowClients(client: Client, config: ClientConfig) {
  const queue = config.TEMPORAL_TASK_QUEUE;
  const limits = {
    requestMs: config.TEMPORAL_REQUEST_TIMEOUT_MS,
    liveViewMs: config.LIVE_VIEW_TIMEOUT_MS,
  };
  return {
    registrations: createRegistrationClient(client, queue, limits),
    purchases: createPurchaseClient(client, queue, limits),
    competitions: createCompetitionClient(client, queue, limits),
    evaluation: createEvaluationClient(client, queue, limits),
    temporalHealth: createTemporalHealth(client, queue),
  };
}
