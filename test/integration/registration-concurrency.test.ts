import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { localDateOf } from '../../domain/calendar';
import type { Category, LegalForm } from '../../domain/organization-types';
import { applicationFor, requiredTypes } from '../support/fixtures';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { act, uploadAll, waitFor } from '../support/registration-steps';

/** Requests that arrive together, as a double click, a retrying proxy or a script would send them. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

async function ready(
  legalForm: LegalForm = 'social_group',
  category: Category = 'science_technology',
) {
  const applicant = await h.newApplicant();
  const docs = await uploadAll(h, applicant.token, requiredTypes(legalForm));
  const application = applicationFor(legalForm, category, docs, { contactEmail: applicant.email });
  return { applicant, application, api: http(h.baseUrl, applicant.token) };
}

const statuses = (rs: { status: number }[]) => {
  const n: Record<number, number> = {};
  for (const r of rs) n[r.status] = (n[r.status] ?? 0) + 1;
  return n;
};

describe('one open application per organisation, under concurrent filings', () => {
  it('given 20 filings of one organisation at once with different keys, then exactly one is created and 19 are refused with the reason', async () => {
    const { application, api, applicant } = await ready();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.post('/api/registrations', application, { 'Idempotency-Key': `burst-key-${i}-abcdef` }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 1, 409: 19 });
    const winner = results.find((r) => r.status === 201)?.body;
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.detail).toContain(`本组织已有办理中的申请（${winner.applicationNo}）`);
    }
    expect(
      await h.db.registration.count({ where: { organizationId: applicant.organizationId } }),
    ).toBe(1);
  });

  it('given 20 filings of one organisation at once without keys, then exactly one is created', async () => {
    const { application, api, applicant } = await ready('foundation', 'public_welfare');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.post('/api/registrations', application)),
    );
    expect(statuses(results)).toEqual({ 201: 1, 409: 19 });
    expect(
      await h.db.registration.count({ where: { organizationId: applicant.organizationId } }),
    ).toBe(1);
  });

  it('given 50 filings with the same key at once, then one is created and 49 answer with it', async () => {
    const { application, api, applicant } = await ready(
      'private_non_enterprise',
      'community_service',
    );
    const key = { 'Idempotency-Key': `same-key-${applicant.organizationId}` };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => api.post('/api/registrations', application, key)),
    );
    expect(statuses(results)).toEqual({ 200: 49, 201: 1 });
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('given the database itself, then a second open application of an organisation cannot be written, and a credit code names one registration', async () => {
    const { applicant } = await ready();
    const row = (n: string) => ({
      id: randomUUID(),
      applicationNo: `ZLDJ-TEST-${n}-${applicant.organizationId.slice(0, 8)}`,
      workflowId: `registration-test-${randomUUID()}`,
      organizationId: applicant.organizationId,
      filedById: h.user('reviewer1').id,
      proposedName: '常州市钟楼区测试约束促进会',
      category: 'science_technology' as const,
      legalForm: 'social_group' as const,
      filedAt: new Date(),
    });
    await h.db.registration.create({ data: { ...row('A'), status: 'first_review' } });
    await expect(
      h.db.registration.create({ data: { ...row('B'), status: 'submitted' } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    // A closed application does not count.
    const closed = await h.db.registration.create({
      data: { ...row('C'), status: 'withdrawn', creditCode: '51320404MJ0000001X' },
    });
    await expect(
      h.db.registration.create({
        data: { ...row('D'), status: 'approved', creditCode: '51320404MJ0000001X' },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(closed.status).toBe('withdrawn');
  });
});

describe('concurrent decisions', () => {
  it('given 20 identical acceptances at once, then one is applied, 19 are refused with 409, and one audit row is written', async () => {
    const { application, api } = await ready();
    const filed = await api.post('/api/registrations', application);
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, (v) => v.nameCheck !== null);
    const results = await Promise.all(Array.from({ length: 20 }, () => act(h, r1, id, 'accept')));
    expect(statuses(results)).toEqual({ 200: 1, 409: 19 });
    const audit = await h.db.auditEntry.count({
      where: { subjectType: 'registration', subjectId: id, action: 'accepted' },
    });
    expect(audit).toBe(1);
  });

  it('given application numbers handed out under these bursts, then they have no gaps and no repeats', async () => {
    const year = localDateOf(Date.now()).slice(0, 4);
    // Other files file at the same time; a number is only missing while its transaction runs.
    for (let attempt = 0; ; attempt++) {
      const rows = await h.db.registration.findMany({
        where: { applicationNo: { startsWith: `ZLDJ-${year}-` } },
        select: { applicationNo: true },
      });
      const numbers = rows.map((r) => Number(r.applicationNo.slice(-5))).sort((a, b) => a - b);
      const gapFree = numbers.every((n, i) => n === i + 1);
      if (gapFree || attempt >= 20) {
        expect(numbers.length).toBeGreaterThan(0);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  });
});
