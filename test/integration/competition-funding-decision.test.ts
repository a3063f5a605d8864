import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  backfillFundingDecisions,
  numberFundingDecisions,
} from '../../activities/competition/number-funding-decisions';
import { makeRoundStage } from '../../activities/competition/round-stage';
import { createSealer } from '../../activities/documents/seal-document';
import { fundingDecisionKey } from '../../domain/competition/funding-decision';
import { parseSigningKey } from '../../lib/document-seal';
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
import { http } from '../support/http';

/**
 * The funding decision of a competition (资助决定书, issue 15 point 7): once the funding list is
 * final (publicity over), each funded proposal gets a readable decision number, once; the
 * proposal not funded gets none, and nothing is numbered while the list is still under publicity.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const YUAN = 100;

describe('the funding decision number of a competition', () => {
  it('given a round of three proposals and budget for two, when publicity ends, then the two funded get consecutive decision numbers once and the third none', async () => {
    const admin = api(h, await h.login('admin'));
    const reviewer = api(h, await h.login('reviewer1'));
    const judge = await staff(h, 'fd-judge', 'judge', '决定书评审');
    const created = await admin.post('/api/competitions', {
      title: `资助决定测试轮次${h.districtCode}`,
      callOpensAt: new Date(Date.now() - 60_000).toISOString(),
      callClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      judges: { first: [judge.id], roadshow: [judge.id] },
      settings: {
        budgetFen: 40_000 * YUAN,
        minPanelSize: 1,
        shortlistSize: 3,
        categories: [{ code: 'elderly', name: '为老服务' }],
        caps: { registeredFen: 30_000 * YUAN },
        publicity: { amount: 4, unit: 'seconds' },
      },
    });
    expect(created.status).toBe(201);
    const roundId: string = created.body.id;
    const orgs: Org[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const o = await organization(h);
      const p = await api(h, o.token).post(
        `/api/competitions/${roundId}/proposals`,
        proposal(o, 'elderly', 20_000 * YUAN),
      );
      expect(p.status).toBe(201);
      orgs.push(o);
      ids.push(p.body.id);
    }
    expect((await admin.post(`/api/competitions/${roundId}/close-call`, {})).status).toBe(200);
    for (const id of ids)
      expect(
        (await reviewer.post(`/api/competition-proposals/${id}/qualify`, { pass: true })).status,
      ).toBe(200);
    const judging = api(h, judge.token);
    for (const phase of ['first', 'roadshow'] as const) {
      expect(
        (await admin.post(`/api/competitions/${roundId}/scoring/${phase}/open`, {})).status,
      ).toBe(200);
      for (const [i, id] of ids.entries()) {
        await judging.post(`/api/competition-proposals/${id}/declaration`, {
          phase,
          conflict: false,
        });
        const s = await judging.post(`/api/competition-proposals/${id}/score`, {
          phase,
          criteria: criteria(90 - i * 5, 20),
        });
        expect(s.status).toBe(200);
      }
      expect(
        (await admin.post(`/api/competitions/${roundId}/scoring/${phase}/close`, {})).status,
      ).toBe(200);
    }
    const funded = await admin.post(`/api/competitions/${roundId}/funding`, {});
    expect(funded.body.stage).toBe('publicity');

    // Under publicity the list may still change: no decision yet.
    const detail = async (i: number, token = orgs[i]!.token) =>
      (await api(h, token).get(`/api/competition-proposals/${ids[i]}`)).body;
    expect((await detail(0)).decision).toBeNull();

    await until(
      () => admin.get(`/api/competitions/${roundId}`),
      (r) => r.body.stage === 'implementing',
      'publicity to end',
    );
    const [first, second, third] = [await detail(0), await detail(1), await detail(2)];
    expect(third.status).toBe('not_funded');
    expect(third.decision).toBeNull();
    const pattern = new RegExp(`^${h.config.AUTHORITY_SHORT_NAME}创资字〔(\\d{4})〕第(\\d{4})号$`);
    const seqs = [first, second].map((d) => {
      expect(d.status).toBe('selected');
      expect(d.decision).toMatchObject({
        roundTitle: `资助决定测试轮次${h.districtCode}`,
        categoryName: '为老服务',
        awardFen: 20_000 * YUAN,
      });
      const m = pattern.exec(d.decision.decisionNo);
      expect(m).not.toBeNull();
      expect(Date.parse(d.decision.decidedAt)).toBeLessThanOrEqual(Date.now());
      return Number(m![2]);
    });
    // Sealed: the public verification page finds it genuine and in force, by its printed code.
    expect(first.decision.seal.url).toMatch(/\/public\/verify\/[0-9A-Z]{20}$/);
    const checked = await http(h.baseUrl).get(`/api/public/documents/${first.decision.seal.code}`);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      genuine: true,
      statusLabel: '有效',
      document: {
        kindLabel: '公益创投项目资助决定书',
        title: '公益创投项目资助决定书',
        docNo: first.decision.decisionNo,
        holder: orgs[0]!.name,
        authority: h.config.AUTHORITY_NAME,
      },
    });

    // One transaction numbers the round (the counter's row lock queues other rounds): the
    // higher-ranked first, without a gap.
    expect(seqs[1]).toBe(seqs[0]! + 1);

    // The staff see the same decision; a retried stage or a second call numbers nothing again.
    expect((await detail(0, await h.login('admin'))).decision.decisionNo).toBe(
      first.decision.decisionNo,
    );
    const round = await h.db.competitionRound.findUniqueOrThrow({ where: { id: roundId } });
    const issuer = {
      shortName: h.config.AUTHORITY_SHORT_NAME,
      authority: h.config.AUTHORITY_NAME,
    };
    await makeRoundStage(h.db, issuer).recordRoundStage({
      roundId,
      stage: 'implementing',
      publicityEndsAt: round.publicityEndsAt?.getTime() ?? null,
    });
    expect(await numberFundingDecisions(h.db, { ...issuer, roundId, at: Date.now() })).toBe(0);
    const stored = await h.db.competitionProposal.findMany({
      where: { roundId },
      select: { id: true, decisionNo: true },
    });
    expect(new Map(stored.map((p) => [p.id, p.decisionNo]))).toEqual(
      new Map([
        [ids[0], first.decision.decisionNo],
        [ids[1], second.decision.decisionNo],
        [ids[2], null],
      ]),
    );

    // A round final before decisions were numbered or sealed: the worker's backfill numbers
    // and seals it, keeps a number already given, and a second run changes nothing.
    const keys = ids.slice(0, 2).map((id) => fundingDecisionKey(id));
    await h.db.documentSeal.deleteMany({ where: { documentKey: { in: keys } } });
    await h.db.competitionProposal.update({
      where: { id: ids[1] },
      data: { decisionNo: null, decidedAt: null },
    });
    const sealer = createSealer(
      parseSigningKey(h.config.DOCUMENT_SIGNING_KEY as string),
      h.config.publicUrl,
    );
    await backfillFundingDecisions(h.db, { ...issuer, sealer });
    const backfilled = async () =>
      Promise.all(
        ids.slice(0, 2).map(async (id) => ({
          decisionNo: (await h.db.competitionProposal.findUniqueOrThrow({ where: { id } }))
            .decisionNo,
          seal: await h.db.documentSeal.findUniqueOrThrow({
            where: { documentKey: fundingDecisionKey(id) },
          }),
        })),
      );
    const once = await backfilled();
    expect(once[0]!.decisionNo).toBe(first.decision.decisionNo);
    expect(once[1]!.decisionNo).toMatch(pattern);
    expect(once[1]!.decisionNo).not.toBe(second.decision.decisionNo);
    for (const d of once) {
      const r = await http(h.baseUrl).get(`/api/public/documents/${d.seal.code}`);
      expect(r.body).toMatchObject({
        genuine: true,
        statusLabel: '有效',
        document: { docNo: d.decisionNo },
      });
    }
    await backfillFundingDecisions(h.db, { ...issuer, sealer });
    const twice = await backfilled();
    expect(twice.map((d) => [d.decisionNo, d.seal.code])).toEqual(
      once.map((d) => [d.decisionNo, d.seal.code]),
    );
    // The backfilled decision no longer stands once the project's funding is terminated.
    await h.db.competitionProposal.update({
      where: { id: ids[1] },
      data: { status: 'terminated' },
    });
    const ended = await http(h.baseUrl).get(`/api/public/documents/${once[1]!.seal.code}`);
    expect(ended.body).toMatchObject({ genuine: true, statusLabel: '已失效' });
    expect(ended.body.reason).toContain('终止');
  }, 180_000);
});
