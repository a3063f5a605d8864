import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { type Browser, openBrowser, shoot, signIn } from '../support/browser';
import {
  api,
  criteria,
  type Org,
  organization,
  proposal,
  staff,
  until,
} from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

/**
 * 公益创投 in the browser against the real system: an applicant files a proposal, the
 * administrator drives the round and sees a refusal with its reason, a judge declares no
 * conflict and scores (draft, then submission), and the round's figures.
 */

let h: Harness;
let browser: Browser;
let page: Page;
let roundId: string;
let judgeId: string;
let judgeName: string;
let applicant: { username: string; orgName: string };

beforeAll(async () => {
  h = await startHarness();
  browser = await openBrowser();
  page = browser.page;
  const judge = await staff(h, 'judge1', 'judge', '评审甲');
  judgeName = `t${h.districtCode}-judge1`;
  judgeId = judge.id;
  const a = await h.newApplicant();
  const orgName = `常州市钟楼区${a.username.replace(/\W/g, '')}服务中心`;
  await h.db.organization.update({
    where: { id: a.organizationId },
    data: {
      name: orgName,
      status: 'registered',
      legalForm: 'private_non_enterprise',
      registeredAt: new Date('2020-05-01T00:00:00Z'),
      inspections: { create: { year: new Date().getFullYear() - 1, result: 'pass' } },
    },
  });
  applicant = { username: a.username, orgName };
  const admin = api(h, await h.login('admin'));
  const r = await admin.post('/api/competitions', {
    title: '2026年钟楼区公益创投大赛（测试）',
    callOpensAt: new Date(Date.now() - 60_000).toISOString(),
    callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    judges: { first: [judge.id], roadshow: [judge.id] },
    settings: { minPanelSize: 1, caps: { registeredFen: 3_000_000 } },
  });
  expect(r.status).toBe(201);
  roundId = r.body.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

describe('公益创投 in the browser', () => {
  it('given an open round, when the applicant files a proposal, then the form checks it first and the status page shows it received', async () => {
    await signIn(page, h.baseUrl, applicant.username);
    await page.getByRole('link', { name: '公益创投' }).first().click();
    await page.getByRole('link', { name: '2026年钟楼区公益创投大赛（测试）' }).click();
    // Rule-version names are the administrators' business.
    await page.getByRole('link', { name: '申报项目' }).waitFor();
    expect(await page.getByText('规则版本', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: '申报项目' }).click();
    await page.getByRole('heading', { name: '申报公益创投项目' }).waitFor();
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('请按提示修改标记的内容后再提交。').waitFor();
    await page.getByLabel(/^项目名称/).fill('社区独居老人关爱项目');
    await page.getByLabel(/^服务需求/).fill('社区内独居老人较多，缺少日常探访和照料服务。');
    await page
      .getByLabel(/^项目设计/)
      .fill('组织志愿者每周入户探访，建立服务档案，开展互助小组活动。');
    await page.getByLabel('成员1姓名').fill('张小明');
    await page.getByLabel('预算项1').fill('志愿者培训');
    await page.getByLabel('金额（元）', { exact: true }).fill('20000');
    await page.getByLabel(/^申请金额/).fill('20000');
    await page.getByLabel(/^开户银行/).fill('中国银行常州钟楼支行');
    await page.getByLabel(/^户名/).fill('另一个单位');
    await page.getByLabel(/^账号/).fill('6217000012345678');
    await shoot(page, '40-competition-proposal-form');
    await page.getByRole('button', { name: '提交申报' }).click();
    // The server's finding sits next to its field.
    await page
      .locator('.field-invalid', { hasText: '户名' })
      .getByText('须使用申报单位本单位的对公银行账户')
      .waitFor();
    await page.getByLabel(/^户名/).fill(applicant.orgName);
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByRole('heading', { name: '社区独居老人关爱项目' }).waitFor();
    await page.getByText('已申报，待资格审查').first().waitFor();
    await page.getByText('本轮当前阶段：征集中。征集截止后，工作人员将进行资格审查').waitFor();
    await shoot(page, '41-competition-proposal-status');
  });

  it('given an organisation still being formed, when its applicant opens the open round, then 申报项目 is not offered and the reason is shown', async () => {
    const forming = await h.newApplicant();
    await signIn(page, h.baseUrl, forming.username);
    await page.goto(`${h.baseUrl}/competitions/${roundId}`);
    await page.getByText('本轮正在征集，但贵单位目前不能申报：').waitFor();
    await page.getByText('申报单位须为依法登记的社会组织').waitFor();
    expect(await page.getByRole('link', { name: '申报项目' }).count()).toBe(0);
  });

  it('given the call still open, then the reviewer is offered no qualification decision (the workflow would refuse it)', async () => {
    const admin = api(h, await h.login('admin'));
    const [row] = (await admin.get(`/api/competitions/${roundId}/proposals`)).body.items;
    await signIn(page, h.baseUrl, h.user('reviewer1').username);
    await page.goto(`${h.baseUrl}/competition-proposals/${row.id}`);
    await page.getByRole('heading', { name: '社区独居老人关爱项目' }).waitFor();
    await page.getByRole('heading', { name: '申报内容' }).waitFor();
    expect(await page.getByRole('button', { name: '资格审查通过' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '可办理事项' }).count()).toBe(0);
  });

  it('given the administrator, when scoring is opened before qualification review, then the refusal shows its reason', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/competitions/${roundId}`);
    await page.getByRole('button', { name: '截止征集' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '开始初评' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('dialog').getByText('尚有1个项目未完成资格审查').waitFor();
    await shoot(page, '42-competition-refused');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  it('given the call closed, when the reviewer opens the proposal, then qualification is offered, succeeds, and is offered no more', async () => {
    const admin = api(h, await h.login('admin'));
    const [row] = (await admin.get(`/api/competitions/${roundId}/proposals`)).body.items;
    const reviewer = api(h, await h.login('reviewer1'));
    // The round tells its proposals of the closed call in the background: offered once heard.
    await until(
      async () =>
        (await reviewer.get(`/api/competition-proposals/${row.id}`)).body.allowedActions ?? [],
      (a: string[]) => a.includes('qualify'),
      'the proposal to hear that the call is closed',
    );
    await signIn(page, h.baseUrl, h.user('reviewer1').username);
    await page.goto(`${h.baseUrl}/competition-proposals/${row.id}`);
    const actions = page.locator('section.card', { hasText: '可办理事项' });
    await actions.getByRole('button', { name: '资格审查不通过' }).waitFor();
    await actions.getByRole('button', { name: '资格审查通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.locator('.badge', { hasText: '资格审查通过' }).waitFor();
    // Decided: a second conclusion would be refused, so neither button is offered.
    expect(await page.getByRole('button', { name: '资格审查通过' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '资格审查不通过' }).count()).toBe(0);
    await shoot(page, '42a-competition-qualified');
  });

  it('given an assigned proposal, when the judge declares no conflict, saves a draft and submits, then the score is recorded', async () => {
    const admin = api(h, await h.login('admin'));
    expect((await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {})).status).toBe(
      200,
    );

    await signIn(page, h.baseUrl, judgeName);
    await page.goto(`${h.baseUrl}/competitions/${roundId}`);
    await page.getByText('待声明利益冲突').waitFor();
    await page.getByRole('link', { name: '社区独居老人关爱项目' }).click();
    await page.getByRole('heading', { name: '利益冲突声明' }).waitFor();
    await page.getByRole('button', { name: '无利益冲突，打开项目' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '评分表' }).waitFor();
    await page.getByText('匿名评审，不显示申报单位').waitFor();
    expect(await page.getByText(applicant.orgName).count()).toBe(0);
    await page.getByLabel('需求与对象（满分 20）').fill('25');
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByText('应为 0 至 20 之间的整数').waitFor();
    await page.getByLabel('需求与对象（满分 20）').fill('18');
    await page.getByLabel('设计与可行性（满分 25）').fill('20');
    await page.getByLabel('评审意见').fill('需求调研扎实');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText(/草稿已保存（.*），仅您本人可见/).waitFor();
    const [draft] = await h.db.competitionScoreDraft.findMany({ where: { roundId } });
    expect(draft?.criteria).toEqual({ need: 18, design: 20 });
    // The draft is on the server: a browser without it reads it back.
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await page.getByText(/已载入您保存的评分草稿/).waitFor();
    expect(await page.getByLabel('需求与对象（满分 20）').inputValue()).toBe('18');
    expect(await page.getByLabel('设计与可行性（满分 25）').inputValue()).toBe('20');
    expect(await page.getByLabel('评审意见').inputValue()).toBe('需求调研扎实');
    await shoot(page, '43a-competition-score-draft');
    await page.getByLabel('创新性（满分 15）').fill('12');
    await page.getByLabel('可持续与可复制（满分 15）').fill('12');
    await page.getByLabel('团队能力（满分 15）').fill('12');
    await page.getByLabel('预算合理性（满分 10）').fill('8');
    await page.getByText('82').first().waitFor();
    await shoot(page, '43-competition-score-sheet');
    await page.getByRole('button', { name: '提交评分' }).click();
    // A submitted score counts and cannot be changed: the judge confirms first, or goes back.
    const confirm = page.getByRole('dialog', { name: '确认提交评分' });
    await confirm.getByText('本项目合计 82 / 100 分').waitFor();
    await confirm.getByRole('button', { name: '返回修改' }).click();
    expect(await h.db.competitionScore.count({ where: { roundId } })).toBe(0);
    await page.getByRole('button', { name: '提交评分' }).click();
    await confirm.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('您已提交本项目初评评分。').waitFor();
    const scores = await h.db.competitionScore.findMany({ where: { roundId } });
    expect(scores.map((s) => s.total)).toEqual([82]);
    expect(scores[0]?.comment).toBe('需求调研扎实');
    expect(await h.db.competitionScoreDraft.count({ where: { roundId } })).toBe(0);
  });

  it('given scores, then the administrator sees the round figures and, after closing the phase, the ranking', async () => {
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/competitions/${roundId}`);
    await page.getByRole('heading', { name: '评审打分分布' }).waitFor();
    await page.getByText('规则版本', { exact: true }).waitFor();
    expect(await page.locator('svg.chart circle.spread-mean').count()).toBe(1);
    expect(
      await page.getByRole('link', { name: /在 Temporal Web UI 查看流程/ }).getAttribute('href'),
    ).toContain(`/workflows/competition-round-${roundId}`);
    await shoot(page, '44-competition-round-admin');
    await page.getByRole('button', { name: '结束初评并汇总' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    const results = page.locator('section.card', { hasText: '初评结果' });
    await results.getByRole('cell', { name: '社区独居老人关爱项目' }).waitFor();
    await results.locator('td[data-label="得分"]', { hasText: '82' }).waitFor();
    await shoot(page, '45-competition-results');
  });
});

const usernameOf = async (o: Org) =>
  (await h.db.account.findFirstOrThrow({ where: { organizationId: o.organizationId } })).username;

/** A round of two proposals taken through the API to the publicity of its funding list. */
async function roundUnderPublicity(publicitySeconds: number) {
  const admin = api(h, await h.login('admin'));
  const reviewer = api(h, await h.login('reviewer1'));
  const judge = api(h, await h.login(judgeName));
  const r = await admin.post('/api/competitions', {
    title: `公示异议测试轮次${h.districtCode}`,
    callOpensAt: new Date(Date.now() - 60_000).toISOString(),
    callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    judges: { first: [judgeId], roadshow: [judgeId] },
    settings: {
      minPanelSize: 1,
      shortlistSize: 2,
      caps: { registeredFen: 3_000_000 },
      publicity: { amount: publicitySeconds, unit: 'seconds' },
    },
  });
  const id: string = r.body.id;
  const target = await organization(h);
  const objector = await organization(h);
  const titles = { target: '社区助餐点运营项目', objector: '困境儿童课后陪伴项目' };
  const pids: string[] = [];
  for (const [o, title] of [
    [target, titles.target],
    [objector, titles.objector],
  ] as const) {
    const p = await api(h, o.token).post(`/api/competitions/${id}/proposals`, {
      ...proposal(o, 'elderly', 2_000_000),
      title,
    });
    expect(p.status).toBe(201);
    pids.push(p.body.id);
  }
  expect((await admin.post(`/api/competitions/${id}/close-call`, {})).status).toBe(200);
  for (const pid of pids)
    expect(
      (await reviewer.post(`/api/competition-proposals/${pid}/qualify`, { pass: true })).status,
    ).toBe(200);
  for (const phase of ['first', 'roadshow'] as const) {
    expect((await admin.post(`/api/competitions/${id}/scoring/${phase}/open`, {})).status).toBe(
      200,
    );
    for (const [i, pid] of pids.entries()) {
      await judge.post(`/api/competition-proposals/${pid}/declaration`, { phase, conflict: false });
      const s = await judge.post(`/api/competition-proposals/${pid}/score`, {
        phase,
        criteria: criteria(85 - i * 5, 20),
      });
      expect(s.status).toBe(200);
    }
    expect((await admin.post(`/api/competitions/${id}/scoring/${phase}/close`, {})).status).toBe(
      200,
    );
  }
  const funded = await admin.post(`/api/competitions/${id}/funding`, {});
  expect(funded.body.stage).toBe('publicity');
  return { id, target, objector, titles, endsAt: Date.parse(funded.body.publicityEndsAt) };
}

describe('公示 and 异议 in the browser', () => {
  it('given a funding list under publicity, when an applicant objects and later objects too late, then the late one is refused with its reason and the administrator upholds the first', async () => {
    const r = await roundUnderPublicity(45);
    const objector = await usernameOf(r.objector);
    const dialog = page.getByRole('dialog');

    await signIn(page, h.baseUrl, objector);
    await page.goto(`${h.baseUrl}/competitions/${r.id}`);
    await page.getByRole('link', { name: '公示名单与异议' }).click();
    await page.getByRole('heading', { name: '资助名单公示与异议' }).waitFor();
    const targetRow = page.getByRole('row', { name: new RegExp(r.titles.target) });
    await targetRow.getByRole('cell', { name: r.target.name }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(r.titles.objector) })
      .getByText('本单位项目')
      .waitFor();
    await targetRow.getByRole('button', { name: '提出异议' }).click();
    await dialog.getByLabel(/^异议的事实和理由/).fill('该项目与本单位已实施的助餐项目内容雷同');
    await dialog.getByRole('button', { name: '确定' }).click();
    const mine = page.locator('section.card', { hasText: '本单位提出的异议' });
    await mine.getByText('该项目与本单位已实施的助餐项目内容雷同').waitFor();
    await mine.getByText('待处理').waitFor();
    await shoot(page, '46-competition-objection-filed');

    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/competitions/${r.id}`);
    await page.getByText('尚有 1 件异议待处理。').waitFor();
    await page.getByRole('link', { name: '公示名单与异议' }).click();
    const objection = page.locator('.objection', { hasText: r.titles.target });
    await objection.getByText(r.objector.name).waitFor();
    await shoot(page, '47-competition-objections-admin');

    // Publicity ends while the objection is pending: the round stays in publicity, takes no more.
    await until(
      async () => Date.now(),
      (now) => now > r.endsAt + 1_000,
      'the publicity period to end',
      90_000,
    );
    await signIn(page, h.baseUrl, objector);
    await page.goto(`${h.baseUrl}/competitions/${r.id}/publicity`);
    await targetRow.getByRole('button', { name: '提出异议' }).click();
    await dialog.getByLabel(/^异议的事实和理由/).fill('补充：该项目预算明细不实');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('只能在公示期内提出异议').waitFor();
    await shoot(page, '48-competition-objection-refused');
    await dialog.getByRole('button', { name: '取消' }).click();

    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.goto(`${h.baseUrl}/competitions/${r.id}/publicity`);
    await objection.getByRole('button', { name: '异议成立' }).click();
    await dialog.getByLabel(/^处理意见/).fill('经核实，该项目与已资助项目内容重复，取消资助');
    await dialog.getByRole('button', { name: '确定' }).click();
    await objection.getByText('处理意见').waitFor();
    await objection.locator('.badge', { hasText: '异议成立' }).waitFor();
    // Upheld: the project leaves the list, and with no objection left publicity is over.
    await page.getByRole('row', { name: new RegExp(r.titles.objector) }).waitFor();
    expect(await targetRow.count()).toBe(0);
    await page.getByText(/公示期已于.*结束/).waitFor();
    await shoot(page, '49-competition-objection-ruled');
    const stored = await h.db.competitionObjection.findFirstOrThrow({ where: { roundId: r.id } });
    expect(stored).toMatchObject({ status: 'upheld' });

    await signIn(page, h.baseUrl, objector);
    await page.goto(`${h.baseUrl}/competitions/${r.id}/publicity`);
    await mine.getByText('经核实，该项目与已资助项目内容重复，取消资助').waitFor();

    // The list is final: the funded project's decision has its number and prints (issue 15.7).
    const funded = await until(
      () =>
        h.db.competitionProposal.findFirstOrThrow({
          where: { roundId: r.id, organizationId: r.objector.organizationId },
        }),
      (p) => p.decisionNo !== null,
      'the funding decision number',
    );
    expect(funded.decisionNo).toMatch(
      new RegExp(`^${h.config.AUTHORITY_SHORT_NAME}创资字〔\\d{4}〕第\\d{4}号$`),
    );
    await page.goto(`${h.baseUrl}/competition-proposals/${funded.id}`);
    await page.getByText(funded.decisionNo!).waitFor();
    await page.getByRole('link', { name: '打印资助决定书' }).click();
    const sheet = page.locator('article.print-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('.print-authority').textContent()).toBe(h.config.AUTHORITY_NAME);
    expect(await sheet.locator('.print-title').textContent()).toBe('公益创投项目资助决定书');
    expect(await sheet.locator('.print-file-no').textContent()).toBe(funded.decisionNo);
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain(`${r.objector.name}：`);
    expect(text).toContain(r.titles.objector);
    expect(text).toContain('人民币20,000.00元');
    expect(text).not.toMatch(/\d\s*分|¥|minzheng/i);
    const decided = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'long',
    }).format(funded.decidedAt!);
    expect(await sheet.locator('.print-signature').textContent()).toContain(decided);
    expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
    // Sealed: a QR code and the code to its public verification page (issue 15 point 11).
    await sheet.getByRole('img', { name: '核验二维码' }).waitFor();
    const code = (await sheet.locator('.print-verification-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await shoot(page, '49b-competition-funding-decision-print');
    await page.goto(`${h.baseUrl}/public/verify/${code}`);
    await page.getByText('公益创投项目资助决定书').first().waitFor();
    await page.getByText(funded.decisionNo!).waitFor();
  }, 180_000);
});

describe('社区社会组织备案 in the browser', () => {
  it('given unregistered organisations, when the administrator records one and gives another the same number, then the second is refused with its reason', async () => {
    const first = await organization(h, 'forming');
    const second = await organization(h, 'forming');
    const recordNo = `BA-${h.districtCode}-web`;
    await signIn(page, h.baseUrl, h.user('admin').username);
    await page.getByRole('link', { name: '社区组织备案' }).click();
    await page.getByRole('heading', { name: '社区社会组织备案' }).waitFor();
    const record = async (o: Org) => {
      await page.getByLabel('组织名称或统一社会信用代码').fill(o.name);
      await page.getByRole('button', { name: '查找未登记组织' }).click();
      await page.getByLabel(o.name).check();
      await page.getByLabel(/^备案编号/).fill(recordNo);
      await page.getByLabel(/^备案日期/).fill('2026-03-01');
      await page.getByText(`备案组织：${o.name}`).waitFor();
      await page.getByRole('button', { name: '确认备案' }).click();
    };
    await record(first);
    await page.getByText(`${first.name}已备案，备案编号 ${recordNo}。`).waitFor();
    await page
      .getByRole('row', { name: new RegExp(first.name) })
      .getByText(recordNo)
      .waitFor();
    await record(second);
    await page.getByRole('alert').getByText('备案编号已被使用').waitFor();
    await shoot(page, '45b-competition-community-records');
    expect(
      await h.db.communityOrgRecord.count({ where: { organizationId: second.organizationId } }),
    ).toBe(0);
  });
});
