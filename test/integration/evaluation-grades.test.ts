import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gradeStatus, signalOrganizationProfileChanged } from '../../client/grade-client';
import {
  type GradeInput,
  type GradeView,
  gradeWorkflowId,
  gradeWorkflowType,
} from '../../workflows/evaluation/messages';
import {
  createOrganization,
  evaluationRules,
  recordEvaluationHistory,
  type TestOrganization,
} from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

/**
 * The life of a grade (§4.3 dynamic management) on the real Temporal server: downgrade on
 * inspection and penalty facts with the certificate-return deadline, expiry with its reminder,
 * cancellation by an administrator. Durations are seconds here.
 */

let h: Harness;
let admin: ReturnType<typeof http>;

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, {
    limits: {
      expiryReminderLead: { amount: 4, unit: 'seconds' },
      certificateReturn: { amount: 3, unit: 'seconds' },
    },
  });
  admin = http(h.baseUrl, await h.login('admin'));
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A grade as confirmation leaves it: the row, then its workflow. */
async function awarded(org: TestOrganization, level: number, lifeMs: number) {
  const expiresAt = Date.now() + lifeMs;
  const g = await h.db.grade.create({
    data: {
      organizationId: org.id,
      level,
      awardingLevel: 'district',
      awardedOn: new Date(`${today()}T00:00:00Z`),
      expiresOn: new Date(
        `${new Date(expiresAt + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`,
      ),
      activeFor: org.id,
      source: 'test',
      sourceId: randomUUID(),
    },
  });
  const input: GradeInput = {
    organizationId: org.id,
    grade: {
      id: g.id,
      level,
      awardedOn: today(),
      expiresOn: g.expiresOn.toISOString().slice(0, 10),
      expiresAt,
      hasCertificate: level >= 3,
    },
  };
  await h.client.workflow.start(gradeWorkflowType, {
    taskQueue: h.config.TEMPORAL_TASK_QUEUE,
    workflowId: gradeWorkflowId(org.id),
    args: [input],
  });
  return g.id;
}

async function waitGrade(
  org: TestOrganization,
  until: (v: GradeView) => boolean,
  timeoutMs = 20_000,
) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await gradeStatus(h.client, org.id);
    if (v && until(v)) return v;
    if (Date.now() > end) throw new Error(`grade of ${org.id}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the life of a grade', () => {
  it("given a grade awarded this year, when last year's failed inspection is recorded through the API, then the grade drops one level", async () => {
    const lastYear = Number(today().slice(0, 4)) - 1;
    const org = await createOrganization(h, {
      name: '钟楼区迟报年检协会',
      inspections: [[lastYear - 1, 'pass']],
    });
    const first = await awarded(org, 3, 3_600_000);
    await waitGrade(org, (v) => v.grade?.id === first);
    const r = await admin.put(`/api/admin/organizations/${org.id}/inspections/${lastYear}`, {
      result: 'fail',
      reason: '年检结论晚于评估等级确认',
    });
    expect(r.status).toBe(200);
    const v = await waitGrade(org, (x) => x.grade?.level === 2);
    expect(v.handledTriggers).toEqual([`inspection-fail:${lastYear}`]);
    const old = await h.db.grade.findUniqueOrThrow({ where: { id: first } });
    expect([old.status, old.endReason]).toEqual(['downgraded', `${lastYear}年度年检不合格`]);
    await recordEvaluationHistory(h, 'grade-downgraded-late-inspection', gradeWorkflowId(org.id));
  });

  it('given a failed inspection, then the grade drops one level with the same expiry, and an unreturned certificate is voided', async () => {
    const org = await createOrganization(h, { name: '钟楼区降级协会' });
    const first = await awarded(org, 3, 3_600_000);
    await waitGrade(org, (v) => v.grade?.id === first);
    await h.db.annualInspection.create({
      data: { organizationId: org.id, year: 2026, result: 'fail' },
    });
    expect(await signalOrganizationProfileChanged(h.client, org.id)).toBe(true);
    const v = await waitGrade(org, (x) => x.grade?.level === 2);
    expect(v.handledTriggers).toEqual(['inspection-fail:2026']);
    const rows = await h.db.grade.findMany({
      where: { organizationId: org.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows.map((r) => [r.level, r.status])).toEqual([
      [3, 'downgraded'],
      [2, 'active'],
    ]);
    expect(rows[1]?.expiresOn).toEqual(rows[0]?.expiresOn);
    expect(rows[0]?.endReason).toBe('2026年度年检不合格');
    await h.smtp.waitFor((m) => m.to.includes(org.email) && m.subject.includes('评估等级降级'));
    // Nobody returned the certificate within the (test) 3 seconds: it is voided by announcement.
    // The view says so as soon as the deadline's transition is applied; its announcement is the
    // effect that follows it, so the test waits for the row rather than reading it at once.
    await waitGrade(org, (x) => x.certificateVoided);
    const voids = () =>
      h.db.announcement.count({ where: { subjectId: first, kind: 'evaluation_certificate_void' } });
    for (const end = Date.now() + 20_000; (await voids()) === 0 && Date.now() < end; )
      await new Promise((r) => setTimeout(r, 200));
    expect(await voids()).toBe(1);

    // The same fact again changes nothing; a new penalty takes it down once more.
    await signalOrganizationProfileChanged(h.client, org.id);
    await h.db.penalty.create({
      data: {
        organizationId: org.id,
        decisionNo: `钟民罚〔2026〕${org.id.slice(0, 4)}号`,
        kind: '警告',
        decidedOn: new Date(`${today()}T00:00:00Z`),
      },
    });
    await signalOrganizationProfileChanged(h.client, org.id);
    await waitGrade(org, (x) => x.grade?.level === 1);
    expect(await h.db.grade.count({ where: { organizationId: org.id } })).toBe(3);
    await recordEvaluationHistory(h, 'grade-downgraded', gradeWorkflowId(org.id));
  });

  it('given the certificate returned in time, then nothing is voided', async () => {
    const org = await createOrganization(h, { name: '钟楼区交回协会' });
    const first = await awarded(org, 4, 3_600_000);
    await waitGrade(org, (v) => v.grade?.id === first);
    await h.db.annualInspection.createMany({
      data: [
        { organizationId: org.id, year: 2026, result: 'basic_pass' },
        { organizationId: org.id, year: 2027, result: 'basic_pass' },
      ],
    });
    await signalOrganizationProfileChanged(h.client, org.id);
    await waitGrade(org, (x) => x.grade?.level === 3 && x.certificateDue !== null);
    const applicant = http(h.baseUrl, org.token);
    // The page offers what the grade's workflow would accept now, and only to the administrator.
    const offers = async (who: typeof admin) =>
      (await who.get(`/api/evaluation/organizations/${org.id}/grade`)).body.allowedActions;
    expect(await offers(admin)).toEqual(['cancelGrade', 'certificateReturned']);
    expect(await offers(applicant)).toEqual([]);
    expect(
      (await applicant.post(`/api/evaluation/organizations/${org.id}/grade/certificate-returned`))
        .status,
    ).toBe(403);
    const r = await admin.post(
      `/api/evaluation/organizations/${org.id}/grade/certificate-returned`,
    );
    expect(r.status).toBe(200);
    expect(r.body.certificateDue).toBeNull();
    expect(await offers(admin)).toEqual(['cancelGrade']);
    await new Promise((res) => setTimeout(res, 4000));
    const v = await waitGrade(org, () => true);
    expect(v.certificateVoided).toBe(false);
    expect(
      (await admin.post(`/api/evaluation/organizations/${org.id}/grade/certificate-returned`))
        .status,
    ).toBe(409);
  });

  it('given a grade reaching its expiry, then a reminder goes out first and the grade then expires', async () => {
    const org = await createOrganization(h, { name: '钟楼区到期协会' });
    const id = await awarded(org, 2, 7_000);
    await h.smtp.waitFor((m) => m.to.includes(org.email) && m.subject.includes('即将到期'), 10_000);
    expect((await h.db.grade.findUniqueOrThrow({ where: { id } })).status).toBe('active');
    await h.smtp.waitFor((m) => m.to.includes(org.email) && m.subject.includes('已到期'), 15_000);
    const row = await h.db.grade.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.activeFor, row.endReason]).toEqual(['expired', null, '有效期届满']);
    const v = await waitGrade(org, (x) => x.status === 'expired');
    expect(v.grade).toBeNull();
  });

  it('given an administrator cancelling with a reason, then the grade is cancelled; others may not', async () => {
    const org = await createOrganization(h, { name: '钟楼区取消协会' });
    const id = await awarded(org, 3, 3_600_000);
    await waitGrade(org, (v) => v.grade?.id === id);
    const applicant = http(h.baseUrl, org.token);
    expect(
      (
        await applicant.post(`/api/evaluation/organizations/${org.id}/grade/cancel`, {
          reason: '自行取消',
        })
      ).status,
    ).toBe(403);
    expect(
      (await admin.post(`/api/evaluation/organizations/${org.id}/grade/cancel`, { reason: '' }))
        .status,
    ).toBe(400);
    const r = await admin.post(`/api/evaluation/organizations/${org.id}/grade/cancel`, {
      reason: '出借评估等级证书',
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('cancelled');
    const row = await h.db.grade.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.endReason]).toEqual(['cancelled', '出借评估等级证书']);
    const mine = await applicant.get(`/api/evaluation/organizations/${org.id}/grade`);
    expect(mine.status).toBe(200);
    const other = await createOrganization(h, { name: '钟楼区旁观协会' });
    expect(
      (await http(h.baseUrl, other.token).get(`/api/evaluation/organizations/${org.id}/grade`))
        .status,
    ).toBe(404);
    expect(await signalOrganizationProfileChanged(h.client, other.id)).toBe(false);
  });
});
