import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { PURCHASE_HISTORIES_DIR } from '../support/purchase-steps';
import { testEnv } from '../support/test-env';

/**
 * Recorded purchase histories (MZF_RECORD_HISTORIES=1 on test/integration/purchase-*.test.ts)
 * replay against today's workflow code: a change to the command sequence without `patched()`
 * fails here.
 */

const files = readdirSync(PURCHASE_HISTORIES_DIR).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(path.join(PURCHASE_HISTORIES_DIR, f), 'utf8'));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
});

describe('replay of recorded purchase histories', () => {
  it('given the recorded histories, then there is a closed and a terminated project', () => {
    expect(files).toEqual(
      expect.arrayContaining(['purchase-closed.json', 'purchase-terminated.json']),
    );
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
});
