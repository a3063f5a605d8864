import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { act, file, upload, view, waitFor } from '../support/registration-steps';

let h: Harness;
beforeAll(async () => {
  // This file's district allows the 20+10 extension, as a local rule set may.
  h = await startHarness({ rules: { extension: { allowed: true } } });
});
afterAll(async () => {
  await h?.teardown();
});

const ready = (v: { nameCheck: unknown }) => v.nameCheck !== null;

describe('the one-time deficiency notice and resubmission', () => {
  it('given an application without its charter and capital proof, when the clerk leaves an item out of the notice, then the notice is refused; a complete notice is accepted, and a second notice may only raise what the resubmission changed', async () => {
    const applicant = await h.newApplicant();
    const { id, application } = await file(h, applicant, 'social_group', 'industry_association', {
      omit: ['charter_draft', 'capital_verification'],
    });
    const r1 = await h.login('reviewer1');
    const v0 = await waitFor(h, r1, id, ready);
    expect(v0.findings.map((f) => f.target).sort()).toEqual([
      'document:capital_verification',
      'document:charter_draft',
    ]);

    const refusedAccept = await act(h, r1, id, 'accept');
    expect(refusedAccept.status).toBe(409);
    expect(refusedAccept.body.detail).toContain('章程草案');

    const partial = await act(h, r1, id, 'deficiency-notice', { items: [v0.findings[0]] });
    expect(partial.status).toBe(409);
    expect(partial.body.type).toBe('/problems/conflict');
    expect(partial.body.detail).toContain('一次性告知');

    const notice = await act(h, r1, id, 'deficiency-notice', {
      items: v0.findings,
      note: '请补齐材料',
    });
    expect(notice.status).toBe(200);
    expect(notice.body.status).toBe('correction_required');
    expect(notice.body.documents.map((d: { kind: string }) => d.kind)).toContain(
      'deficiency_notice',
    );
    const mail = await h.smtp.waitFor(
      (m) => m.to.includes(applicant.email) && m.subject.includes('补正通知'),
    );
    expect(mail.raw).toContain('application/pdf');

    // The applicant adds the two documents and, carelessly, changes the domicile.
    const added = [
      await upload(h, applicant.token, 'charter_draft'),
      await upload(h, applicant.token, 'capital_verification'),
    ];
    const corrected = {
      ...application,
      domicile: '常州市钟楼区新的住所1号',
      documents: [...application.documents, ...added],
    };
    const resub = await act(h, applicant.token, id, 'resubmit', { application: corrected });
    expect(resub.status).toBe(200);
    expect(resub.body.status).toBe('submitted');

    const unrelated = {
      code: 'FUNDS_TOO_LOW',
      target: 'field:funds',
      title: '资金数额存疑',
      description: '请说明资金来源',
      legalBasis: '《社会团体登记管理条例》第十条',
    };
    const second = await act(h, r1, id, 'deficiency-notice', { items: [unrelated] });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain('只能针对本次补正');

    const introduced = {
      ...unrelated,
      code: 'DOMICILE',
      target: 'field:domicile',
      title: '住所变更未附证明',
    };
    const allowed = await act(h, r1, id, 'deficiency-notice', { items: [introduced] });
    expect(allowed.status).toBe(200);
    expect(allowed.body.notices).toHaveLength(2);
  });
});

describe('review decisions', () => {
  it('given a file returned for correction, when the applicant resubmits, then review resumes at the same level with the pause recorded', async () => {
    const applicant = await h.newApplicant();
    const { id, application } = await file(
      h,
      applicant,
      'private_non_enterprise',
      'science_technology',
    );
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, ready);
    expect((await act(h, r1, id, 'accept')).status).toBe(200);
    const item = {
      code: 'SCOPE',
      target: 'field:businessScope',
      title: '业务范围表述不清',
      description: '请按规范表述业务范围',
      legalBasis: '《民办非企业单位登记管理暂行条例》第十条',
    };
    const returned = await act(h, r1, id, 'return', { items: [item], reason: '业务范围需规范' });
    expect(returned.body.status).toBe('returned');
    expect(returned.body.deadlines.find((d: { kind: string }) => d.kind === 'decision').state).toBe(
      'paused',
    );

    const back = await act(h, applicant.token, id, 'resubmit', {
      application: { ...application, businessScope: '科技咨询、技术培训、学术交流。' },
    });
    expect(back.body.status).toBe('first_review');
    expect(back.body.pauses).toHaveLength(1);
    expect(back.body.pauses[0].to).not.toBeNull();
    expect(back.body.deadlines.find((d: { kind: string }) => d.kind === 'decision').state).toBe(
      'running',
    );
  });

  it('given a first-level recommendation to refuse, when a second reviewer confirms it, then a written decision with grounds and remedies is issued', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'public_welfare');
    const r1 = await h.login('reviewer1');
    const r2 = await h.login('reviewer2');
    await waitFor(h, r1, id, ready);
    await act(h, r1, id, 'accept');
    const dup = await act(h, r1, id, 'reject', {
      grounds: ['unnecessary_duplicate'],
      reason: '已有同类组织',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toContain('一业多会');

    const first = await act(h, r1, id, 'reject', {
      grounds: ['unlawful_purpose'],
      reason: '业务范围含营利性经营活动',
    });
    expect(first.body.status).toBe('second_review');
    expect(first.body.recommendation.outcome).toBe('reject');
    const final = await act(h, r2, id, 'reject', {
      grounds: ['unlawful_purpose'],
      reason: '业务范围含营利性经营活动，不符合条例第四条',
    });
    expect(final.body.status).toBe('rejected');
    expect(final.body.decision.legalBasis).toContain('第十三条第（一）项');
    const decision = final.body.documents.find(
      (d: { kind: string }) => d.kind === 'rejection_decision',
    );
    const pdf = await http(h.baseUrl, applicant.token).get(
      `/api/registrations/${id}/files/${decision.fileId}`,
    );
    expect(pdf.status).toBe(200);
    const mail = await h.smtp.waitFor(
      (m) => m.to.includes(applicant.email) && m.subject.includes('不予登记'),
    );
    expect(mail.raw).toContain('application/pdf');
  });

  it('given an application under review, when the applicant withdraws it, then it ends and cannot be acted on any more', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'foundation', 'public_welfare');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, ready);
    await act(h, r1, id, 'accept');
    const w = await act(h, applicant.token, id, 'withdraw', { reason: '发起人决定暂缓设立' });
    expect(w.body.status).toBe('withdrawn');
    const late = await act(h, r1, id, 'approve', { opinion: '同意' });
    expect(late.status).toBe(409);
    const again = await act(h, applicant.token, id, 'withdraw', { reason: '再次撤回' });
    expect(again.status).toBe(409);
  });
});

describe('four eyes, roles and objects', () => {
  it('given a file approved at first level, when the same reviewer tries the second level, then 409 says why, and a different reviewer may approve', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'community_service');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, ready);
    await act(h, r1, id, 'accept');
    await act(h, r1, id, 'approve', { opinion: '拟准予' });
    const own = await act(h, r1, id, 'approve', { opinion: '同意' });
    expect(own.status).toBe(409);
    expect(own.body.detail).toContain('初审以外');
    const claim = await act(h, r1, id, 'claim');
    expect(claim.status).toBe(409);
    const section = await h.login('section');
    const assignBack = await act(h, section, id, 'assign', { assigneeId: h.user('reviewer1').id });
    expect(assignBack.status).toBe(409);
    const r2 = await h.login('reviewer2');
    const work = await http(h.baseUrl, r1).get('/api/worklist?pageSize=100');
    expect(work.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const work2 = await http(h.baseUrl, r2).get('/api/worklist?pageSize=100');
    expect(work2.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await act(h, r2, id, 'approve', { opinion: '同意' })).body.status).toBe('approved');
  });

  it("given two organisations, when one applicant reads or acts on the other one's file, then it is not found; staff-only actions are forbidden to applicants", async () => {
    const a = await h.newApplicant();
    const b = await h.newApplicant();
    const { id } = await file(h, a, 'private_non_enterprise', 'community_service');
    const other = http(h.baseUrl, b.token);
    expect((await other.get(`/api/registrations/${id}`)).status).toBe(404);
    expect((await other.get(`/api/registrations/${id}/audit`)).status).toBe(404);
    expect((await act(h, b.token, id, 'withdraw', { reason: '冒名撤回' })).status).toBe(404);
    const list = await other.get('/api/registrations?pageSize=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const forbidden = await act(h, a.token, id, 'accept');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
    const evaluator = await h.login('evaluator');
    expect((await http(h.baseUrl, evaluator).get(`/api/registrations/${id}`)).status).toBe(403);
  });

  it('given an unaccepted application, when a reviewer tries to approve it, then the transition is refused with 409', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'science_technology');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, ready);
    const early = await act(h, r1, id, 'approve', { opinion: '同意' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('不在审查阶段');
    const v = await view(h, r1, id);
    expect(v.status).toBe('submitted');
  });
});

describe('clock control', () => {
  it('given a file under review, when an expert review runs and the bureau head extends the limit, then the clock pauses and the deadline moves by the extension; the requester cannot approve their own extension', async () => {
    const applicant = await h.newApplicant();
    const { id } = await file(h, applicant, 'social_group', 'industry_association');
    const r1 = await h.login('reviewer1');
    await waitFor(h, r1, id, ready);
    await act(h, r1, id, 'accept');
    const start = await act(h, r1, id, 'expert-review/start', {
      reason: '行业覆盖面论证',
      expectedWorkingDays: 5,
    });
    expect(start.body.deadlines.find((d: { kind: string }) => d.kind === 'decision').state).toBe(
      'paused',
    );
    const blocked = await act(h, r1, id, 'approve', { opinion: '拟准予' });
    expect(blocked.status).toBe(409);
    const end = await act(h, r1, id, 'expert-review/end', { summary: '专家意见：同意设立' });
    const before = end.body.deadlines.find((d: { kind: string }) => d.kind === 'decision');
    expect(before.state).toBe('running');

    expect(
      (await act(h, r1, id, 'extension-request', { reason: '涉及多个行业，需征求意见' })).status,
    ).toBe(200);
    const director = await h.login('director');
    const granted = await act(h, director, id, 'extension-decision', {
      approve: true,
      reason: '同意延长',
    });
    expect(granted.status).toBe(200);
    const after = granted.body.deadlines.find((d: { kind: string }) => d.kind === 'decision');
    expect(after.limit).toBe('60个工作日 + 10个工作日');
    expect(new Date(after.dueAt).getTime()).toBeGreaterThan(new Date(before.dueAt).getTime());
    expect((await act(h, r1, id, 'extension-request', { reason: '再次延长' })).status).toBe(409);
    const audit = await http(h.baseUrl, r1).get(`/api/registrations/${id}/audit`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'expert_review_started',
        'expert_review_ended',
        'extension_requested',
        'extension_granted',
      ]),
    );
    const granting = audit.body.items.find(
      (e: { action: string }) => e.action === 'extension_granted',
    );
    expect(granting).toMatchObject({
      actor: { role: 'bureau_head' },
      legalBasis: expect.stringContaining('第四十二条'),
    });
  });
});
