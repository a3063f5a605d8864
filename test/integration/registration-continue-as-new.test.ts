import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registrationWorkflowId } from '../../workflows/registration/messages';
import { type Harness, startHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { http } from '../support/http';
import { act, file, waitFor } from '../support/registration-steps';

let h: Harness;
beforeAll(async () => {
  // Low enough that the run below continues as new at least once.
  h = await startHarness({ env: { WORKFLOW_HISTORY_LIMIT: '40' } });
});
afterAll(async () => {
  await h?.teardown();
});

describe('long-lived registrations', () => {
  it('given a workflow whose history passes the limit, then it continues as new with its state, and a decision after that still lands', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'science_technology');
    const r1 = await h.login('reviewer1');
    const handle = h.client.workflow.getHandle(registrationWorkflowId(id));
    await waitFor(h, r1, id, (x) => x.nameCheck !== null);
    const firstRun = (await handle.describe()).runId;
    await act(h, r1, id, 'accept');
    await act(h, await h.login('section'), id, 'assign', { assigneeId: h.user('reviewer1').id });
    await act(h, r1, id, 'expert-review/start', { reason: '论证', expectedWorkingDays: 3 });
    await act(h, r1, id, 'expert-review/end', { summary: '同意' });
    await act(h, r1, id, 'approve', { opinion: '拟准予' });
    const later = (await handle.describe()).runId;
    expect(later).not.toBe(firstRun);
    await recordHistory(h, 'continued-as-new', id, firstRun);
    const done = await act(h, await h.login('reviewer2'), id, 'approve', { opinion: '准予' });
    expect(done.body.status).toBe('approved');
    expect(done.body.trail.map((e: { action: string }) => e.action)).toEqual([
      'filed',
      'accepted',
      'assigned',
      'expert_review_started',
      'expert_review_ended',
      'first_review_approved',
      'approved',
    ]);
    const audit = await http(h.baseUrl, r1).get(`/api/registrations/${id}/audit`);
    expect(audit.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
