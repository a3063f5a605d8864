import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/histories';
import { testEnv } from '../support/test-env';

/**
 * Every recorded history (npm run record-histories) replays against today's workflow code.
 * A change to the command sequence without `patched()` makes this fail in CI.
 */

const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(path.join(HISTORIES_DIR, f), 'utf8'));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
});

describe('replay of recorded registration histories', () => {
  it('given the recorded histories, then there is at least one per outcome', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)(
    'given %s, when replayed against the current workflow code, then it replays without nondeterminism',
    async (f) => {
      await Worker.runReplayHistory(
        { workflowBundle: { codePath: testEnv('workflowBundle') } },
        load(f),
        f,
      );
    },
  );

  it('given a workflow changed without patched(), when a recorded history is replayed against it, then replay fails', async () => {
    const altered = await bundleWorkflowCode({
      workflowsPath: require.resolve('./fixtures/altered-workflows'),
      logger: new DefaultLogger('ERROR'),
    });
    const first = files[0];
    if (!first) throw new Error('no recorded histories');
    await expect(
      Worker.runReplayHistory({ workflowBundle: altered }, load(first), first),
    ).rejects.toMatchObject({
      name: 'DeterminismViolationError',
    });
  });
});
