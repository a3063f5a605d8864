import { describe, expect, it, jest } from '@jest/globals';
import { type WorkflowHandle, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { executeUpdate } from '../../client/execute-update';

const def = defineUpdate<string, [{ n: number }]>('anything');
const taskFailed = () =>
  Object.assign(new Error('Workflow Update failed'), {
    cause: {
      code: 9,
      details: 'Unable to perform workflow execution update due to Workflow Task in failed state.',
    },
  });

/** A handle whose executeUpdate answers from a script and records the update ids it was given. */
function scripted(answers: (() => unknown)[]) {
  const ids: string[] = [];
  const handle = {
    async executeUpdate(_def: unknown, opts: { updateId: string }) {
      ids.push(opts.updateId);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    },
  } as unknown as WorkflowHandle;
  return { handle, ids };
}

describe('executeUpdate', () => {
  it('given the workflow task is being retried, when the update is refused twice, then it is sent again with the same id and its result returned', async () => {
    const { handle, ids } = scripted([
      () => {
        throw taskFailed();
      },
      () => {
        throw taskFailed();
      },
      () => 'done',
    ]);
    await expect(executeUpdate(handle, def, { n: 1 }, 'u-1')).resolves.toBe('done');
    expect(ids).toEqual(['u-1', 'u-1', 'u-1']);
  });

  it('given the long poll ended before the update completed, when it is sent again with the same id, then its outcome is returned', async () => {
    const { handle, ids } = scripted([
      () => {
        throw new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded', {
          cause: new Error('4 DEADLINE_EXCEEDED'),
        });
      },
      () => 'collected',
    ]);
    await expect(executeUpdate(handle, def, { n: 1 }, 'u-2')).resolves.toBe('collected');
    expect(ids).toEqual(['u-2', 'u-2']);
  });

  it('given any other error, when the update fails, then it is not retried', async () => {
    const refusal = new Error('本轮项目征集已经截止');
    const { handle, ids } = scripted([
      () => {
        throw refusal;
      },
      () => 'never',
    ]);
    await expect(executeUpdate(handle, def, { n: 1 })).rejects.toBe(refusal);
    expect(ids).toHaveLength(1);
  });

  it('given the task keeps failing, when the attempts run out, then the last error is thrown', async () => {
    const { handle, ids } = scripted(
      Array.from({ length: 8 }, () => () => {
        throw taskFailed();
      }),
    );
    jest.useFakeTimers();
    try {
      const outcome = executeUpdate(handle, def, { n: 1 }).catch((e: Error) => e);
      await jest.advanceTimersByTimeAsync(60_000);
      await expect(outcome).resolves.toHaveProperty('message', 'Workflow Update failed');
    } finally {
      jest.useRealTimers();
    }
    expect(ids).toHaveLength(8);
  });

  it('given long polls that each end after 25 s, when a minute has passed, then the caller gets the error instead of waiting on', async () => {
    const timeout = () =>
      new Promise((_, reject) =>
        setTimeout(
          () =>
            reject(
              new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded', {
                cause: new Error('4 DEADLINE_EXCEEDED'),
              }),
            ),
          25_000,
        ),
      );
    const { handle, ids } = scripted(Array.from({ length: 8 }, () => timeout));
    jest.useFakeTimers();
    try {
      const outcome = executeUpdate(handle, def, { n: 1 }).catch((e: Error) => e);
      await jest.advanceTimersByTimeAsync(300_000);
      await expect(outcome).resolves.toBeInstanceOf(WorkflowUpdateRPCTimeoutOrCancelledError);
    } finally {
      jest.useRealTimers();
    }
    expect(ids).toHaveLength(3);
  });
});
