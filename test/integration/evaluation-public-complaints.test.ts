import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { complaintWorkflowId } from '../../workflows/evaluation/complaint-messages';
import {
  createOrganization,
  createPeople,
  recordEvaluationHistory,
  type TestOrganization,
} from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

/**
 * §4.5 rule 8: complaints may come from anyone. The public reads the publicity and the grades in
 * force and files a complaint without an account, leaving a phone number or an e-mail address;
 * the office handles it like any other and the complainant hears the outcome at that address.
 * Real HTTP, PostgreSQL, Temporal and SMTP.
 */

let h: Harness;
let admin: ReturnType<typeof http>;
let org: TestOrganization;
const publicApi = () => http(h.baseUrl, '');
const complainantEmail = `jubao-${randomUUID().slice(0, 8)}@example.cn`;

beforeAll(async () => {
  h = await startHarness();
  admin = http(h.baseUrl, await h.login('admin'));
  const review = await createPeople(h, 'committee_member', 5, '公开复核');
  const committee = await createPeople(h, 'committee_member', 7, '公开评委');
  // A grade outlives its campaign: the district's latest campaign names the review committee.
  await h.db.evaluationCampaign.create({
    data: {
      id: randomUUID(),
      workflowId: `evaluation-campaign-public-${randomUUID()}`,
      districtCode: h.districtCode,
      year: 2025,
      title: '2025年度评估',
      phase: 'closed',
      noticeAt: new Date('2025-03-01T00:00:00Z'),
      windowOpensAt: new Date('2025-03-01T00:00:00Z'),
      windowClosesAt: new Date('2025-04-01T00:00:00Z'),
      committeeIds: committee.map((c) => c.id),
      reviewCommitteeIds: review.map((c) => c.id),
      openedById: h.user('admin').id,
    },
  });
  org = await createOrganization(h, { name: '钟楼区被公众举报协会' });
  await h.db.grade.create({
    data: {
      organizationId: org.id,
      level: 3,
      awardingLevel: 'district',
      awardedOn: new Date('2025-06-01T00:00:00Z'),
      expiresOn: new Date('2030-06-01T00:00:00Z'),
      activeFor: org.id,
      source: 'test',
    },
  });
}, 120_000);

/** Every payload of a history as text (payloads are bytes of JSON). */
function payloadText(x: unknown): string {
  if (x instanceof Uint8Array) return Buffer.from(x).toString('utf8');
  if (Array.isArray(x)) return x.map(payloadText).join('\n');
  if (x && typeof x === 'object') return Object.values(x).map(payloadText).join('\n');
  return typeof x === 'string' ? x : '';
}

afterAll(async () => {
  await h?.teardown();
});

describe('a complaint from anyone, without an account', () => {
  let id: string;

  it('given no sign-in, then the grades in force can be read and a complaint needs a way to reach the complainant', async () => {
    const results = await publicApi().get('/api/public/evaluation/results');
    expect(results.status).toBe(200);
    expect(results.body.grades).toEqual(
      expect.arrayContaining([expect.objectContaining({ organizationId: org.id, level: 3 })]),
    );
    const base = {
      organizationId: org.id,
      content: '该协会在评估中提交的年度活动照片系拼接伪造，实际未开展活动。',
    };
    const noContact = await publicApi().post('/api/public/evaluation/complaints', {
      ...base,
      contact: { name: '李群众' },
    });
    expect(noContact.status).toBe(400);
    expect(JSON.stringify(noContact.body.errors)).toContain('请至少留下联系电话或电子邮箱');
    const badPhone = await publicApi().post('/api/public/evaluation/complaints', {
      ...base,
      contact: { name: '李群众', phone: '12345' },
    });
    expect(badPhone.status).toBe(400);
    expect(JSON.stringify(badPhone.body.errors)).toContain('联系电话应为11位手机号码');
    const vague = await publicApi().post('/api/public/evaluation/complaints', {
      ...base,
      content: '有问题',
      contact: { name: '李群众', email: complainantEmail },
    });
    expect(vague.status).toBe(400);
  });

  it('given a complaint with contact details, then the office reads who and how to reach them, the organisation does not, and the outcome reaches that address', async () => {
    const filed = await publicApi().post('/api/public/evaluation/complaints', {
      organizationId: org.id,
      content: '该协会在评估中提交的年度活动照片系拼接伪造，实际未开展活动。',
      contact: { name: '李群众', phone: '13912345678', email: complainantEmail },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.message).toContain('电子邮箱');
    id = filed.body.id;
    await h.smtp.waitFor(
      (m) => m.to.includes(h.user('section').email) && m.subject.includes('收到举报'),
    );
    const office = await admin.get(`/api/evaluation/complaints/${id}`);
    expect(office.status).toBe(200);
    expect(office.body).toMatchObject({
      channel: 'public',
      complainantId: null,
      contact: { name: '李群众', phone: '13912345678', email: complainantEmail },
    });
    expect(office.body.view).toMatchObject({ status: 'filed' });
    expect((await http(h.baseUrl, org.token).get(`/api/evaluation/complaints/${id}`)).status).toBe(
      404,
    );
    // No personal data in the workflow's history: only the placeholder complainant.
    const history = await h.client.workflow.getHandle(complaintWorkflowId(id)).fetchHistory();
    const text = payloadText(history);
    expect(text).toContain('公众举报人');
    for (const secret of ['13912345678', complainantEmail, '李群众'])
      expect(text).not.toContain(secret);
    const dismissed = await admin.post(`/api/evaluation/complaints/${id}/dismiss`, {
      reason: '经核查，照片为活动现场原始照片，举报不实',
    });
    expect(dismissed.status).toBe(200);
    const mail = await h.smtp.waitFor(
      (m) => m.to.includes(complainantEmail) && m.subject.includes('举报处理结果'),
    );
    expect(mail.subject).toContain(org.name);
    const entry = await h.db.auditEntry.findFirstOrThrow({
      where: { subjectType: 'evaluation_complaint', subjectId: id, action: 'complaint_filed' },
    });
    expect([entry.actorId, entry.actorName, entry.actorRole]).toEqual([
      null,
      '公众举报人',
      'public',
    ]);
    await recordEvaluationHistory(h, 'complaint-public-dismissed', complaintWorkflowId(id));
  });

  it('given many complaints from one address within the hour, then the sixth is refused with Retry-After', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await publicApi().post('/api/public/evaluation/complaints', {
        organizationId: randomUUID(),
        content: '该组织冒用评估等级牌匾对外宣传，请予查处。',
        contact: { name: '王群众', phone: '0519-88881234' },
      });
      answers.push(r.status);
      if (r.status === 429) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        break;
      }
    }
    // One complaint above, then refusals of unknown organisations count too (409) until 429.
    expect(answers).toEqual([409, 409, 409, 409, 429]);
  });
});
