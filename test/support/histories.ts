import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@jest/globals';
import { registrationWorkflowId } from '../../workflows/registration/messages';
import type { Harness } from './harness';
import { testEnv } from './test-env';

export const HISTORIES_DIR = path.resolve(__dirname, '..', 'replay', 'histories');
// biome-ignore lint/style/noProcessEnv: a switch of `npm run record-histories`, not app config.
const RECORD = process.env.MZF_RECORD_HISTORIES === '1';

/**
 * Fetches a run's history and checks it stays far below Temporal's limits (50,000 events);
 * with MZF_RECORD_HISTORIES=1 it is written to test/replay/histories for the replay test.
 */
export async function recordHistory(
  h: Harness,
  name: string,
  registrationId: string,
  runId?: string,
) {
  const handle = h.client.workflow.getHandle(registrationWorkflowId(registrationId), runId);
  const history = await handle.fetchHistory();
  const events = history.events?.length ?? 0;
  expect(events).toBeGreaterThan(5);
  expect(events).toBeLessThan(1000);
  if (RECORD) {
    // The CLI writes the standard proto3 JSON that Worker.runReplayHistory reads back.
    const args = ['workflow', 'show', '--workflow-id', registrationWorkflowId(registrationId)];
    if (runId) args.push('--run-id', runId);
    args.push('--address', testEnv('temporalAddress'), '--output', 'json');
    const { stdout } = await promisify(execFile)(testEnv('temporalCli'), args, {
      maxBuffer: 64 << 20,
    });
    mkdirSync(HISTORIES_DIR, { recursive: true });
    writeFileSync(path.join(HISTORIES_DIR, `registration-${name}.json`), stdout);
  }
  return events;
}
