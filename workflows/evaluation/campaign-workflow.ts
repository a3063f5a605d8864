import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { toFailure } from '../shared/failure';
import { UpdateServer } from '../shared/serve';
import * as c from './campaign-rules';
import type { CampaignEffect } from './campaign-rules';
import * as m from './messages';

const act = proxyActivities<Activities>({
  startToCloseTimeout: ACTIVITY_TIMEOUT,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const PAGE = 100;
/** Production continues as new after this many children per run (2 events each). */
const CHILDREN_PER_RUN = 500;

/**
 * One campaign (§4.3 ROUND) per year and district: notice, application window, then one
 * child workflow per application. The campaign never holds files: children are started in
 * pages from the database and abandoned to run on their own; progress is read from the
 * projection. Continue-as-new keeps every run far below the history limits.
 */
export async function evaluationCampaignWorkflow(
  input: m.CampaignInput,
  resumed?: m.CampaignState,
): Promise<m.CampaignView> {
  const s: m.CampaignState = resumed ?? {
    phase: 'notice',
    startedAfter: null,
    filesStarted: 0,
    closedAt: null,
  };
  const server = new UpdateServer();
  const { lock } = server;
  const view = (): m.CampaignView => ({
    ...s,
    campaignId: input.campaignId,
    year: input.year,
    title: input.title,
    windowOpensAt: new Date(input.windowOpensAt).toISOString(),
    windowClosesAt: new Date(input.windowClosesAt).toISOString(),
  });
  const run = async (effects: CampaignEffect[]) => {
    for (const e of effects)
      await act.recordCampaignPhase({ campaignId: input.campaignId, phase: e.phase, at: e.at });
  };
  const phase = (p: m.CampaignPhase) => run(c.phased(s, p, Date.now()));

  setHandler(m.campaignStatusQuery, view);
  server.on(
    m.closeApplicationsUpdate,
    () => null,
    async () => {
      await run(c.applicationsClosed(s, Date.now()));
      return view();
    },
    { validate: () => c.checkWindowOpen(s) },
  );
  server.on(
    m.closeCampaignUpdate,
    () => c.checkAssessing(s),
    async () => {
      const open = await act.countOpenFiles({ campaignId: input.campaignId });
      const closed = c.campaignClosed(s, open, Date.now());
      if (!Array.isArray(closed)) throw toFailure(closed);
      await run(closed);
      return view();
    },
  );
  server.serveOffers();

  // §4.3 NOTICE_PUBLISHED: the notice (公告) is published as the campaign opens.
  if (!resumed && patched('evaluation-campaign-notice'))
    await lock.run(() => act.publishCampaignNotice({ campaignId: input.campaignId }));
  if (s.phase === 'notice') {
    await condition(() => s.phase !== 'notice', Math.max(1, input.windowOpensAt - Date.now()));
    if (s.phase === 'notice') await lock.run(() => phase('application_window'));
  }
  if (s.phase === 'application_window') {
    await condition(
      () => s.phase !== 'application_window',
      Math.max(1, input.windowClosesAt - Date.now()),
    );
    if (s.phase === 'application_window') await lock.run(() => phase('assessment'));
  }
  if (s.phase === 'assessment') {
    const perRun = input.childrenPerRun ?? CHILDREN_PER_RUN;
    let startedThisRun = 0;
    for (;;) {
      const page = await act.listFilesToStart({
        campaignId: input.campaignId,
        after: s.startedAfter,
        limit: Math.min(PAGE, perRun - startedThisRun),
      });
      if (page.length === 0) break;
      await Promise.all(page.map((f) => startFile(input, f)));
      s.startedAfter = page[page.length - 1]?.fileId ?? s.startedAfter;
      s.filesStarted += page.length;
      startedThisRun += page.length;
      if (startedThisRun >= perRun || workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        return continueAsNew<typeof evaluationCampaignWorkflow>(input, s);
      }
    }
  }
  await condition(() => s.phase === 'closed');
  await condition(allHandlersFinished);
  return view();
}

async function startFile(
  input: m.CampaignInput,
  f: { fileId: string; organizationId: string; appliedAt: number },
): Promise<void> {
  await startChild(m.fileWorkflowType, {
    workflowId: m.fileWorkflowId(f.fileId),
    args: [
      {
        fileId: f.fileId,
        campaignId: input.campaignId,
        organizationId: f.organizationId,
        appliedAt: f.appliedAt,
        committeeIds: input.committeeIds,
        reviewCommitteeIds: input.reviewCommitteeIds,
      } satisfies m.FileInput,
    ],
    // Files outlive a run of the campaign (continue-as-new) and report through the database.
    parentClosePolicy: 'ABANDON',
  });
}
