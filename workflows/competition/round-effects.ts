import { log, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type * as m from './messages';
import type { RoundEffect } from './round-rules';

// Round news to thousands of proposals, in the background: as long as it takes, resumed after a
// worker's crash (the heartbeat), never given up (the news is idempotent).
const deliveryAct = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '5 minutes',
});

const local = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 10 },
});

/**
 * The one effects runner of a round: stage writes and objections as local activities, news
 * handed to the background delivery (in order, one after the other, see
 * lib/competition-round-news.ts). `delivering` counts the news not yet delivered: the round
 * continues as new or ends only when it is zero.
 */
export class RoundEffects {
  delivering = 0;
  private deliveries: Promise<void> = Promise.resolve();

  constructor(private readonly roundId: string) {}

  async run(effects: RoundEffect[]): Promise<void> {
    const { roundId } = this;
    for (const e of effects) {
      if (e.kind === 'stage')
        await local.recordRoundStage({
          roundId,
          stage: e.stage,
          publicityEndsAt: e.publicityEndsAt,
        });
      else if (e.kind === 'deliver') this.deliver(e.news, e.phase);
      else {
        const { kind: _k, ...objection } = e;
        await local.recordObjection({ roundId, ...objection });
      }
    }
  }

  private deliver(kind: m.RoundNews['kind'], phase?: m.Phase): void {
    const { roundId } = this;
    this.delivering++;
    this.deliveries = this.deliveries
      .then(async () => {
        await deliveryAct.deliverRoundNews({ roundId, kind, phase });
      })
      .catch((err) => log.error('round news not delivered', { roundId, kind, phase, err }))
      .finally(() => {
        this.delivering--;
      });
  }
}
