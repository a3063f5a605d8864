import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCompetitionClient } from '../../client/competition-client';
import { competitionPolicySchema } from '../../domain/competition/policy';
import type { Prisma } from '../../lib/db';
import { roundWorkflowId } from '../../workflows/competition/messages';
import { api, organization, proposal, until } from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

describe('a round whose history grows', () => {
  it('given a low history limit, when proposals keep arriving, then the round continues as new and keeps its counts and the one-per-organisation rule', async () => {
    const roundId = randomUUID();
    const policy = competitionPolicySchema.parse({});
    const opens = Date.now() - 60_000;
    const closes = Date.now() + 3_600_000;
    await h.db.competitionRound.create({
      data: {
        id: roundId,
        title: '续新测试轮次',
        workflowId: roundWorkflowId(roundId),
        stage: 'call_open',
        settings: policy as unknown as Prisma.InputJsonValue,
        ruleVersion: 'test',
        budgetFen: BigInt(policy.budgetFen),
        callOpensAt: new Date(opens),
        callClosesAt: new Date(closes),
        createdById: h.user('admin').id,
      },
    });
    const competitions = createCompetitionClient(h.client, h.config.TEMPORAL_TASK_QUEUE);
    await competitions.startRound({
      roundId,
      title: '续新测试轮次',
      policy,
      callOpensAt: opens,
      callClosesAt: closes,
      maxHistoryEvents: 30,
    });
    const first = await h.client.workflow.getHandle(roundWorkflowId(roundId)).describe();

    const orgs = [];
    for (let i = 0; i < 8; i++) {
      const org = await organization(h);
      orgs.push(org);
      const r = await api(h, org.token).post(
        `/api/competitions/${roundId}/proposals`,
        proposal(org, 'elderly', 10_000_00),
      );
      expect(r.status).toBe(201);
      expect(r.body.seq).toBe(i + 1);
    }
    const now = await until(
      () => h.client.workflow.getHandle(roundWorkflowId(roundId)).describe(),
      (d) => d.runId !== first.runId,
      'a new run',
    );
    expect(now.runId).not.toBe(first.runId);
    const again = await api(h, orgs[0]!.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(orgs[0]!, 'elderly', 10_000_00),
    );
    expect(again.status).toBe(409);
    const view = await competitions.roundStatus(roundId);
    expect(view?.proposals).toBe(8);
    const history = await h.client.workflow
      .getHandle(roundWorkflowId(roundId), first.runId)
      .fetchHistory();
    expect(history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
  });
});
