import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, type NativeConnection, Worker } from '@temporalio/worker';
import { baselineAcceptUpdate, baselineApproveUpdate } from './baseline-workflows';

export const BASELINE_STEPS = [
  'life',
  'start',
  'accept',
  'approve1',
  'approve2',
  'result',
] as const;
export type BaselineLife = Record<(typeof BASELINE_STEPS)[number], number> & { workflowId: string };

const quiet = () => undefined;
const quietLogger = {
  trace: quiet,
  debug: quiet,
  info: quiet,
  warn: quiet,
  error: console.error,
  log: quiet,
};

/** Its own bundle, worker and task queue on the shared connection; resolves once polling. */
export async function startBaselineWorker(
  connection: NativeConnection,
): Promise<{ taskQueue: string; stop(): Promise<void> }> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./baseline-workflows'),
    logger: quietLogger,
  });
  const taskQueue = `bench-baseline-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({ connection, taskQueue, workflowBundle: { code } });
  const running = worker.run();
  return {
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
    },
  };
}

/** start + 3 × executeUpdate + result, each step timed, with the bare client. */
export async function baselineLife(client: Client, taskQueue: string): Promise<BaselineLife> {
  const t0 = performance.now();
  const handle = await client.workflow.start('baselineWorkflow', {
    taskQueue,
    workflowId: `baseline-${randomUUID()}`,
  });
  const t1 = performance.now();
  await handle.executeUpdate(baselineAcceptUpdate, { args: [{ actorId: 'reviewer1' }] });
  const t2 = performance.now();
  await handle.executeUpdate(baselineApproveUpdate, { args: [{ actorId: 'reviewer1' }] });
  const t3 = performance.now();
  const done = await handle.executeUpdate(baselineApproveUpdate, {
    args: [{ actorId: 'reviewer2' }],
  });
  const t4 = performance.now();
  await handle.result();
  const t5 = performance.now();
  if (done.status !== 'approved') throw new Error(`baseline ended in ${done.status}`);
  return {
    workflowId: handle.workflowId,
    life: t5 - t0,
    start: t1 - t0,
    accept: t2 - t1,
    approve1: t3 - t2,
    approve2: t4 - t3,
    result: t5 - t4,
  };
}
