import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as m from '../../workflows/evaluation/messages';
import {
  createOrganization,
  createPeople,
  evaluationRules,
  recordEvaluationHistory,
} from '../support/evaluation-world';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';

/**
 * A campaign starts its files in pages and continues as new after a number of children, so a
 * campaign of thousands stays far below the history limits. Here: 5 files, 2 children per run.
 */

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await evaluationRules(h, {});
}, 120_000);

afterAll(async () => {
  await h?.teardown();
});

describe('a campaign that continues as new while it starts its files', () => {
  it('given 5 applications and 2 children per run, then every file runs, the campaign has 3 runs and still closes', async () => {
    const committee = await createPeople(h, 'committee_member', 7, '委员');
    const campaignId = randomUUID();
    const opener = h.user('admin');
    await h.db.evaluationCampaign.create({
      data: {
        id: campaignId,
        workflowId: m.campaignWorkflowId(campaignId),
        districtCode: h.districtCode,
        year: 2026,
        title: '续跑测试',
        noticeAt: new Date(),
        windowOpensAt: new Date(Date.now() - 60_000),
        windowClosesAt: new Date(Date.now() + 3_600_000),
        committeeIds: committee.map((c) => c.id),
        reviewCommitteeIds: committee.slice(0, 5).map((c) => c.id),
        openedById: opener.id,
      },
    });
    const fileIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      // Registered last year: ineligible, so each file finishes straight after its check.
      const org = await createOrganization(h, {
        name: `续跑协会${i}`,
        registeredAt: '2025-09-01T00:00:00+08:00',
      });
      const id = randomUUID();
      fileIds.push(id);
      await h.db.evaluationFile.create({
        data: {
          id,
          campaignId,
          organizationId: org.id,
          workflowId: m.fileWorkflowId(id),
          appliedAt: new Date(),
          appliedById: opener.id,
          selfScore: 800,
          selfAssessment: '自评',
        },
      });
    }
    const actor = { id: opener.id, name: '周管理', role: 'administrator' as const };
    await h.client.workflow.start(m.campaignWorkflowType, {
      taskQueue: h.config.TEMPORAL_TASK_QUEUE,
      workflowId: m.campaignWorkflowId(campaignId),
      args: [
        {
          campaignId,
          year: 2026,
          title: '续跑测试',
          noticeAt: Date.now(),
          windowOpensAt: Date.now() - 60_000,
          windowClosesAt: Date.now() + 3_600_000,
          committeeIds: committee.map((c) => c.id),
          reviewCommitteeIds: committee.slice(0, 5).map((c) => c.id),
          openedBy: actor,
          childrenPerRun: 2,
        } satisfies m.CampaignInput,
      ],
    });
    const admin = http(h.baseUrl, await h.login('admin'));
    for (let i = 0; ; i++) {
      const r = await admin.post(`/api/evaluation/campaigns/${campaignId}/close-applications`);
      if (r.status === 200) break;
      if (i > 50) throw new Error(JSON.stringify(r.body));
      await new Promise((res) => setTimeout(res, 200));
    }
    for (let i = 0; ; i++) {
      const n = await h.db.evaluationFile.count({ where: { campaignId, status: 'ineligible' } });
      if (n === 5) break;
      if (i > 150) throw new Error(`only ${n} files done`);
      await new Promise((res) => setTimeout(res, 200));
    }
    // Visibility is eventually consistent: ask until the third run shows.
    let runs: string[] = [];
    for (let i = 0; i < 50 && runs.length < 3; i++) {
      runs = [];
      for await (const run of h.client.workflow.list({
        query: `WorkflowId = '${m.campaignWorkflowId(campaignId)}'`,
      }))
        runs.push(run.runId);
      if (runs.length < 3) await new Promise((res) => setTimeout(res, 200));
    }
    expect(runs).toHaveLength(3);
    const closed = await admin.post(`/api/evaluation/campaigns/${campaignId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ phase: 'closed', progress: { applied: 5, ineligible: 5 } });
    await recordEvaluationHistory(h, 'campaign-continued', m.campaignWorkflowId(campaignId));
  });
});
