import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  api,
  criteria,
  type Org,
  organization,
  proposal,
  staff,
} from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

/**
 * The competition routes the web pages rely on, over real HTTP, Temporal and PostgreSQL: a
 * judge's score draft on the server (its access rules, its validation against the rubric, its
 * end at submission), the publicity list and its objections, community records, and the
 * Temporal Web UI addresses given to officials only.
 */

let h: Harness;
let admin: ReturnType<typeof api>;
let reviewer: ReturnType<typeof api>;
type Judge = Awaited<ReturnType<typeof staff>> & { http: ReturnType<typeof api> };
const judges: Judge[] = [];
const orgs: Record<'A' | 'B', Org> = {} as never;
const ids: Record<'A' | 'B', string> = {} as never;
let roundId: string;

const draftOf = (id: string, phase = 'first') =>
  `/api/competition-proposals/${id}/score-draft/${phase}`;

beforeAll(async () => {
  h = await startHarness();
  admin = api(h, await h.login('admin'));
  reviewer = api(h, await h.login('reviewer1'));
  for (let i = 1; i <= 3; i++) {
    const j = await staff(h, `draftjudge${i}`, 'judge', `草稿评审${i}`);
    judges.push({ ...j, http: api(h, j.token) });
  }
  const created = await admin.post('/api/competitions', {
    title: `草稿与异议测试轮次 ${h.districtCode}`,
    callOpensAt: new Date(Date.now() - 60_000).toISOString(),
    callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    // Every judge sits in both phases: which one declares a conflict on A depends on the panel
    // drawn, and the roadshow must still find two clear judges for A.
    judges: { first: judges.map((j) => j.id), roadshow: judges.map((j) => j.id) },
    settings: {
      minPanelSize: 2,
      shortlistSize: 2,
      caps: { registeredFen: 3_000_000 },
      publicity: { amount: 1, unit: 'hours' },
    },
  });
  expect(created.status).toBe(201);
  roundId = created.body.id;
  for (const k of ['A', 'B'] as const) {
    orgs[k] = await organization(h);
    const r = await api(h, orgs[k].token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(orgs[k], 'elderly', 2_000_000),
    );
    expect(r.status).toBe(201);
    ids[k] = r.body.id;
  }
  expect((await admin.post(`/api/competitions/${roundId}/close-call`, {})).status).toBe(200);
  for (const k of ['A', 'B'] as const)
    expect(
      (await reviewer.post(`/api/competition-proposals/${ids[k]}/qualify`, { pass: true })).status,
    ).toBe(200);
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

async function panelOf(proposalId: string, phase = 'first') {
  const rows = await h.db.competitionAssignment.findMany({ where: { proposalId, phase } });
  return judges.filter((j) => rows.some((a) => a.judgeId === j.id && a.status !== 'conflicted'));
}

describe('a judge’s score draft on the server', () => {
  let x: Judge;
  let y: Judge;
  let outsider: Judge;

  it('given scoring is open, when someone other than the proposal’s declared judge asks for a draft, then it is refused', async () => {
    expect((await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {})).status).toBe(
      200,
    );
    const panel = await panelOf(ids.A);
    expect(panel).toHaveLength(2);
    [x, y] = panel as [Judge, Judge];
    outsider = judges.find((j) => !panel.includes(j))!;

    const notAssigned = await outsider.http.get(draftOf(ids.A));
    expect(notAssigned.status).toBe(404);
    expect(notAssigned.body.detail).toBe('没有找到该项目');
    const undeclared = await x.http.put(draftOf(ids.A), { criteria: { need: 10 } });
    expect(undeclared.status).toBe(409);
    expect(undeclared.body.detail).toContain('利益冲突声明');
    expect((await api(h, orgs.A.token).get(draftOf(ids.A))).status).toBe(403);
    expect((await reviewer.put(draftOf(ids.A), { criteria: {} })).status).toBe(403);
    expect((await x.http.get(draftOf(ids.A, 'roadshow'))).status).toBe(404);
  });

  it('given a declared judge, when a draft breaks the rubric, then it is refused with each criterion’s reason', async () => {
    expect(
      (
        await x.http.post(`/api/competition-proposals/${ids.A}/declaration`, {
          phase: 'first',
          conflict: false,
        })
      ).status,
    ).toBe(200);
    expect((await x.http.get(draftOf(ids.A))).body).toEqual({ draft: null });

    const over = await x.http.put(draftOf(ids.A), { criteria: { need: 25, design: 1.5 } });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.criteria.need', message: '“需求与对象”的分数应为 0 至 20 之间的整数' },
        { path: 'body.criteria.design', message: '“设计与可行性”的分数应为 0 至 25 之间的整数' },
      ]),
    );
    const negative = await x.http.put(draftOf(ids.A), { criteria: { team: -1 } });
    expect(negative.status).toBe(422);
    const unknown = await x.http.put(draftOf(ids.A), { criteria: { charm: 5 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe('本轮没有评分指标“charm”');
    for (const bad of [
      { criteria: { need: '十八' } },
      { criteria: { Need: 1 } },
      { criteria: [] },
      { comment: 'x'.repeat(2001) },
    ])
      expect((await x.http.put(draftOf(ids.A), bad)).status).toBe(400);
    expect((await x.http.put(draftOf(ids.A, 'final'), {})).status).toBe(400);
    expect(
      (await x.http.get('/api/competition-proposals/not-a-uuid/score-draft/first')).status,
    ).toBe(400);
    expect(await h.db.competitionScoreDraft.count({ where: { proposalId: ids.A } })).toBe(0);
  });

  it('given a declared judge, when they save a partial draft and then more, then only they read it back', async () => {
    const saved = await x.http.put(draftOf(ids.A), { criteria: { need: 18 } });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.criteria).toEqual({ need: 18 });
    const again = await x.http.put(draftOf(ids.A), {
      criteria: { need: 18, design: 20 },
      comment: '需求调研扎实',
    });
    expect(again.status).toBe(200);
    const read = await x.http.get(draftOf(ids.A));
    expect(read.body.draft).toEqual({
      criteria: { need: 18, design: 20 },
      comment: '需求调研扎实',
      updatedAt: again.body.draft.updatedAt,
    });

    // The other panel judge has no draft of their own yet, and loses the slot by a conflict.
    expect((await y.http.get(draftOf(ids.A))).status).toBe(409);
    expect(
      (
        await y.http.post(`/api/competition-proposals/${ids.A}/declaration`, {
          phase: 'first',
          conflict: true,
          note: '申报单位负责人是本人同学',
        })
      ).status,
    ).toBe(200);
    expect((await y.http.get(draftOf(ids.A))).status).toBe(404);
    expect((await y.http.put(draftOf(ids.A), { criteria: { need: 1 } })).status).toBe(404);
    // The judge seated in their place sees an empty sheet, not the first judge's draft.
    expect(
      (
        await outsider.http.post(`/api/competition-proposals/${ids.A}/declaration`, {
          phase: 'first',
          conflict: false,
        })
      ).status,
    ).toBe(200);
    expect((await outsider.http.get(draftOf(ids.A))).body).toEqual({ draft: null });
  });

  it('given a draft, when the judge submits the score, then the draft ends and no other is accepted', async () => {
    const s = await x.http.post(`/api/competition-proposals/${ids.A}/score`, {
      phase: 'first',
      criteria: criteria(80, 20),
      comment: '',
    });
    expect(s.status).toBe(200);
    expect(
      await h.db.competitionScoreDraft.count({ where: { proposalId: ids.A, judgeId: x.id } }),
    ).toBe(0);
    const after = await x.http.get(draftOf(ids.A));
    expect(after.status).toBe(409);
    expect(after.body.detail).toBe('您已提交该项目的评分，草稿不再保存');
    expect((await x.http.put(draftOf(ids.A), { criteria: { need: 1 } })).status).toBe(409);
  });
});

describe('publicity of the funding list and its objections', () => {
  it('given both phases scored, when funding is decided, then the list is public with its organisations', async () => {
    const before = await api(h, orgs.A.token).get(`/api/competitions/${roundId}/publicity`);
    expect(before.body).toEqual({ publicityEndsAt: null, items: [] });
    for (const phase of ['first', 'roadshow'] as const) {
      if (phase === 'roadshow')
        expect(
          (await admin.post(`/api/competitions/${roundId}/scoring/roadshow/open`, {})).status,
        ).toBe(200);
      for (const j of judges) {
        const mine = (
          await j.http.get(`/api/competitions/${roundId}/proposals?pageSize=100`)
        ).body.items.filter(
          (a: { phase: string; assignment: string }) =>
            a.phase === phase && ['assigned', 'declared_clear'].includes(a.assignment),
        );
        for (const a of mine) {
          if (a.assignment === 'assigned')
            await j.http.post(`/api/competition-proposals/${a.id}/declaration`, {
              phase,
              conflict: false,
            });
          const s = await j.http.post(`/api/competition-proposals/${a.id}/score`, {
            phase,
            criteria: criteria(a.id === ids.A ? 80 : 75, 20),
          });
          expect(s.status).toBe(200);
        }
      }
      expect(
        (await admin.post(`/api/competitions/${roundId}/scoring/${phase}/close`, {})).status,
      ).toBe(200);
    }
    const funded = await admin.post(`/api/competitions/${roundId}/funding`, {});
    expect(funded.body.stage).toBe('publicity');
    const list = await api(h, orgs.A.token).get(`/api/competitions/${roundId}/publicity`);
    expect(list.status).toBe(200);
    expect(Date.parse(list.body.publicityEndsAt)).toBeGreaterThan(Date.now());
    expect(list.body.items.map((i: { organizationName: string }) => i.organizationName)).toEqual(
      expect.arrayContaining([orgs.A.name, orgs.B.name]),
    );
    const own = list.body.items.find((i: { id: string }) => i.id === ids.A);
    expect(own.own).toBe(true);
    expect(list.body.items.find((i: { id: string }) => i.id === ids.B).own).toBe(false);
  });

  it('given publicity, when an applicant objects, then it reads its own objection, the administrator every one, others none', async () => {
    const filed = await api(h, orgs.B.token).post(`/api/competitions/${roundId}/objections`, {
      proposalId: ids.A,
      text: '该项目的服务对象与本单位现有项目重复',
    });
    expect(filed.status).toBe(201);
    const notListed = await api(h, orgs.B.token).post(`/api/competitions/${roundId}/objections`, {
      proposalId: '00000000-0000-4000-8000-000000000000',
      text: '不存在的项目',
    });
    expect(notListed.status).toBe(422);

    const own = await api(h, orgs.B.token).get(`/api/competitions/${roundId}/objections`);
    expect(own.body).toHaveLength(1);
    expect(own.body[0]).toMatchObject({ proposalId: ids.A, status: 'pending' });
    expect(own.body[0].filedBy).toBeUndefined();
    expect(
      (await api(h, orgs.A.token).get(`/api/competitions/${roundId}/objections`)).body,
    ).toEqual([]);
    expect((await judges[0]!.http.get(`/api/competitions/${roundId}/objections`)).status).toBe(403);
    const all = await admin.get(`/api/competitions/${roundId}/objections`);
    expect(all.body).toHaveLength(1);
    expect(all.body[0].filedBy).toBe(orgs.B.name);

    const path = `/api/competitions/${roundId}/objections/${filed.body.objectionId}/decision`;
    const ruled = await admin.post(path, { uphold: false, decision: '经核实，服务对象不重复' });
    expect(ruled.status).toBe(200);
    const twice = await admin.post(path, { uphold: true, decision: '再次处理' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('该异议不存在或已作出处理');
    const read = await api(h, orgs.B.token).get(`/api/competitions/${roundId}/objections`);
    expect(read.body[0]).toMatchObject({ status: 'dismissed', decision: '经核实，服务对象不重复' });
  });
});

describe('community records and workflow links', () => {
  it('given an unregistered organisation, when it is recorded, then the record is listed and cannot be changed or taken', async () => {
    const forming = await organization(h, 'forming');
    const recordNo = `BA-${h.districtCode}-draft`;
    const body = { organizationId: forming.organizationId, recordNo, recordedOn: '2026-03-01' };
    expect((await admin.post('/api/community-records', body)).status).toBe(201);
    expect((await admin.post('/api/community-records', body)).status).toBe(201);
    const renumbered = await admin.post('/api/community-records', { ...body, recordNo: 'BA-9' });
    expect(renumbered.status).toBe(409);
    expect(renumbered.body.detail).toBe(`该组织已备案，备案编号 ${recordNo}`);
    const other = await organization(h, 'forming');
    const taken = await admin.post('/api/community-records', {
      ...body,
      organizationId: other.organizationId,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe('备案编号已被使用');
    const registered = await admin.post('/api/community-records', {
      ...body,
      organizationId: orgs.A.organizationId,
      recordNo: `BA-${h.districtCode}-reg`,
    });
    expect(registered.status).toBe(422);
    expect(registered.body.detail).toContain('已依法登记');

    const listed = await reviewer.get('/api/community-records');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBeGreaterThanOrEqual(1);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        organizationName: forming.name,
        recordNo,
        recordedOn: '2026-03-01',
      }),
    );
    expect((await api(h, forming.token).get('/api/community-records')).status).toBe(403);
  });

  it('given a round and a proposal, then officials get their Temporal Web UI addresses and applicants and judges do not', async () => {
    const round = await admin.get(`/api/competitions/${roundId}`);
    expect(round.body.temporalUrl).toBe(
      `${h.config.TEMPORAL_UI_URL.replace(/\/$/, '')}/namespaces/${h.config.TEMPORAL_NAMESPACE}/workflows/competition-round-${roundId}`,
    );
    const p = await admin.get(`/api/competition-proposals/${ids.A}`);
    expect(p.body.temporalUrl).toMatch(/\/workflows\/competition-proposal-/);
    expect((await api(h, orgs.A.token).get(`/api/competitions/${roundId}`)).body.temporalUrl).toBe(
      undefined,
    );
    expect(
      (await api(h, orgs.A.token).get(`/api/competition-proposals/${ids.A}`)).body.temporalUrl,
    ).toBe(undefined);
    const judge = (await panelOf(ids.A))[0]!;
    const seen = await judge.http.get(`/api/competition-proposals/${ids.A}`);
    expect(seen.status).toBe(200);
    expect(seen.body.temporalUrl).toBe(undefined);
  });
});
