import type { Client } from '@temporalio/client';
import { withinBound } from './bounded';

export interface TemporalHealth {
  /** The server answered. */
  temporal: boolean;
  /** A worker polls the task queue: Updates and Queries can be answered. */
  workers: boolean;
}

/** temporal.api.enums.v1: TASK_QUEUE_KIND_NORMAL, TASK_QUEUE_TYPE_WORKFLOW. */
const KIND_NORMAL = 1;
const TYPE_WORKFLOW = 1;
/**
 * An idle worker's poll waits up to a minute on the server and is then renewed, and the server
 * lists a poller for minutes after it stopped: a worker counts as present only if it polled
 * within this window.
 */
export const POLLER_FRESH_MS = 75_000;

/**
 * Asks the server who polls the task queue (DescribeTaskQueue), within `timeoutMs`, so a
 * readiness probe answers quickly when Temporal is down.
 */
export function createTemporalHealth(client: Client, taskQueue: string, timeoutMs = 2_000) {
  return async (): Promise<TemporalHealth> => {
    try {
      const { pollers } = await withinBound(client, timeoutMs, () =>
        client.workflowService.describeTaskQueue({
          namespace: client.options.namespace,
          taskQueue: { name: taskQueue, kind: KIND_NORMAL },
          taskQueueType: TYPE_WORKFLOW,
        }),
      );
      const now = Date.now();
      const workers = pollers.some((p) => {
        const at = p.lastAccessTime;
        const ms = at ? Number(at.seconds ?? 0) * 1000 + (at.nanos ?? 0) / 1e6 : 0;
        return now - ms < POLLER_FRESH_MS;
      });
      return { temporal: true, workers };
    } catch {
      return { temporal: false, workers: false };
    }
  };
}
