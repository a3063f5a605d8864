import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPeople } from '../support/evaluation-world';
import { applicationFor, requiredTypes } from '../support/fixtures';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { act, uploadAll, waitFor } from '../support/registration-steps';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

describe('filing is idempotent', () => {
  it('given the same Idempotency-Key twice, then one registration exists; the key reused for another application is refused', async () => {
    const applicant = await h.newApplicant();
    const docs = await uploadAll(h, applicant.token, requiredTypes('private_non_enterprise'));
    const application = applicationFor('private_non_enterprise', 'community_service', docs, {
      contactEmail: applicant.email,
    });
    const api = http(h.baseUrl, applicant.token);
    const key = { 'Idempotency-Key': `retry-${Date.now()}-abcdef` };
    const [first, second] = await Promise.all([
      api.post('/api/registrations', application, key),
      api.post('/api/registrations', application, key),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    const mine = await api.get('/api/registrations?pageSize=100');
    expect(mine.body.total).toBe(1);
    const other = await api.post(
      '/api/registrations',
      { ...application, purpose: '另一份申请' },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.detail).toContain('Idempotency-Key');
    const twice = await api.post('/api/registrations', {
      ...application,
      name: `${application.name.slice(0, -4)}第二服务中心`,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('办理中的申请');
  });
});

describe('the holiday calendar is data an administrator loads', () => {
  it('given a decision deadline that runs into a year not loaded, when the administrator loads that year, then the running workflow recomputes it and it is no longer provisional', async () => {
    const applicant = await h.newApplicant();
    const docs = await uploadAll(h, applicant.token, requiredTypes('social_group'));
    const filed = await http(h.baseUrl, applicant.token).post(
      '/api/registrations',
      applicationFor('social_group', 'community_service', docs, { contactEmail: applicant.email }),
    );
    const id = filed.body.id as string;
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (v) => v.nameCheck !== null);
    const accepted = await act(h, r1, id, 'accept');
    const before = accepted.body.deadlines.find((d: { kind: string }) => d.kind === 'decision');
    // 60 working days end in a year whose calendar is not loaded (only 2026 is seeded).
    expect(before.provisional).toBe(true);
    const missing: number = before.missingYears[0];
    expect(missing).toBeGreaterThan(2026);
    expect(accepted.body.warnings.join()).toContain(`${missing}年节假日安排尚未载入`);

    const admin = await h.login('admin');
    // A test calendar, not an official one: the first two full weeks of January off.
    const daysOff = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(missing, 0, 4 + i)))
      .filter((d) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6)
      .map((d) => d.toISOString().slice(0, 10));
    const year = { year: missing, daysOff, makeupWorkdays: [], source: 'integration test' };
    const refused = await http(h.baseUrl, r1).put(`/api/admin/holiday-calendars/${missing}`, year);
    expect(refused.status).toBe(403);
    const loaded = await http(h.baseUrl, admin).put(
      `/api/admin/holiday-calendars/${missing}`,
      year,
    );
    expect(loaded.status).toBe(200);
    expect(loaded.body.recalculated).toBeGreaterThanOrEqual(1);

    const after = await waitFor(h, r1, id, (v) =>
      v.deadlines.some((d) => d.kind === 'decision' && !d.provisional),
    );
    const due = after.deadlines.find((d) => d.kind === 'decision');
    expect(new Date(due?.dueAt ?? 0).getTime()).toBeGreaterThan(new Date(before.dueAt).getTime());
  });

  it('given a calendar whose make-up day is a Wednesday, when loaded, then it is refused with the reason', async () => {
    const admin = await h.login('admin');
    const bad = await http(h.baseUrl, admin).put('/api/admin/holiday-calendars/2028', {
      year: 2028,
      daysOff: ['2028-01-03'],
      makeupWorkdays: ['2028-01-05'],
      source: 'x',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('makeupWorkdays');
  });
});

describe('rule sets are versioned', () => {
  it('given a new district rule version, when it names an unknown setting or an existing version, then it is refused; a valid one is stored', async () => {
    const admin = await h.login('admin');
    const api = http(h.baseUrl, admin);
    const base = {
      process: 'registration',
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
    };
    const typo = await api.post('/api/admin/rule-sets', {
      ...base,
      version: `typo-${h.districtCode}`,
      settings: { limits: { decisionn: 1 } },
    });
    expect(typo.status).toBe(422);
    expect(JSON.stringify(typo.body.errors)).toContain('limits.decisionn');
    const ok = await api.post('/api/admin/rule-sets', {
      ...base,
      version: `promise-20-${h.districtCode}`,
      settings: { limits: { promised: { amount: 20, unit: 'workingDays' } } },
    });
    expect(ok.status).toBe(201);
    const again = await api.post('/api/admin/rule-sets', {
      ...base,
      version: `promise-20-${h.districtCode}`,
      settings: {},
    });
    expect(again.status).toBe(409);
  });
});

describe('every process is configured through the same versioned rule sets', () => {
  it('given an evaluation rule version added through the API, then it is in force the same day and the campaign follows it', async () => {
    const api = http(h.baseUrl, await h.login('admin'));
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const r = await api.post('/api/admin/rule-sets', {
      process: 'evaluation',
      version: `committee-9-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: today,
      settings: {
        committee: { minMembers: 9 },
        experts: { perFile: 5 },
        thresholds: [
          { level: 5, min: 960 },
          { level: 4, min: 910 },
          { level: 3, min: 860 },
          { level: 2, min: 810 },
          { level: 1, min: 0 },
        ],
        limits: { publicity: { amount: 10, unit: 'calendarDays' } },
      },
      note: '评估委员会不少于9人；每个评估事项5名专家',
    });
    expect(r.status).toBe(201);
    const policy = await api.get('/api/policy/evaluation');
    expect(policy.status).toBe(200);
    expect(policy.body.ruleSet.version).toContain(`committee-9-${h.districtCode}`);
    expect(policy.body.policy).toMatchObject({
      committee: { minMembers: 9 },
      experts: { perFile: 5 },
      scoring: { aggregation: 'mean' },
      limits: { publicity: { amount: 10, unit: 'calendarDays' } },
    });
    const members = await createPeople(h, 'committee_member', 12, '规则委员');
    const open = await api.post('/api/evaluation/campaigns', {
      year: 2040,
      title: '委员人数按新规则',
      windowOpensAt: new Date(Date.now() - 1000).toISOString(),
      windowClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      committeeIds: members.slice(0, 7).map((m) => m.id),
      reviewCommitteeIds: members.slice(7).map((m) => m.id),
    });
    expect(open.status).toBe(422);
    expect(JSON.stringify(open.body.errors)).toContain('9');
  });

  it('given settings that did nothing (certificate delivery, evaluation eligibility limit), then a new version naming them is refused as unknown', async () => {
    const api = http(h.baseUrl, await h.login('admin'));
    const base = { jurisdiction: h.districtCode, effectiveFrom: '2026-01-01' };
    const registration = await api.post('/api/admin/rule-sets', {
      ...base,
      process: 'registration',
      version: `cert-${h.districtCode}`,
      settings: { limits: { certificateDelivery: { amount: 10, unit: 'workingDays' } } },
    });
    expect(registration.status).toBe(422);
    expect(JSON.stringify(registration.body.errors)).toContain('limits.certificateDelivery');
    const evaluation = await api.post('/api/admin/rule-sets', {
      ...base,
      process: 'evaluation',
      version: `elig-${h.districtCode}`,
      settings: { limits: { eligibility: { amount: 10, unit: 'workingDays' } } },
    });
    expect(evaluation.status).toBe(422);
    expect(JSON.stringify(evaluation.body.errors)).toContain('limits.eligibility');
  });
});
