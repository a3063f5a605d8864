import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { COMPETITION_HISTORIES_DIR as DIR } from '../support/competition-histories';
import { testEnv } from '../support/test-env';

/**
 * Recorded competition histories (a round, and proposals that closed, were terminated, or lost
 * their funding to an objection) replay against today's workflow code.
 */

const files = readdirSync(DIR).filter((f) => f.startsWith('competition-') && f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8'));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
});

describe('replay of recorded competition histories', () => {
  it('given the recorded histories, then the round and every proposal outcome are there', () => {
    expect(files.sort()).toEqual([
      'competition-proposal-closed-news-awaited.json',
      'competition-proposal-closed.json',
      'competition-proposal-objection-news-awaited.json',
      'competition-proposal-objection.json',
      'competition-proposal-terminated-news-awaited.json',
      'competition-proposal-terminated.json',
      // Since patch call-closes-at-deadline: the call closed by the round's timer, not by a person.
      'competition-round-call-closed-at-deadline.json',
      // From before patch round-news-in-background: each transition waited for every proposal.
      'competition-round-news-awaited.json',
      // The rounds below are from before patch call-closes-at-deadline (no timer on the call).
      // A round from before the API accepted proposals: submissions were Updates on the round.
      'competition-round-submission-updates.json',
      'competition-round.json',
    ]);
  });

  it('given the round recorded today, then it delivers news in the background (the patch is taken)', () => {
    const events = load('competition-round.json').events as {
      activityTaskScheduledEventAttributes?: { activityType: { name: string } };
    }[];
    const scheduled = events.flatMap(
      (e) => e.activityTaskScheduledEventAttributes?.activityType.name ?? [],
    );
    expect(scheduled).toContain('deliverRoundNews');
    expect(scheduled).not.toContain('broadcastStage');
  });

  it('given the round recorded with the deadline patch, then its timer fired and closed the call', () => {
    const events = load('competition-round-call-closed-at-deadline.json').events as {
      eventType: string;
      markerRecordedEventAttributes?: {
        markerName: string;
        details: Record<string, { payloads: { data: string }[] }>;
      };
    }[];
    expect(events.map((e) => e.eventType)).toContain('EVENT_TYPE_TIMER_FIRED');
    const patches = events.flatMap((e) =>
      e.markerRecordedEventAttributes?.markerName !== 'core_patch'
        ? []
        : Object.values(e.markerRecordedEventAttributes.details).flatMap((d) =>
            d.payloads.map((p) => JSON.parse(atob(p.data)).id),
          ),
    );
    expect(patches).toContain('call-closes-at-deadline');
  });

  it.each(files)(
    'given %s, when replayed against the current workflow code, then it replays without nondeterminism',
    async (f) => {
      await Worker.runReplayHistory(
        { workflowBundle: { codePath: testEnv('workflowBundle') } },
        load(f),
        f,
      );
    },
  );
});
