import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { act, file, waitFor } from '../support/registration-steps';

/** Statutory clocks with short policy durations: the same code paths as working days. */
const s = (amount: number) => ({ amount, unit: 'seconds' });

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    rules: {
      limits: {
        intakeNotice: s(4),
        decision: s(8),
        promised: s(5),
        applicantResponse: s(4),
        reminderLead: s(2),
      },
    },
  });
});
afterAll(async () => {
  await h?.teardown();
});

describe('statutory time limits', () => {
  it('given nobody examines a filing within the intake limit, then it counts as accepted at receipt, and when the decision limits pass the section head is reminded and then alerted', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'community_service');
    const section = await h.login('section');
    const sectionMail = h.user('section').email;

    const deemed = await waitFor(h, section, id, (v) => v.status === 'first_review');
    expect(deemed.deemedAccepted).toBe(true);
    expect(deemed.acceptedAt).toBe(deemed.receivedAt);
    const entry = deemed.trail.find((t) => t.action === 'deemed_accepted');
    expect(entry).toMatchObject({
      actor: { id: null, role: 'system' },
      legalBasis: expect.stringContaining('第三十二条'),
    });
    await h.smtp.waitFor(
      (m) => m.to.includes(h.user('reviewer1').email) && m.subject.includes('即将到期'),
    );
    await h.smtp.waitFor((m) => m.to.includes(applicant.email) && m.subject.includes('视为受理'));

    const overdue = await waitFor(
      h,
      section,
      id,
      (v) => v.trail.some((t) => t.action === 'escalated_statutory'),
      30_000,
    );
    expect(overdue.overdue).toBe(true);
    const actions = overdue.trail.map((t) => t.action);
    expect(actions).toEqual(expect.arrayContaining(['escalated_promised', 'escalated_statutory']));
    expect(actions.filter((a) => a === 'escalated_statutory')).toHaveLength(1);
    await h.smtp.waitFor((m) => m.to.includes(sectionMail) && m.subject.includes('即将到期'));
    await h.smtp.waitFor((m) => m.to.includes(sectionMail) && m.subject.includes('督办'));

    const list = await http(h.baseUrl, section).get('/api/registrations?overdue=true&pageSize=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const work = await http(h.baseUrl, section).get('/api/worklist?pageSize=100');
    expect(work.body.items.find((i: { id: string }) => i.id === id)?.urgency).toBe('overdue');

    // Overdue is a fact to act on, not an end: the file can still be decided.
    const r1 = await h.login('reviewer1');
    expect((await act(h, r1, id, 'approve', { opinion: '逾期办结，拟准予' })).status).toBe(200);
  });

  it('given a file returned for correction, when the applicant does not answer in time, then it lapses as withdrawn and the applicant is told', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'private_non_enterprise', 'public_welfare');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (v) => v.nameCheck !== null);
    // Accepted by the clerk, or deemed accepted if the short intake limit won the race.
    await act(h, r1, id, 'accept');
    await waitFor(h, r1, id, (v) => v.status === 'first_review');
    const item = {
      code: 'X',
      target: 'field:purpose',
      title: '宗旨表述',
      description: '请修改',
      legalBasis: '《民办非企业单位登记管理暂行条例》第十条',
    };
    expect((await act(h, r1, id, 'return', { items: [item], reason: '宗旨需修改' })).status).toBe(
      200,
    );
    const lapsed = await waitFor(h, r1, id, (v) => v.status === 'lapsed', 20_000);
    expect(lapsed.decision?.outcome).toBe('lapsed');
    await h.smtp.waitFor((m) => m.to.includes(applicant.email) && m.subject.includes('已终止'));
    const late = await act(h, applicant.token, id, 'withdraw', { reason: '迟到的撤回' });
    expect(late.status).toBe(409);
  });
});
