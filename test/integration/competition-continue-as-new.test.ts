import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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

describe('a proposal whose workflow cannot start', () => {
  it('given a workflow id already taken, when the round accepts the proposal, then the row is marked start_failed with an audit entry and the organisation may submit again', async () => {
    const { roundId, competitions } = await openRound('启动失败测试轮次');
    const org = await organization(h);
    const proposalId = randomUUID();
    // Something already holds the id: the child start is refused by the server.
    await h.client.workflow.start('occupiedWorkflow', {
      taskQueue: `occupied-${proposalId}`,
      workflowId: proposalWorkflowId(proposalId),
    });
    await h.db.competitionProposal.create({
      data: {
        id: proposalId,
        roundId,
        organizationId: org.organizationId,
        workflowId: proposalWorkflowId(proposalId),
        title: '启动失败的项目',
        category: 'elderly',
        status: 'submitting',
        content: {},
        requestedFen: 10_000_00n,
        capFen: 10_000_00n,
        submittedAt: new Date(),
      },
    });
    const accepted = await competitions.updateRound(roundId, submitProposalUpdate, {
      actor: { id: org.organizationId, name: org.name, role: 'applicant' },
      proposalId,
      organizationId: org.organizationId,
      category: 'elderly',
      requestedFen: 10_000_00,
      capFen: 10_000_00,
    });
    expect(accepted.seq).toBe(1);
    // The audit entry is written after the row: waiting for it sees both.
    const audit = await until(
      () =>
        h.db.auditEntry.findMany({
          where: { subjectType: 'competition_proposal', subjectId: proposalId },
        }),
      (a) => a.length > 0,
      'the failed start recorded',
    );
    expect(audit.map((a) => a.action)).toEqual(['start_failed']);
    const row = await h.db.competitionProposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row.status).toBe('start_failed');
    expect(row.qualificationNote).toContain('重新申报');
    expect(audit[0]?.reason).toMatch(/already/i);

    const again = await api(h, org.token).post(
      `/api/competitions/${roundId}/proposals`,
      proposal(org, 'elderly', 10_000_00),
    );
    expect(again.status).toBe(201);
    const mine = await api(h, org.token).get(`/api/competitions/${roundId}/proposals`);
    expect(mine.body.map((p: { status: string }) => p.status).sort()).toEqual([
      'start_failed',
      'submitted',
    ]);
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
