import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { EVALUATION_HISTORIES } from '../support/evaluation-world';
import { testEnv } from '../support/test-env';

/**
 * Every recorded evaluation history (campaign, files, grades, complaints) replays against today's workflow
 * code. Re-record with MZF_RECORD_HISTORIES=1 and the evaluation integration tests.
 */

const files = readdirSync(EVALUATION_HISTORIES).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(path.join(EVALUATION_HISTORIES, f), 'utf8'));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
});

describe('replay of recorded evaluation histories', () => {
  it('given the recorded histories, then campaign, file, grade and complaint workflows are all covered', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'campaign.json',
        'file-objection-upheld.json',
        'file-ineligible.json',
        'file-disqualified.json',
        'file-five-a-without-party.json',
      ]),
    );
    expect(files.some((f) => f.startsWith('complaint-'))).toBe(true);
    expect(files.some((f) => f.startsWith('grade-'))).toBe(true);
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
