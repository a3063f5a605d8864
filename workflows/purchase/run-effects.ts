import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { dueAfter } from './deadline';
import type { Effect } from './effects';
import type { PurchaseState } from './state';
import { buildView } from './view';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: ACTIVITY_TIMEOUT,
  // Database hiccups heal; keep trying rather than lose a decision.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

async function loadRules(s: PurchaseState, at: number): Promise<void> {
  const r = await acts.loadPurchaseRules({ at });
  s.ruleSet = r.ref;
  s.policy = r.policy;
  s.calendar = r.calendar;
  if (r.creditCode) s.creditCode = r.creditCode;
  // The publicity started under the rules of the award date.
  if (s.publicity && s.status === 'publicity') {
    const start = Date.parse(s.publicity.startedAt);
    s.publicity.endsAt = new Date(dueAfter(start, s.policy.publicity, s.calendar)).toISOString();
  }
}

/**
 * Runs a transition's effects, then writes the audit entries and the projection in one
 * activity (one transaction), then queues the mails. `origin` is unique per transition, so
 * every announcement and outbox key is stable across retries and replays.
 */
export async function runEffects(s: PurchaseState, effects: Effect[], origin: string, now: number) {
  for (const e of effects) if (e.kind === 'loadRules') await loadRules(s, e.at);
  // The trail travels once, as new entries; the stored view leaves it out (keeps history small).
  const view = { ...buildView(s), trail: [] };
  for (const e of effects) {
    if (e.kind !== 'announce') continue;
    await acts.publishPurchaseAnnouncement({
      key: `${s.workflowId}/${e.announcement}/${origin}`,
      kind: e.announcement,
      view,
      publishedAt: now,
    });
  }
  await acts.recordPurchase({
    projectId: s.projectId,
    entries: s.trail.slice(s.flushedUpTo),
    seq: s.trail.length,
    view,
    workflowId: s.workflowId,
  });
  s.flushedUpTo = s.trail.length;
  for (const [i, e] of effects.entries()) {
    if (e.kind !== 'notify') continue;
    await acts.notifyPurchase({
      key: `${s.workflowId}/${origin}/${i}/${e.template}`,
      audience: e.audience,
      template: e.template,
      context: {
        projectNo: s.projectNo,
        title: s.title,
        department: s.department,
        status: view.statusLabel,
        ...e.extra,
      },
    });
  }
}
