import { describe, expect, it, jest } from '@jest/globals';
import { type WorkflowHandle, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { TemporalTimeoutError } from '../../client/bounded';
import { executeUpdate } from '../../client/execute-update';

const def = defineUpdate<string, [{ n: number }]>('anything');
const taskFailed = () =>
  Object.assign(new Error('Workflow Update failed'), {
    cause: {
      code: 9,
      details: 'Unable to perform workflow execution update due to Workflow Task in failed state.',
    },
  });
/** What the SDK throws when the call's own deadline passes (gRPC CANCELLED). */
const deadlinePassed = () =>
  new WorkflowUpdateRPCTimeoutOrCancelledError('Call cancelled', {
    cause: Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1, details: '' }),
  });

/** A handle whose executeUpdate answers from a script and records the update ids it was given. */
function scripted(answers: (() => unknown)[]) {
  const ids: string[] = [];
  const deadlines: number[] = [];
  const handle = {
    client: {
      withDeadline<R>(deadline: number, fn: () => Promise<R>) {
        deadlines.push(deadline);
        return fn();
      },
    },
    async executeUpdate(_def: unknown, opts: { updateId: string }) {
      ids.push(opts.updateId);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    },
  } as unknown as WorkflowHandle;
  return { handle, ids, deadlines };
}

const bound = { timeoutMs: 10_000 };

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
    await expect(executeUpdate(handle, def, { n: 1 }, { ...bound, updateId: 'u-1' })).resolves.toBe(
      'done',
    );
    expect(ids).toEqual(['u-1', 'u-1', 'u-1']);
  });

  it("given the server's long poll ended early, when it is sent again with the same id, then its outcome is returned", async () => {
    const { handle, ids } = scripted([
      () => {
        throw new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded', {
          cause: new Error('4 DEADLINE_EXCEEDED'),
        });
      },
      () => 'collected',
    ]);
    await expect(executeUpdate(handle, def, { n: 1 }, { ...bound, updateId: 'u-2' })).resolves.toBe(
      'collected',
    );
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
    await expect(executeUpdate(handle, def, { n: 1 }, bound)).rejects.toBe(refusal);
    expect(ids).toHaveLength(1);
  });

  it('given every gRPC call, then it carries the deadline of the bound', async () => {
    const { handle, deadlines } = scripted([() => 'ok']);
    const before = Date.now();
    await executeUpdate(handle, def, { n: 1 }, bound);
    expect(deadlines[0]).toBeGreaterThanOrEqual(before + 10_000);
    expect(deadlines[0]).toBeLessThan(before + 11_000);
  });

  it('given the task keeps failing, when the bound passes, then the caller gets a timeout whose outcome is unknown', async () => {
    const { handle, ids } = scripted(
      Array.from({ length: 100 }, () => () => {
        throw taskFailed();
      }),
    );
    jest.useFakeTimers();
    try {
      const outcome = executeUpdate(handle, def, { n: 1 }, bound).catch((e: Error) => e);
      await jest.advanceTimersByTimeAsync(11_000);
      const err = await outcome;
      expect(err).toBeInstanceOf(TemporalTimeoutError);
      expect(err).toMatchObject({ waitedMs: 10_000, outcomeUnknown: true });
    } finally {
      jest.useRealTimers();
    }
    expect(new Set(ids).size).toBe(1);
  });

  it('given no worker answers, when the SDK call outlives the bound, then the caller gets the timeout at the bound, not later', async () => {
    const { handle } = scripted([() => new Promise(() => undefined)]);
    jest.useFakeTimers();
    try {
      let settled = false;
      const outcome = executeUpdate(handle, def, { n: 1 }, bound)
        .catch((e: Error) => e)
        .finally(() => {
          settled = true;
        });
      await jest.advanceTimersByTimeAsync(9_900);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1_000);
      await expect(outcome).resolves.toBeInstanceOf(TemporalTimeoutError);
    } finally {
      jest.useRealTimers();
    }
  });

  it("given the SDK reports the call's own deadline, then that is the bound's timeout", async () => {
    const { handle, ids } = scripted([
      () => {
        throw deadlinePassed();
      },
      () => 'never',
    ]);
    jest.useFakeTimers({ now: Date.now() });
    try {
      const outcome = executeUpdate(handle, def, { n: 1 }, { timeoutMs: 300 }).catch(
        (e: Error) => e,
      );
      await jest.advanceTimersByTimeAsync(1_000);
      await expect(outcome).resolves.toBeInstanceOf(TemporalTimeoutError);
    } finally {
      jest.useRealTimers();
    }
    expect(ids).toHaveLength(1);
  });
});
