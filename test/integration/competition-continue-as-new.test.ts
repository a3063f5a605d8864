import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { createCompetitionClient } from '../../client/competition-client';
import { competitionPolicySchema } from '../../domain/competition/policy';
import type { Prisma } from '../../lib/db';
import {
  proposalWorkflowId,
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

describe('proposals accepted by the API, not by the round workflow', () => {
  it('given submissions, then each proposal workflow runs, the rules hold, and the round history does not grow', async () => {
    const { roundId } = await openRound('由接口受理项目的轮次');
    const round = () => h.client.workflow.getHandle(roundWorkflowId(roundId)).fetchHistory();
    // The round's first task (recording its stage) is done once its marker is in the history.
    const started = await until(
      round,
      (hist) => (hist.events ?? []).some((e) => e.markerRecordedEventAttributes),
      'the round started',
    );
    const before = started.events?.length ?? 0;
    const orgs = [await organization(h), await organization(h), await organization(h)];
    for (const [i, org] of orgs.entries()) {
      const r = await api(h, org.token).post(
        `/api/competitions/${roundId}/proposals`,
        proposal(org, 'elderly', 10_000_00),
      );
      expect(r.status).toBe(201);
      expect(r.body.seq).toBe(i + 1);
      const d = await h.client.workflow.getHandle(proposalWorkflowId(r.body.id)).describe();
      expect(d.type).toBe('competitionProposalWorkflow');
    }
    const twice = await api(h, orgs[0]!.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(orgs[0]!, 'elderly', 10_000_00),
    );
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('限报1个项目');
    expect((await round()).events?.length ?? 0).toBe(before);
    const view = await api(h, orgs[0]!.token).get(`/api/competitions/${roundId}`);
    expect(view.body.proposals).toBe(3);
  });

  it('given a proposal whose workflow could not start, then it does not count against the organisation, which may submit again', async () => {
    const { roundId } = await openRound('启动失败测试轮次');
    const org = await organization(h);
    const failedId = randomUUID();
    await h.db.competitionProposal.create({
      data: {
        id: failedId,
        roundId,
        organizationId: org.organizationId,
        workflowId: proposalWorkflowId(failedId),
        title: '未能启动的项目',
        category: 'elderly',
        status: 'start_failed',
        content: {},
        requestedFen: 10_000_00n,
        capFen: 10_000_00n,
        submittedAt: new Date(),
      },
    });
    const again = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 10_000_00),
    );
    expect(again.status).toBe(201);
    expect(again.body.seq).toBe(2);
    const mine = await api(h, org.token).get(`/api/competitions/${roundId}/proposals?pageSize=100`);
    expect(mine.body.items.map((p: { status: string }) => p.status).sort()).toEqual([
      'start_failed',
      'submitted',
    ]);
  });
});

describe('a round started before the API accepted proposals', () => {
  it('given a low history limit, when submissions keep arriving as Updates, then the round continues as new and keeps its counts and the one-per-organisation rule', async () => {
    const { roundId, competitions } = await openRound('续新测试轮次', 30);
    const first = await h.client.workflow.getHandle(roundWorkflowId(roundId)).describe();
    const orgs = [];
    for (let i = 0; i < 8; i++) {
      const org = await organization(h);
      orgs.push(org);
      const r = await competitions.updateRound(roundId, submitProposalUpdate, {
        actor: { id: org.organizationId, name: org.name, role: 'applicant' },
        proposalId: randomUUID(),
        organizationId: org.organizationId,
        category: 'elderly',
        requestedFen: 10_000_00,
        capFen: 10_000_00,
      });
      expect(r.seq).toBe(i + 1);
    }
    const now = await until(
      () => h.client.workflow.getHandle(roundWorkflowId(roundId)).describe(),
      (d) => d.runId !== first.runId,
      'a new run',
    );
    expect(now.runId).not.toBe(first.runId);
    const again = competitions.updateRound(roundId, submitProposalUpdate, {
      actor: { id: orgs[0]!.organizationId, name: orgs[0]!.name, role: 'applicant' },
      proposalId: randomUUID(),
      organizationId: orgs[0]!.organizationId,
      category: 'elderly',
      requestedFen: 10_000_00,
      capFen: 10_000_00,
    });
    await expect(again).rejects.toThrow(WorkflowUpdateFailedError);
    const view = await competitions.roundStatus(roundId);
    expect(view?.proposals).toBe(8);
    const history = await h.client.workflow
      .getHandle(roundWorkflowId(roundId), first.runId)
      .fetchHistory();
    expect(history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
  });
});
