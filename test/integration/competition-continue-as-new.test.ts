import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCompetitionClient } from '../../client/competition-client';
import { competitionPolicySchema } from '../../domain/competition/policy';
import type { Prisma } from '../../lib/db';
import {
  proposalWorkflowId,
  releaseSubmissionUpdate,
  roundWorkflowId,
  submitProposalUpdate,
} from '../../workflows/competition/messages';
import { api, organization, proposal, until } from '../support/competition-steps';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

async function openRound(title: string, maxHistoryEvents?: number) {
  const roundId = randomUUID();
  const policy = competitionPolicySchema.parse({});
  const opens = Date.now() - 60_000;
  const closes = Date.now() + 3_600_000;
  await h.db.competitionRound.create({
    data: {
      id: roundId,
      title,
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
    title,
    policy,
    callOpensAt: opens,
    callClosesAt: closes,
    ...(maxHistoryEvents ? { maxHistoryEvents } : {}),
  });
  return { roundId, competitions };
}

describe('proposals started by the API, not as children of the round', () => {
  it('given a submission, then the proposal workflow runs and the round history holds no child events', async () => {
    const { roundId } = await openRound('由接口启动项目的轮次');
    const org = await organization(h);
    const r = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 10_000_00),
    );
    expect(r.status).toBe(201);
    const d = await h.client.workflow.getHandle(proposalWorkflowId(r.body.id)).describe();
    expect(d.type).toBe('competitionProposalWorkflow');
    const history = await h.client.workflow.getHandle(roundWorkflowId(roundId)).fetchHistory();
    const types = (history.events ?? []).map((e) => e.eventType);
    expect(types.length).toBeGreaterThan(3);
    expect(
      (history.events ?? []).some((e) => e.startChildWorkflowExecutionInitiatedEventAttributes),
    ).toBe(false);
  });

  it('given an accepted proposal whose workflow could not start, when its place is released, then the organisation may submit again', async () => {
    const { roundId, competitions } = await openRound('启动失败测试轮次');
    const org = await organization(h);
    const proposalId = randomUUID();
    const actor = { id: org.organizationId, name: org.name, role: 'applicant' };
    const accepted = await competitions.updateRound(roundId, submitProposalUpdate, {
      actor,
      proposalId,
      organizationId: org.organizationId,
      category: 'elderly',
      requestedFen: 10_000_00,
      capFen: 10_000_00,
    });
    expect(accepted.seq).toBe(1);
    expect(accepted.start).toMatchObject({ proposalId, roundId, seq: 1 });
    // Never started: the place is still held.
    const held = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 10_000_00),
    );
    expect(held.status).toBe(409);
    const released = await competitions.updateRound(roundId, releaseSubmissionUpdate, {
      actor,
      proposalId,
      organizationId: org.organizationId,
    });
    expect(released).toEqual({ released: true });
    const again = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 10_000_00),
    );
    expect(again.status).toBe(201);
    expect(again.body.seq).toBe(2);
  });
});

describe('a round whose history grows', () => {
  it('given a low history limit, when proposals keep arriving, then the round continues as new and keeps its counts and the one-per-organisation rule', async () => {
    const { roundId, competitions } = await openRound('续新测试轮次', 30);
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
