import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applicationFor, requiredTypes } from '../support/fixtures';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { act, file, uploadAll, waitFor } from '../support/registration-steps';

/** The optional preparation stage of the 1998 社团条例 text (DOMAIN.md §1.2). */
const s = (amount: number) => ({ amount, unit: 'seconds' });

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    rules: {
      ruleVersion: '1998',
      preparation: {
        enabled: true,
        window: s(10),
        extension: s(3),
        reapplicationBar: { amount: 12, unit: 'months' },
        foundingReview: s(60),
      },
      limits: { reminderLead: s(2) },
    },
  });
});
afterAll(async () => {
  await h?.teardown();
});

describe('preparation stage under the 1998 rule version', () => {
  it('given a social group, when both levels approve, then preparation is approved; the founding application is reviewed again and registered', async () => {
    const applicant = await h.newApplicant();
    const { id, application } = await file(h, applicant, 'social_group', 'industry_association');
    const r1 = await h.login('reviewer1');
    const r2 = await h.login('reviewer2');
    await waitFor(h, r1, id, (v) => v.nameCheck !== null);
    await act(h, r1, id, 'accept');
    await act(h, r1, id, 'approve', { opinion: '拟准予筹备' });
    const prep = await act(h, r2, id, 'approve', { opinion: '准予筹备' });
    expect(prep.body.status).toBe('preparing');
    expect(prep.body.ruleVersion).toBe('1998');
    expect(prep.body.documents.map((d: { kind: string }) => d.kind)).toContain(
      'preparation_approval',
    );

    const founding = await act(h, applicant.token, id, 'founding', {
      application: { ...application, purpose: `${application.purpose}（会员大会已通过章程）` },
    });
    expect(founding.body.status).toBe('first_review');
    expect(founding.body.phase).toBe('founding');
    await act(h, r2, id, 'approve', { opinion: '成立登记初审通过' });
    const done = await act(h, r1, id, 'approve', { opinion: '准予成立登记' });
    expect(done.body.status).toBe('approved');
    expect(done.body.creditCode).toMatch(/^51/);
  });

  it('given preparation that is not completed in time, then it lapses and the founders may not apply again during the bar', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'science_technology');
    const r1 = await h.login('reviewer1');
    const r2 = await h.login('reviewer2');
    await waitFor(h, r1, id, (v) => v.nameCheck !== null);
    await act(h, r1, id, 'accept');
    await act(h, r1, id, 'approve', { opinion: '拟准予筹备' });
    await act(h, r2, id, 'approve', { opinion: '准予筹备' });
    const lapsed = await waitFor(h, r1, id, (v) => v.status === 'lapsed', 25_000);
    expect(lapsed.decision?.reason).toContain('筹备期限届满');
    const org = await h.db.organization.findUniqueOrThrow({
      where: { id: applicant.organizationId },
    });
    expect(org.reapplicationBarredUntil?.getTime()).toBeGreaterThan(
      Date.now() + 300 * 24 * 3600 * 1000,
    );
    const docs = await uploadAll(h, applicant.token, requiredTypes('social_group'));
    const again = applicationFor('social_group', 'science_technology', docs, {
      contactEmail: applicant.email,
    });
    const retry = await http(h.baseUrl, applicant.token).post('/api/registrations', again);
    expect(retry.status).toBe(409);
    expect(retry.body.detail).toContain('不得再次申请');
  });
});
