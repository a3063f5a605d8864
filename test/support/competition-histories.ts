import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@jest/globals';
import type { Harness } from './harness';
import { HISTORIES_DIR } from './histories';

/** Kept apart from the registration histories, whose replay test takes the first file it finds. */
export const COMPETITION_HISTORIES_DIR = path.join(HISTORIES_DIR, 'competition');

import { testEnv } from './test-env';

// biome-ignore lint/style/noProcessEnv: a switch of `npm run record-histories`, not app config.
const RECORD = process.env.MZF_RECORD_HISTORIES === '1';

/** Checks a competition workflow's history stays small; records it for the replay test on request. */
export async function recordCompetitionHistory(h: Harness, name: string, workflowId: string) {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events?.length ?? 0;
  expect(events).toBeGreaterThan(5);
  expect(events).toBeLessThan(1000);
  if (RECORD) {
    const args = [
      'workflow',
      'show',
      '--workflow-id',
      workflowId,
      '--address',
      testEnv('temporalAddress'),
      '--output',
      'json',
    ];
    const { stdout } = await promisify(execFile)(testEnv('temporalCli'), args, {
      maxBuffer: 64 << 20,
    });
    mkdirSync(COMPETITION_HISTORIES_DIR, { recursive: true });
    writeFileSync(path.join(COMPETITION_HISTORIES_DIR, `competition-${name}.json`), stdout);
  }
  return events;
}
