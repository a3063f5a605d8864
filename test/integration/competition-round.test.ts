import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeScoringPhase } from '../../activities/competition/scoring-phase';
import { roundWorkflowId } from '../../workflows/competition/messages';
import { recordCompetitionHistory } from '../support/competition-histories';
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
 * One round from call to final tranche through HTTP on the real Temporal server, PostgreSQL and
 * SMTP: eligibility failures, conflict blocks, blind review, a tie settled by the written chain,
 * budget-constrained ranking, an upheld objection, a mid-term C that stops payment.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const YUAN = 100;

describe('a venture-philanthropy round from call to final tranche', () => {
  it('given a round, applicants, judges and officials acting in their roles, then the round runs from call to the last tranche', async () => {
    const admin = api(h, await h.login('admin'));
    const reviewer = api(h, await h.login('reviewer1'));
    const evaluator = api(h, await h.login('evaluator'));
    const finance = api(h, (await staff(h, 'finance', 'finance', '钱财务')).token);
    const firstJudges: Awaited<ReturnType<typeof staff>>[] = [];
    for (let i = 1; i <= 5; i++) firstJudges.push(await staff(h, `judge${i}`, 'judge', `评审${i}`));
    const roadshowJudges: Awaited<ReturnType<typeof staff>>[] = [];
    for (let i = 1; i <= 3; i++)
      roadshowJudges.push(await staff(h, `roadshow${i}`, 'judge', `路演评审${i}`));

    // ── the round ──
    const settings = {
      budgetFen: 80_000 * YUAN,
      categories: [
        { code: 'elderly', name: '为老服务', quotaProjects: 2 },
        { code: 'disability', name: '助残服务' },
      ],
      caps: { registeredFen: 30_000 * YUAN, recordedFen: 5_000 * YUAN },
      allowRecorded: true,
      minPanelSize: 3,
      shortlistSize: 4,
      publicity: { amount: 6, unit: 'seconds' },
    };
    const body = {
      title: '2026年钟楼区公益创投大赛',
      callOpensAt: new Date(Date.now() - 60_000).toISOString(),
      callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      judges: { first: firstJudges.map((j) => j.id), roadshow: roadshowJudges.map((j) => j.id) },
    };
    const badTranches = await admin.post('/api/competitions', {
      ...body,
      settings: { ...settings, tranchePercents: [50, 30, 30] },
    });
    expect(badTranches.status).toBe(422);
    expect(JSON.stringify(badTranches.body.errors)).toContain('之和须为100%');
    const created = await admin.post('/api/competitions', { ...body, settings });
    expect(created.status).toBe(201);
    const roundId: string = created.body.id;
    expect(created.body.settings.tranchePercents).toEqual([50, 30, 20]);
    expect(created.body.settings.rubric.map((c: { max: number }) => c.max)).toEqual([
      20, 25, 15, 15, 15, 10,
    ]);
    expect(created.body.settings.blindReview).toBe(true);

    // ── proposals, with validation per DOMAIN §5.4 ──
    const orgs: Record<string, Org> = {};
    for (const k of ['A', 'B', 'C', 'D', 'E', 'F', 'X']) orgs[k] = await organization(h);
    const submit = (o: Org, p: object) =>
      api(h, o.token).post(`/api/competitions/${roundId}/proposals`, p);

    const listed = await organization(h, 'abnormal');
    const r1 = await submit(listed, proposal(listed, 'elderly', 10_000 * YUAN));
    expect(r1.status).toBe(422);
    expect(r1.body.detail).toContain('活动异常名录');
    const forming = await organization(h, 'forming');
    const r2 = await submit(forming, proposal(forming, 'elderly', 10_000 * YUAN));
    expect(r2.status).toBe(422);
    expect(r2.body.detail).toContain('依法登记');
    const greedy = proposal(orgs.X!, 'elderly', 40_000 * YUAN, {
      budgetLines: [{ item: '公务接待', kind: 'reception', amountFen: 1_000 * YUAN }],
    });
    const r3 = await submit(orgs.X!, greedy);
    expect(r3.status).toBe(422);
    expect(r3.body.detail).toContain('超过本轮对已登记组织的上限¥30,000.00');
    expect(r3.body.detail).toContain('不得用于公务接待');
    expect(r3.body.detail).toContain('预算明细合计');

    const recorded = await organization(h, 'forming');
    expect(
      (
        await admin.post('/api/community-records', {
          organizationId: recorded.organizationId,
          recordNo: `BA-${h.districtCode}-1`,
          recordedOn: '2025-06-01',
        })
      ).status,
    ).toBe(201);
    const overRecordedCap = await submit(recorded, proposal(recorded, 'elderly', 6_000 * YUAN));
    expect(overRecordedCap.status).toBe(422);
    expect(overRecordedCap.body.detail).toContain('备案组织的上限¥5,000.00');
    const g = await submit(recorded, proposal(recorded, 'elderly', 5_000 * YUAN));
    expect(g.status).toBe(201);
    expect(g.body.recorded).toBe(true);

    const plan: [string, string, number][] = [
      ['A', 'elderly', 30_000],
      ['B', 'elderly', 30_000],
      ['C', 'disability', 20_000],
      ['D', 'disability', 30_000],
      ['E', 'disability', 25_000],
      ['F', 'disability', 10_000],
    ];
    const ids: Record<string, string> = { G: g.body.id };
    for (const [k, cat, yuan] of plan) {
      const r = await submit(orgs[k]!, proposal(orgs[k]!, cat, yuan * YUAN));
      expect(r.status).toBe(201);
      ids[k] = r.body.id;
    }
    const again = await submit(orgs.A!, proposal(orgs.A!, 'elderly', 10_000 * YUAN));
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('限报1个');
    await h.smtp.waitFor((m) => m.to.includes(orgs.A!.email) && m.subject.includes('已收到'));

    // A judge declares a link to organisation A before scoring opens.
    const j1 = api(h, firstJudges[0]!.token);
    const applicants = await j1.get(`/api/competitions/${roundId}/applicants`);
    expect(applicants.body.map((o: { id: string }) => o.id)).toContain(orgs.A!.organizationId);
    expect(
      (
        await j1.post(`/api/competitions/${roundId}/conflicts`, {
          organizationIds: [orgs.A!.organizationId],
          reason: '本人为该单位理事',
        })
      ).status,
    ).toBe(200);

    // ── qualification review ──
    expect(
      (await reviewer.post(`/api/competition-proposals/${ids.A}/qualify`, { pass: true })).status,
    ).toBe(409);
    expect((await admin.post(`/api/competitions/${roundId}/close-call`, {})).status).toBe(200);
    const late = await submit(orgs.X!, proposal(orgs.X!, 'elderly', 10_000 * YUAN));
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('截止');
    const noReason = await reviewer.post(`/api/competition-proposals/${ids.F}/qualify`, {
      pass: false,
    });
    expect([noReason.status, noReason.body.detail]).toEqual([422, expect.any(String)]);
    const rejected = await reviewer.post(`/api/competition-proposals/${ids.F}/qualify`, {
      pass: false,
      reasons: ['项目内容与创投方向不符'],
    });
    expect(rejected.body.status).toBe('rejected');
    await h.smtp.waitFor(
      (m) => m.to.includes(orgs.F!.email) && m.subject.includes('资格审查未通过'),
    );
    expect(
      (await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {})).body.detail,
    ).toContain('尚有6个项目未完成资格审查');
    for (const k of ['A', 'B', 'C', 'D', 'E', 'G'])
      expect(
        (await reviewer.post(`/api/competition-proposals/${ids[k]}/qualify`, { pass: true })).body
          .status,
      ).toBe('qualified');

    // ── first scoring: conflicts, blind review, panels ──
    const opened = await admin.post(`/api/competitions/${roundId}/scoring/first/open`, {});
    expect(opened.status).toBe(200);
    expect(opened.body.stage).toBe('first_scoring');
    const assigned = await h.db.competitionAssignment.findMany({
      where: { roundId, phase: 'first' },
    });
    expect(
      assigned.filter((a) => a.proposalId === ids.A && a.judgeId === firstJudges[0]!.id),
    ).toHaveLength(0);
    for (const k of ['A', 'B', 'C', 'D', 'E', 'G'])
      expect(assigned.filter((a) => a.proposalId === ids[k])).toHaveLength(3);
    await h.smtp.waitFor(
      (m) => m.to.includes(firstJudges[0]!.email) && m.subject.includes('评审任务'),
    );

    // A judge on E's panel opens it only after declaring; a declared conflict hands it to another judge.
    const eJudge = firstJudges.find((j) =>
      assigned.some((a) => a.proposalId === ids.E && a.judgeId === j.id),
    )!;
    const ej = api(h, eJudge.token);
    expect((await ej.get(`/api/competition-proposals/${ids.E}`)).status).toBe(409);
    const conflict = await ej.post(`/api/competition-proposals/${ids.E}/declaration`, {
      phase: 'first',
      conflict: true,
      note: '申报单位负责人是本人亲属',
    });
    expect(conflict.status).toBe(200);
    expect(conflict.body.panels.first).toHaveLength(3);
    expect(conflict.body.panels.first).not.toContain(eJudge.id);
    // A retried replacement (the activity run again) seats nobody new.
    const seated = await h.db.competitionAssignment.findFirstOrThrow({
      where: { proposalId: ids.E, phase: 'first', replacesJudgeId: eJudge.id },
    });
    const proposalE = await h.db.competitionProposal.findUniqueOrThrow({ where: { id: ids.E } });
    const retried = await makeScoringPhase(h.db, (async () => {}) as never).replaceJudge({
      roundId,
      proposalId: ids.E as string,
      phase: 'first',
      organizationId: proposalE.organizationId,
      replacing: eJudge.id,
    });
    expect(retried).toBe(seated.judgeId);
    expect(
      await h.db.competitionAssignment.count({ where: { proposalId: ids.E, phase: 'first' } }),
    ).toBe(4);
    expect(
      (
        await ej.post(`/api/competition-proposals/${ids.E}/score`, {
          phase: 'first',
          criteria: criteria(60, 15),
        })
      ).status,
    ).toBe(403);
    expect((await ej.get(`/api/competition-proposals/${ids.E}`)).status).toBe(404);

    // Scores per proposal, in panel order: hand-computed means A 82, B 85, C 72, D 72, E 62, G 55.
    const first: Record<string, [number, number][]> = {
      A: [
        [80, 20],
        [82, 20],
        [84, 20],
      ],
      B: [
        [85, 20],
        [85, 20],
        [85, 20],
      ],
      C: [
        [70, 18],
        [72, 18],
        [74, 18],
      ],
      D: [
        [72, 20],
        [72, 20],
        [72, 20],
      ],
      E: [
        [60, 15],
        [62, 15],
        [64, 15],
      ],
      G: [
        [50, 12],
        [55, 12],
        [60, 12],
      ],
    };
    const used: Record<string, number> = {};
    for (const j of firstJudges) {
      const jc = api(h, j.token);
      const mine = await jc.get(`/api/competitions/${roundId}/proposals?pageSize=100`);
      for (const a of mine.body.items.filter(
        (x: { assignment: string }) => x.assignment === 'assigned',
      )) {
        const k = Object.keys(ids).find((key) => ids[key] === a.id)!;
        expect(
          (
            await jc.post(`/api/competition-proposals/${a.id}/declaration`, {
              phase: 'first',
              conflict: false,
            })
          ).status,
        ).toBe(200);
        const seen = await jc.get(`/api/competition-proposals/${a.id}`);
        expect(seen.status).toBe(200);
        expect(seen.body.blind).toBe(true);
        expect(seen.body.organization).toBeUndefined();
        expect(JSON.stringify(seen.body)).not.toContain(k === 'G' ? recorded.name : orgs[k]!.name);
        expect(JSON.stringify(seen.body)).not.toContain('张小明');
        const [total, design] = first[k]![used[k] ?? 0]!;
        used[k] = (used[k] ?? 0) + 1;
        const s = await jc.post(`/api/competition-proposals/${a.id}/score`, {
          phase: 'first',
          criteria: criteria(total, design),
          comment: '',
        });
        expect(s.status).toBe(200);
      }
    }
    const outOfRange = await j1.post(`/api/competition-proposals/${ids.B}/score`, {
      phase: 'first',
      criteria: { ...criteria(80, 20), design: 30 },
    });
    expect([403, 409, 422]).toContain(outOfRange.status);

    // ── aggregation with the tie-break chain ──
    const closed = await admin.post(`/api/competitions/${roundId}/scoring/first/close`, {});
    expect(closed.status).toBe(200);
    const results = (await admin.get(`/api/competitions/${roundId}/results?phase=first`)).body;
    const order = results.map((r: { proposalId: string }) =>
      Object.keys(ids).find((k) => ids[k] === r.proposalId),
    );
    expect(order).toEqual(['B', 'A', 'D', 'C', 'E', 'G']);
    const byKey = (k: string) =>
      results.find((r: { proposalId: string }) => r.proposalId === ids[k]);
    expect(byKey('A').score).toBe(82);
    expect(byKey('D').score).toBe(72);
    expect(byKey('C').score).toBe(72);
    expect(byKey('D').tieTrace).toEqual([
      {
        ahead: ids.D,
        behind: ids.C,
        decidedBy: 'criterion:design',
        aheadValue: 20,
        behindValue: 18,
      },
    ]);
    expect(typeof byKey('A').normalised).toBe('number');
    await h.smtp.waitFor((m) => m.to.includes(orgs.E!.email) && m.subject.includes('初评结果'));
    await h.smtp.waitFor((m) => m.to.includes(orgs.D!.email) && m.subject.includes('入围路演'));

    // ── roadshow ──
    expect(
      (await admin.post(`/api/competitions/${roundId}/scoring/roadshow/open`, {})).status,
    ).toBe(200);
    const roadshow: Record<string, number> = { B: 90, A: 88, D: 80, C: 75 };
    for (const j of roadshowJudges) {
      const jc = api(h, j.token);
      for (const k of Object.keys(roadshow)) {
        expect(
          (
            await jc.post(`/api/competition-proposals/${ids[k]}/declaration`, {
              phase: 'roadshow',
              conflict: false,
            })
          ).status,
        ).toBe(200);
        expect(
          (
            await jc.post(`/api/competition-proposals/${ids[k]}/score`, {
              phase: 'roadshow',
              criteria: criteria(roadshow[k]!, 20),
            })
          ).status,
        ).toBe(200);
      }
    }
    expect(
      (await admin.post(`/api/competitions/${roundId}/scoring/roadshow/close`, {})).body.stage,
    ).toBe('scored');

    // ── funding within budget (¥80,000) and quotas: D does not fit, C does ──
    const decided = await admin.post(`/api/competitions/${roundId}/funding`, {});
    expect(decided.status).toBe(200);
    expect(decided.body.stage).toBe('publicity');
    const status = async (k: string) =>
      (await admin.get(`/api/competition-proposals/${ids[k]}`)).body;
    expect((await status('B')).status).toBe('selected');
    expect((await status('A')).awardFen).toBe(30_000 * YUAN);
    expect((await status('D')).fundingReason).toContain('剩余预算不足');
    expect((await status('C')).awardFen).toBe(20_000 * YUAN);
    const notice = await h.db.announcement.findUnique({
      where: { key: `competition-publicity-${roundId}` },
    });
    expect(notice?.body).toContain('¥20,000.00');

    // ── publicity: no agreement before its end; an upheld objection re-decides ──
    const early = await admin.post(`/api/competition-proposals/${ids.B}/agreement`, {
      agreementNo: 'GYCT-2026-001',
    });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('公示期结束');
    const objection = await api(h, orgs.E!.token).post(`/api/competitions/${roundId}/objections`, {
      proposalId: ids.A,
      text: '该项目与其已获财政资助的项目内容重复',
    });
    expect(objection.status).toBe(201);
    const upheld = await admin.post(
      `/api/competitions/${roundId}/objections/${objection.body.objectionId}/decision`,
      { uphold: true, decision: '经核实，项目内容重复，异议成立' },
    );
    expect(upheld.status).toBe(200);
    expect((await status('A')).status).toBe('not_funded');
    expect((await status('D')).status).toBe('selected');
    await h.smtp.waitFor((m) => m.to.includes(orgs.E!.email) && m.subject.includes('异议处理结果'));
    await until(
      () => admin.get(`/api/competitions/${roundId}`),
      (r) => r.body.stage === 'implementing',
      'publicity to end',
    );

    // ── agreement, tranche 1 with a second official, mid-term A and C, final ──
    for (const k of ['B', 'D']) {
      const signed = await admin.post(`/api/competition-proposals/${ids[k]}/agreement`, {
        agreementNo: `GYCT-2026-${k}`,
      });
      expect(signed.status).toBe(200);
      expect(signed.body.tranches[0]).toMatchObject({
        n: 1,
        amountFen: 15_000 * YUAN,
        status: 'ordered',
      });
      expect(
        (await admin.post(`/api/competition-proposals/${ids[k]}/payments/1/confirm`, {})).status,
      ).toBe(403);
      expect(
        (await finance.post(`/api/competition-proposals/${ids[k]}/payments/1/confirm`, {})).body
          .status,
      ).toBe('in_progress');
    }
    await h.smtp.waitFor((m) => m.to.includes(orgs.B!.email) && m.subject.includes('第1期'));
    expect(
      (await admin.post(`/api/competition-proposals/${ids.B}/payments/2/order`, {})).status,
    ).toBe(409);

    // Only an evaluator seated on a project sees and evaluates it (issue 13 point 7).
    const unseated = await evaluator.post(`/api/competition-proposals/${ids.D}/evaluations`, {
      stage: 'midterm',
      score: 55,
      report: '进度严重滞后',
    });
    expect(unseated.status).toBe(404);
    const evaluatorId = h.user('evaluator').id;
    for (const k of ['B', 'D'] as const)
      expect(
        (
          await admin.put(`/api/competition-proposals/${ids[k]}/evaluators`, {
            evaluatorIds: [evaluatorId],
          })
        ).status,
      ).toBe(200);
    const midC = await evaluator.post(`/api/competition-proposals/${ids.D}/evaluations`, {
      stage: 'midterm',
      score: 55,
      report: '进度严重滞后',
    });
    expect(midC.body).toMatchObject({ status: 'suspended', midtermGrade: 'C' });
    const blocked = await admin.post(`/api/competition-proposals/${ids.D}/payments/2/order`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain('暂停');
    await h.smtp.waitFor((m) => m.to.includes(orgs.D!.email) && m.subject.includes('C 级'));
    const overClaw = await admin.post(`/api/competition-proposals/${ids.D}/termination`, {
      reason: '中期评估C级',
      clawbackFen: 20_000 * YUAN,
    });
    expect(overClaw.status).toBe(422);
    const terminated = await admin.post(`/api/competition-proposals/${ids.D}/termination`, {
      reason: '中期评估C级，终止项目',
      clawbackFen: 10_000 * YUAN,
    });
    expect(terminated.body.status).toBe('terminated');

    const midA = await evaluator.post(`/api/competition-proposals/${ids.B}/evaluations`, {
      stage: 'midterm',
      score: 90,
      report: '执行良好',
    });
    expect(midA.body).toMatchObject({ status: 'midterm_passed', midtermGrade: 'A' });
    expect(
      (
        await evaluator.post(`/api/competition-proposals/${ids.B}/evaluations`, {
          stage: 'final',
          score: 80,
          report: '提前',
        })
      ).status,
    ).toBe(409);
    expect(
      (await admin.post(`/api/competition-proposals/${ids.B}/payments/2/order`, {})).status,
    ).toBe(200);
    expect(
      (await finance.post(`/api/competition-proposals/${ids.B}/payments/2/confirm`, {})).status,
    ).toBe(200);
    const fin = await evaluator.post(`/api/competition-proposals/${ids.B}/evaluations`, {
      stage: 'final',
      score: 80,
      report: '目标达成',
    });
    expect(fin.body.status).toBe('final_passed');
    expect(
      (await admin.post(`/api/competition-proposals/${ids.B}/payments/3/order`, {})).status,
    ).toBe(200);
    const last = await finance.post(`/api/competition-proposals/${ids.B}/payments/3/confirm`, {});
    expect(last.body.status).toBe('closed');
    expect(last.body.tranches.map((t: { amountFen: number }) => t.amountFen)).toEqual(
      [15_000, 9_000, 6_000].map((y) => y * YUAN),
    );

    // ── figures ──
    const figures = (await finance.get(`/api/competitions/${roundId}/figures`)).body;
    expect(figures.funds).toMatchObject({
      budgetFen: 80_000 * YUAN,
      committedFen: 80_000 * YUAN,
      paidFen: 45_000 * YUAN,
      paid: '¥45,000.00',
    });
    expect(figures.proposalsByStatus).toMatchObject({
      rejected: 1,
      not_shortlisted: 2,
      not_funded: 1,
      closed: 1,
      terminated: 1,
      selected: 1,
    });
    const scoredBy = figures.judges.filter((j: { phase: string }) => j.phase === 'first');
    expect(scoredBy.reduce((n: number, j: { count: number }) => n + j.count, 0)).toBe(18);

    await recordCompetitionHistory(h, 'round', roundWorkflowId(roundId));
    await recordCompetitionHistory(h, 'proposal-closed', `competition-proposal-${ids.B}`);
    await recordCompetitionHistory(h, 'proposal-terminated', `competition-proposal-${ids.D}`);
    await recordCompetitionHistory(h, 'proposal-objection', `competition-proposal-${ids.A}`);
  }, 180_000);
});
