import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { competitionPolicySchema } from '../../domain/competition/policy';
import type { Prisma } from '../../lib/db';
import { api, organization } from '../support/competition-steps';
import { createOrganization, openCampaignRow } from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';

/**
 * Issue 15, the server's side of the officials' forms: rule settings as complete forms (only
 * what differs is stored), refusals that name the field and quote the value in plain zh-CN,
 * and eligibility known when an application form opens.
 */

let h: Harness;
let admin: ReturnType<typeof api>;

beforeAll(async () => {
  h = await startHarness();
  admin = api(h, await h.login('admin'));
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

const JARGON = /array|string|请求体|YYYY|期望|正则|invalid/i;

describe('rule settings as forms', () => {
  it('given the administrator, then every process with rule sets is offered with its Chinese name and the layers by name', async () => {
    const r = await admin.get('/api/admin/policy-forms');
    expect(r.status).toBe(200);
    const titles = Object.fromEntries(
      r.body.processes.map((p: { process: string; title: string }) => [p.process, p.title]),
    );
    expect(titles).toMatchObject({
      registration: '直接登记',
      purchase: '政府购买服务',
      competition: '公益创投',
      targets: '工作目标',
    });
    expect(r.body.jurisdictions.map((j: { label: string }) => j.label)).toEqual([
      '全国',
      '省级',
      '市级',
      '本区（常州市钟楼区）',
    ]);
  });

  it('given a process, then the form has the structure of its policy and the settings in force', async () => {
    const r = await admin.get('/api/admin/policy-forms/purchase');
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('政府购买服务');
    expect(r.body.schema.properties.methods.properties.openTenderThresholdFen).toBeDefined();
    expect(r.body.policy.methods.openTenderThresholdFen).toBeNull();
    expect(r.body.policy.contract.maxTermMonths).toBe(36);
  });

  it('given a complete policy with a bad value, then the refusal names the setting and quotes the value, in plain words', async () => {
    const form = (await admin.get('/api/admin/policy-forms/registration')).body;
    const policy = structuredClone(form.policy);
    policy.limits.intakeNotice.amount = -1;
    policy.minimums.socialGroupFundsLocal = 'abc';
    const r = await admin.post('/api/admin/rule-sets', {
      process: 'registration',
      version: `forms-bad-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      policy,
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual(
      expect.arrayContaining([
        {
          path: 'body.policy.limits.intakeNotice.amount',
          label: '一次性告知期限',
          message: '「-1」不能小于0',
        },
        {
          path: 'body.policy.minimums.socialGroupFundsLocal',
          label: '社会团体活动资金最低额',
          message: '「abc」不是数字',
        },
      ]),
    );
    expect(r.body.detail).toContain('一次性告知期限：「-1」不能小于0');
    expect(JSON.stringify(r.body)).not.toMatch(JARGON);
  });

  it('given a complete policy that changes two settings, then the version stores only those two', async () => {
    const form = (await admin.get('/api/admin/policy-forms/registration')).body;
    const policy = structuredClone(form.policy);
    policy.limits.intakeNotice = { amount: 4, unit: 'workingDays' };
    policy.names.forbiddenWords = [...policy.names.forbiddenWords, '第一'];
    const version = `forms-ok-${h.districtCode}`;
    const r = await admin.post('/api/admin/rule-sets', {
      process: 'registration',
      version,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      policy,
    });
    expect(r.status).toBe(201);
    const stored = await h.db.ruleSet.findUniqueOrThrow({
      where: { process_version: { process: 'registration', version } },
    });
    expect(stored.settings).toEqual({
      limits: { intakeNotice: { amount: 4, unit: 'workingDays' } },
      names: { forbiddenWords: policy.names.forbiddenWords },
    });
    // The same name again is refused beside the name field.
    const again = await admin.post('/api/admin/rule-sets', {
      process: 'registration',
      version,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      policy,
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([
      { path: 'body.version', label: '版本名称', message: `「${version}」已存在，请另取名称` },
    ]);
  });

  it('given a rule across settings broken together with the layers above, then it is refused at the setting', async () => {
    const r = await admin.post('/api/admin/rule-sets', {
      process: 'competition',
      version: `forms-tranches-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      settings: { tranchePercents: [50, 30] },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      {
        path: 'body.settings.tranchePercents',
        label: '分期拨付比例',
        message: '各期拨付比例之和须为100%，现为80%',
      },
    ]);
  });
});

describe('the security policy as a form, for the security administrator alone (三权分立)', () => {
  it('given the two administrators, then each is offered only the processes it sets', async () => {
    const security = api(h, await h.login('security'));
    const offered = async (who: ReturnType<typeof api>) =>
      (await who.get('/api/admin/policy-forms')).body.processes.map(
        (p: { process: string }) => p.process,
      );
    expect(await offered(admin)).not.toContain('security');
    expect(await offered(admin)).toContain('registration');
    expect(await offered(security)).toEqual(['security']);
    // Another process's form is not there for the other one; nor may it add a version of it.
    expect((await admin.get('/api/admin/policy-forms/security')).status).toBe(404);
    expect((await security.get('/api/admin/policy-forms/registration')).status).toBe(404);
    const form = (await security.get('/api/admin/policy-forms/security')).body;
    expect(form.title).toBe('安全策略');
    expect(form.policy.sessions.idleMinutes).toBe(30);
    const byAdmin = await admin.post('/api/admin/rule-sets', {
      process: 'security',
      version: `forms-security-admin-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      policy: form.policy,
    });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.detail).toBe('安全策略只能由安全管理员设定');
  });

  it('given the security administrator changes the idle timeout in the form, then it is stored with what the district already had, named in Chinese when wrong', async () => {
    const security = api(h, await h.login('security'));
    const form = (await security.get('/api/admin/policy-forms/security')).body;
    const bad = structuredClone(form.policy);
    bad.sessions.idleMinutes = 0;
    const refused = await security.post('/api/admin/rule-sets', {
      process: 'security',
      version: `forms-security-bad-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      policy: bad,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        path: 'body.policy.sessions.idleMinutes',
        label: '无操作自动退出',
      }),
    ]);
    const policy = structuredClone(form.policy);
    policy.sessions.idleMinutes = 20;
    const version = `forms-security-${h.districtCode}`;
    const r = await security.post('/api/admin/rule-sets', {
      process: 'security',
      version,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      policy,
    });
    expect(r.status).toBe(201);
    const stored = await h.db.ruleSet.findUniqueOrThrow({
      where: { process_version: { process: 'security', version } },
    });
    // The district's demo version (no required second factor) is carried into the new one: a
    // version replaces the district's earlier one, and the form started from the rules in force.
    expect(stored.settings).toEqual({
      sessions: { idleMinutes: 20 },
      mfa: { requiredForStaff: false },
    });
  });
});

describe('refusals at the edge name the field and the value', () => {
  it('given a catalogue item with a wrong code and no undertaker type, then each field is named in zh-CN without the validator’s words', async () => {
    const r = await admin.post('/api/purchase-catalogue', {
      code: '1.3.2',
      catalogueClass: 'basic_public',
      level2: '养老服务',
      level3: '助浴服务',
      department: '区民政局',
      serviceStandard: '每月助浴不少于2次',
      unit: '人次',
      priceBasis: '市场询价',
      undertakerTypes: [],
      suitableForSocialOrganizations: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        path: 'body.code',
        label: '目录编码',
        message: '「1.3.2」不是目录编码，应为“一级.二级.三级”，如 01.03.002',
      },
      {
        path: 'body.undertakerTypes',
        label: '承接主体类型',
        message: '请至少选择一种承接主体类型',
      },
    ]);
    expect(r.body.detail).toMatch(/^填写的内容有2处需要修改：目录编码：「1\.3\.2」/);
    expect(JSON.stringify(r.body)).not.toMatch(JARGON);
  });

  it('given a role that may not act, then the refusal names the roles in Chinese', async () => {
    const applicant = await h.newApplicant();
    const r = await api(h, applicant.token).post('/api/purchase-catalogue', {});
    expect(r.status).toBe(403);
    expect(r.body.detail).toBe('此事项仅限以下角色办理：系统管理员');
  });
});

describe('eligibility when the form opens', () => {
  let campaignId: string;
  let roundId: string;

  beforeAll(async () => {
    campaignId = await openCampaignRow(h);
    roundId = randomUUID();
    const settings = competitionPolicySchema.parse({});
    await h.db.competitionRound.create({
      data: {
        id: roundId,
        title: '2026年公益创投大赛',
        workflowId: `competition-round-${roundId}`,
        stage: 'call_open',
        settings: settings as unknown as Prisma.InputJsonValue,
        ruleVersion: 'test',
        budgetFen: BigInt(settings.budgetFen),
        callOpensAt: new Date(Date.now() - 60_000),
        callClosesAt: new Date(Date.now() + 3_600_000),
        createdById: h.user('admin').id,
      },
    });
  });

  it('given an organisation registered for years with its inspections passed, then it may apply for the evaluation and says on what ground', async () => {
    const org = await createOrganization(h, {
      name: '常州市钟楼区老年协会',
      registeredAt: '2015-03-01T00:00:00+08:00',
    });
    const r = await api(h, org.token).get(`/api/evaluation/campaigns/${campaignId}/eligibility`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ eligible: true, basis: '登记满2个年度', reasons: [] });
  });

  it('given an organisation registered this year and abnormally listed, then it learns every reason before writing anything', async () => {
    const org = await createOrganization(h, {
      name: '常州市钟楼区新成立协会',
      registeredAt: '2026-01-10T00:00:00+08:00',
      inspections: [],
      abnormalListed: true,
    });
    const r = await api(h, org.token).get(`/api/evaluation/campaigns/${campaignId}/eligibility`);
    expect(r.status).toBe(200);
    expect(r.body.eligible).toBe(false);
    expect(r.body.reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining('须登记满2个年度'),
        '2025年度未参加年检',
        '被列入活动异常名录',
      ]),
    );
  });

  it('given an organisation still forming, then the competition form says it may not apply; a registered one learns its cap', async () => {
    const forming = await organization(h, 'forming');
    const no = await api(h, forming.token).get(`/api/competitions/${roundId}/eligibility`);
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({ eligible: false, reasons: ['申报单位须为依法登记的社会组织'] });
    const registered = await organization(h, 'registered');
    const yes = await api(h, registered.token).get(`/api/competitions/${roundId}/eligibility`);
    expect(yes.body).toEqual({
      eligible: true,
      reasons: [],
      capFen: 20_000_000,
      organizationName: registered.name,
    });
  });

  it('given an account, then it says whether its organisation is registered (so no new registration is offered)', async () => {
    const registered = await organization(h, 'registered');
    const forming = await organization(h, 'forming');
    expect((await api(h, registered.token).get('/api/auth/me')).body.organizationRegistered).toBe(
      true,
    );
    expect((await api(h, forming.token).get('/api/auth/me')).body.organizationRegistered).toBe(
      false,
    );
  });
});
