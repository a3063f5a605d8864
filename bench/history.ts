import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';

export interface HistoryFacts {
  events: number;
  /** Activity type → time from scheduled to completed, summed over the workflow's life (ms). */
  activityMs: Record<string, number>;
  /** Local activities run (one marker each; their time is inside the workflow tasks). */
  localActivities: number;
}

/** Waits for the workflow to close, then reads its history: length and where activities spent time. */
export async function historyFacts(client: Client, workflowId: string): Promise<HistoryFacts> {
  const handle = client.workflow.getHandle(workflowId);
  await handle.result();
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Map<string, { type: string; at: number }>();
  const activityMs: Record<string, number> = {};
  let localActivities = 0;
  for (const e of events) {
    if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') localActivities++;
    const s = e.activityTaskScheduledEventAttributes;
    if (s)
      scheduled.set(String(e.eventId), {
        type: s.activityType?.name ?? '?',
        at: tsToMs(e.eventTime),
      });
    const done = e.activityTaskCompletedEventAttributes;
    const from = done && scheduled.get(String(done.scheduledEventId));
    if (from) activityMs[from.type] = (activityMs[from.type] ?? 0) + tsToMs(e.eventTime) - from.at;
  }
  return { events: events.length, activityMs, localActivities };
}
