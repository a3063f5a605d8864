import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { act, file, upload, waitFor } from '../support/registration-steps';

/**
 * Representative runs of the registration workflow. With MZF_RECORD_HISTORIES=1
 * (`npm run record-histories`) their histories are written to test/replay/histories, which
 * test/replay replays on every CI run: a change that breaks running workflows fails there.
 */

const s = (amount: number) => ({ amount, unit: 'seconds' });

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    rules: { extension: { allowed: true }, limits: { intakeNotice: s(10), reminderLead: s(1) } },
  });
});
afterAll(async () => {
  await h?.teardown();
});

describe('registration histories for replay', () => {
  it('given a notice, a resubmission, a return, an extension and two approvals, then the workflow completes', async () => {
    const applicant = await h.newApplicant();
    const { id, application } = await file(h, applicant, 'social_group', 'industry_association', {
      omit: ['member_list'],
    });
    const r1 = await h.login('reviewer1');
    const r2 = await h.login('reviewer2');
    const v = await waitFor(h, r1, id, (x) => x.nameCheck !== null);
    await act(h, r1, id, 'deficiency-notice', { items: v.findings });
    const doc = await upload(h, applicant.token, 'member_list');
    await act(h, applicant.token, id, 'resubmit', {
      application: { ...application, documents: [...application.documents, doc] },
    });
    await act(h, r1, id, 'accept');
    const item = {
      code: 'X',
      target: 'field:purpose',
      title: '宗旨',
      description: '请修改',
      legalBasis: '《社会团体登记管理条例》第十四条',
    };
    await act(h, r1, id, 'return', { items: [item], reason: '宗旨需修改' });
    await act(h, applicant.token, id, 'resubmit', {
      application: {
        ...application,
        documents: [...application.documents, doc],
        purpose: '服务行业发展。',
      },
    });
    await act(h, r1, id, 'extension-request', { reason: '需征求行业主管部门意见' });
    await act(h, await h.login('director'), id, 'extension-decision', {
      approve: true,
      reason: '同意',
    });
    await act(h, r1, id, 'approve', { opinion: '拟准予' });
    expect((await act(h, r2, id, 'approve', { opinion: '准予' })).body.status).toBe('approved');
    await recordHistory(h, 'approved-after-corrections', id);
  });

  it('given a refusal at two levels, then the workflow completes rejected', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'foundation', 'public_welfare');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (x) => x.nameCheck !== null);
    await act(h, r1, id, 'accept');
    await act(h, r1, id, 'reject', { grounds: ['fraud'], reason: '验资报告系伪造' });
    expect(
      (
        await act(h, await h.login('reviewer2'), id, 'reject', {
          grounds: ['fraud'],
          reason: '经核实验资报告系伪造',
        })
      ).body.status,
    ).toBe('rejected');
    await recordHistory(h, 'rejected', id);
  });

  it('given a filing nobody examines in time, then it is deemed accepted by the timer, and later withdrawn', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'private_non_enterprise', 'community_service');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (x) => x.deemedAccepted, 20_000);
    expect(
      (await act(h, applicant.token, id, 'withdraw', { reason: '不再设立' })).body.status,
    ).toBe('withdrawn');
    await recordHistory(h, 'deemed-then-withdrawn', id);
  });
});
