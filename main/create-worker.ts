import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Outbox } from '../activities/mail/outbox';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db';

/** The one worker of this product: every workflow, every activity, one task queue. */
export async function createWorker(opts: {
  connection: NativeConnection;
  config: Config;
  db: Db;
  outbox: Outbox;
  taskQueue?: string;
  /** Tests bundle once and pass the bundle; production bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}): Promise<Worker> {
  const { config } = opts;
  return Worker.create({
    connection: opts.connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: opts.taskQueue ?? config.TEMPORAL_TASK_QUEUE,
    ...(opts.workflowBundle
      ? { workflowBundle: opts.workflowBundle }
      : { workflowsPath: require.resolve('../workflows') }),
    activities: createActivities({ db: opts.db, outbox: opts.outbox, config }),
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_ACTIVITIES,
    maxConcurrentLocalActivityExecutions: config.WORKER_MAX_LOCAL_ACTIVITIES,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
}

export { NativeConnection };
